/** Throws unless two samples pair up one to one. */
export function assertPaired(name: string, a: readonly unknown[], b: readonly unknown[]): void {
  if (a.length !== b.length) {
    throw new Error(`rubricate: ${name} needs samples of equal length, got ${a.length} and ${b.length}`);
  }
}
