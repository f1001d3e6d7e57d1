import type { Profiler } from 'node:inspector';

/** Where a profile node's code lives: the npm package, else the file name, else V8's label ("(garbage collector)"). */
function origin(url: string, name: string): string {
  if (url.includes('node_modules/'))
    return (url.split('node_modules/').pop() as string).split('/')[0] as string;
  if (url.startsWith('node:') || !url) return url || name;
  return url.split('/').pop() as string;
}

/**
 * Lines summarising a CPU profile: the `top` functions by self time (share, milliseconds, name, origin), then
 * self time by origin (a package, a file of rubricate's build, or V8's own work such as garbage collection).
 */
export function summarizeProfile(profile: Profiler.Profile, top: number): string[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0));
  });
  const byFunction = new Map<string, number>();
  const byOrigin = new Map<string, number>();
  let total = 0;
  for (const [id, micros] of self) {
    const { functionName, url } = (byId.get(id) as Profiler.ProfileNode).callFrame;
    const where = origin(url, functionName);
    const key = `${functionName || '(anonymous)'} · ${where}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
    byOrigin.set(where, (byOrigin.get(where) ?? 0) + micros);
    total += micros;
  }
  const rows = (map: Map<string, number>, count: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(
        ([key, micros]) =>
          `${((100 * micros) / total).toFixed(1).padStart(5)}%  ${(micros / 1000).toFixed(0).padStart(6)} ms  ${key}`,
      );
  return [
    'self time by function:',
    ...rows(byFunction, top),
    '',
    'self time by origin:',
    ...rows(byOrigin, 12),
  ];
}
