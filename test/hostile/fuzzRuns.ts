/**
 * Cases per property: `ci` by default, or RUBRICATE_FUZZ_RUNS for a longer run
 * (`RUBRICATE_FUZZ_RUNS=10000 npx vitest run test/hostile` is the nightly size).
 */
export function fuzzRuns(ci: number): number {
  const runs = Number(process.env.RUBRICATE_FUZZ_RUNS);
  return Number.isInteger(runs) && runs > 0 ? runs : ci;
}

/** Time allowed for a suite of `runs`-case properties: 30 ms a case, at least 30 s. */
export function fuzzTimeout(runs: number): number {
  return Math.max(30_000, runs * 30);
}
