import type { Rubric } from '../rubric/schema.js';

/** Most whole points calibration rounds to one by one; a larger maximum is cut into this many equal steps. */
export const MAX_STEPS = 100;

/**
 * The scores an answer can be rounded to: the steps of the rubric's scale (and 0), or whole points from 0 to
 * the maximum (plus the maximum itself when it is fractional), or past `MAX_STEPS` points, `MAX_STEPS` equal steps
 * of the maximum (so the confusion matrix and kappa stay small however many points a rubric has).
 */
export function scoreLevels(rubric: Rubric, maxScore: number): number[] {
  const scale = rubric.scoring.scale;
  const levels = scale
    ? [0, ...scale.map((step) => step.score)]
    : maxScore > MAX_STEPS
      ? Array.from({ length: MAX_STEPS + 1 }, (_, i) => Math.round(((maxScore * i) / MAX_STEPS) * 1e4) / 1e4)
      : Array.from({ length: Math.floor(maxScore) + 1 }, (_, i) => i).concat(maxScore);
  return [...new Set(levels)].sort((a, b) => a - b);
}

/** Index of the level nearest to a score; a score halfway between two levels goes to the higher. */
export function nearestLevel(levels: readonly number[], score: number): number {
  let best = 0;
  for (let i = 1; i < levels.length; i++) {
    if (Math.abs((levels[i] as number) - score) <= Math.abs((levels[best] as number) - score) + 1e-9)
      best = i;
  }
  return best;
}
