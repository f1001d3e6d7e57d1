// A fresh process for the batch bench: grades rows cycled from a corpus file with the built package's
// gradeBatch and prints one JSON line. Run by sections/batch.ts:
//   node bench/batchChild.mjs <dist> <corpus.json> <rows> <workers…>
// Each worker count runs over the same rows, in the order given; cpuSeconds is the CPU time of the whole process over
// a run (every thread: the caller's, the workers', V8's compiler and collector threads), maxRssMb its peak.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [dist, corpusFile, rowCount, ...workerCounts] = process.argv.slice(2);
const { gradeBatch } = await import(pathToFileURL(join(dist, 'node.js')).href);
if (typeof gradeBatch !== 'function') {
  process.stdout.write(`${JSON.stringify({ unavailable: 'dist/node.js does not export gradeBatch' })}\n`);
  process.exit(0);
}
const corpus = JSON.parse(readFileSync(corpusFile, 'utf8'));

function* rows(n) {
  for (let i = 0; i < n; i++) {
    const entry = corpus[i % corpus.length];
    yield { id: i, answer: entry.answer, rubric: entry.rubric };
  }
}

const runs = [];
for (const workers of workerCounts.map(Number)) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  let graded = 0;
  let errors = 0;
  for await (const result of gradeBatch(rows(Number(rowCount)), { workers })) {
    if (result.error === undefined) graded++;
    else errors++;
  }
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  runs.push({
    workers,
    rows: graded + errors,
    errors,
    seconds,
    cpuSeconds,
    rowsPerSecond: (graded + errors) / seconds,
  });
}
const maxRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ runs, maxRssMb })}\n`);
