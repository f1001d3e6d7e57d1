/**
 * The generation after `generation` for stamps that mark an entry by holding the current generation (0 marks
 * nothing): a new generation unmarks every entry at once. Past the last 32-bit value the stamps are cleared and
 * counting starts again at 1.
 * @example generation = nextGeneration(stamps, generation); stamps[i] = generation; // marks i until the next call
 */
export function nextGeneration(stamps: Uint32Array, generation: number): number {
  if (generation + 1 < 2 ** 32) return generation + 1;
  stamps.fill(0);
  return 1;
}
