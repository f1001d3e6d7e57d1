// `npx tsx bench/profile.ts [--dist DIR] [--seconds N]`: CPU-profile the built package grading the bench corpus
// (the V8 sampling profiler, as `node --cpu-prof` uses, driven through node:inspector) and print where the time
// goes: top functions by self time, then self time by package. Build first (`npm run build`).
import { Session } from 'node:inspector/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { CompiledRubric } from '../src/rubric/compileRubric.js';
import type { Rubric } from '../src/rubric/schema.js';
import { buildCorpus } from './corpus.js';
import { loadLibrary } from './library.js';
import { summarizeProfile } from './summarizeProfile.js';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: fileURLToPath(new URL('../dist', import.meta.url)) },
    seconds: { type: 'string', default: '10' },
  },
});
const { api, rubrics } = await loadLibrary(values.dist);
const corpus = buildCorpus(
  rubrics.BUNDLED_RUBRIC_IDS.map((id) => rubrics.bundledRubric(id)),
  20,
);
const compiled = new Map<Rubric, CompiledRubric>();
for (const { rubric } of corpus) if (!compiled.has(rubric)) compiled.set(rubric, api.compileRubric(rubric));
const pass = () => {
  for (const e of corpus) api.grade(compiled.get(e.rubric) as CompiledRubric, e.answer);
};
pass();

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
await session.post('Profiler.start');
const until = performance.now() + Number(values.seconds) * 1000;
let passes = 0;
for (; performance.now() < until; passes++) pass();
const { profile } = await session.post('Profiler.stop');
session.disconnect();
process.stdout.write(
  `${passes} passes over ${corpus.length} answers\n\n${summarizeProfile(profile, 25).join('\n')}\n`,
);
