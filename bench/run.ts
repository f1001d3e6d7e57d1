// `npm run bench`: measure rubricate's built package (dist/) and print one table; results go to bench/results.json.
// Options: --dist DIR (another build, e.g. an older version), --out FILE, --quick (fewer rounds and rows),
// --only speed,length,size,compile,cold,batch (a subset of sections).
import { writeFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildCorpus } from './corpus.js';
import { floorNlp, loadLibrary } from './library.js';
import type { MeasureOptions } from './measure.js';
import { batchSection } from './sections/batch.js';
import { coldStartSection } from './sections/coldStart.js';
import { compileSection } from './sections/compile.js';
import { lengthSection, sizeSection } from './sections/scaling.js';
import { type SectionResult, speedSection } from './sections/speed.js';
import { type Row, renderTable } from './table.js';

const SECTIONS = ['compile', 'speed', 'length', 'size', 'cold', 'batch'] as const;

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: fileURLToPath(new URL('../dist', import.meta.url)) },
    out: { type: 'string', default: fileURLToPath(new URL('./results.json', import.meta.url)) },
    quick: { type: 'boolean', default: false },
    only: { type: 'string', default: SECTIONS.join(',') },
  },
});
const only = new Set(values.only.split(','));
const measureOptions: MeasureOptions = values.quick ? { rounds: 1, time: 200 } : { rounds: 5, time: 600 };

const library = await loadLibrary(values.dist);
const { api, rubrics: bundled } = library;
const rubrics = bundled.BUNDLED_RUBRIC_IDS.map((id) => bundled.bundledRubric(id));
const nlp = floorNlp();
// Load the language model in both before anything is timed.
nlp.readDoc('Warm up.');
api.grade(
  { id: 'warm-up', title: 'Warm up', concepts: [{ id: 'a', label: 'A', match: ['warm up'] }] },
  'Warm up.',
);
const corpus = buildCorpus(rubrics, 20);

const run: Record<(typeof SECTIONS)[number], () => SectionResult> = {
  compile: () => compileSection(library, rubrics, measureOptions),
  speed: () => speedSection(library, corpus, nlp, measureOptions),
  length: () => lengthSection(library, rubrics, nlp, measureOptions),
  size: () => sizeSection(library, rubrics, corpus, measureOptions),
  cold: () => coldStartSection(library, values.quick ? 5 : 15),
  batch: () =>
    batchSection(
      library,
      corpus,
      values.quick ? 2_000 : 20_000,
      values.quick ? 10_000 : 100_000,
      values.quick ? 1 : 3,
    ),
};
const rows: Row[] = [];
const data: Record<string, unknown> = {};
for (const name of SECTIONS) {
  if (!only.has(name)) continue;
  process.stderr.write(`bench: ${name}…\n`);
  const result = run[name]();
  rows.push(...result.rows);
  data[name] = result.data;
}

const machine = {
  node: process.version,
  platform: `${platform()} ${release()}`,
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGb: Math.round(totalmem() / 2 ** 30),
};
const table = renderTable(rows);
process.stdout.write(
  `rubricate ${api.VERSION} (${library.dist}) on ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}\n\n${table}\n`,
);
writeFileSync(
  values.out,
  `${JSON.stringify({ date: new Date().toISOString(), version: api.VERSION, machine, quick: values.quick, rows, data }, null, 2)}\n`,
);
