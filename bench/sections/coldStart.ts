import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Library } from '../library.js';
import { median } from '../measure.js';
import { checked, fmt, type Row } from '../table.js';
import type { SectionResult } from './speed.js';

/** The answer the CLI grades in the cold-start run. */
export const COLD_ANSWER = 'We track deployment frequency, lead time for changes and MTTR.';

/** Run a command to completion and return its wall time in milliseconds and its stdout; throws if it fails. */
function timed(args: readonly string[]): { ms: number; stdout: string } {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  const ms = performance.now() - started;
  if (result.status !== 0)
    throw new Error(`bench: node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return { ms, stdout: result.stdout };
}

/**
 * Fresh processes, interleaved `runs` times: bare `node`, importing the library (wall time, and the import
 * alone timed inside the process), and `rubricate grade devops/kpis --text "…"`. Medians.
 */
export function coldStartSection({ dist }: Library, runs: number): SectionResult {
  const url = pathToFileURL(join(dist, 'node.js')).href;
  const importScript = `const t = performance.now(); await import(${JSON.stringify(url)}); process.stdout.write(String(performance.now() - t));`;
  const times = {
    node: [] as number[],
    importWall: [] as number[],
    importOnly: [] as number[],
    cli: [] as number[],
  };
  for (let i = 0; i < runs; i++) {
    times.node.push(timed(['-e', '']).ms);
    const imported = timed(['--input-type=module', '-e', importScript]);
    times.importWall.push(imported.ms);
    times.importOnly.push(Number(imported.stdout));
    times.cli.push(timed([join(dist, 'cli.js'), 'grade', 'devops/kpis', '--text', COLD_ANSWER]).ms);
  }
  const section = 'cold start';
  const rows: Row[] = [
    {
      section,
      measure: `node -e "" (the process floor), median of ${runs}`,
      value: `${fmt(median(times.node))} ms`,
    },
    {
      section,
      measure: 'import rubricate, fresh process',
      value: `${fmt(median(times.importOnly))} ms import, ${fmt(median(times.importWall))} ms process`,
    },
    checked(
      section,
      'rubricate grade devops/kpis --text "…", fresh process',
      median(times.cli),
      ' ms',
      '≤',
      400,
    ),
  ];
  return { rows, data: { runs, times } };
}
