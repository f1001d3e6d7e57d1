/**
 * Cases per property: `ci` by default, or RUBRICATE_FUZZ_RUNS for a longer run
 * (`RUBRICATE_FUZZ_RUNS=10000 npx vitest run test/hostile` is the nightly size).
 */
export function fuzzRuns(ci: number): number {
  const runs = Number(process.env.RUBRICATE_FUZZ_RUNS);
  return Number.isInteger(runs) && runs > 0 ? runs : ci;
}
