import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, where the built CLI lives. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The built binary (and its worker, dist/batchWorker.js, beside it): `npm test` builds it before vitest. */
export const CLI = join(ROOT, 'dist/cli.js');

/** What a CLI run printed and how it exited. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** How to run the CLI: stdin, working directory (default: the repository root), extra environment, time limit. */
export interface CliOptions {
  input?: string;
  cwd?: string;
  env?: Record<string, string>;
  /** Milliseconds before the run is killed (default 20,000). */
  timeout?: number;
}

/**
 * Run the built `rubricate` binary (`node dist/cli.js …args`) to completion with piped output; NO_COLOR (unless
 * `env` sets it) and FORCE_COLOR are removed. Throws when dist/cli.js is missing.
 */
export function runCli(args: readonly string[], options: CliOptions = {}): CliRun {
  if (!existsSync(CLI))
    throw new Error(`${CLI} is missing: run \`npm run build\` (npm test does) before vitest`);
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  if (options.env?.NO_COLOR === undefined) delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    env,
    encoding: 'utf8',
    input: options.input ?? '',
    timeout: options.timeout ?? 20_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The lines of a stream's output, without the final newline. */
export function lines(output: string): string[] {
  return output.replace(/\n$/, '').split('\n');
}
