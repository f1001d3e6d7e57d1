/** What the progress line shows: rows done (and errors), this run's speed, and the share of the input read when its size is known. */
interface ProgressState {
  rows: number;
  errors: number;
  /** Rows per second in this run. */
  rate: number;
  /** Share of the input read, 0–1, when its size is known. */
  fraction?: number;
  /** Seconds left, when they can be estimated. */
  eta?: number;
}

function clock(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const mmss = `${String(m).padStart(h > 0 ? 2 : 1, '0')}:${String(s % 60).padStart(2, '0')}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}

/** The progress line, e.g. `12,345 rows · 3 errors · 1,234 rows/s · 45% · ETA 0:12`. */
function formatProgress(state: ProgressState): string {
  const parts = [
    `${state.rows.toLocaleString('en-US')} rows`,
    `${state.errors.toLocaleString('en-US')} errors`,
    `${Math.round(state.rate).toLocaleString('en-US')} rows/s`,
  ];
  if (state.fraction !== undefined) parts.push(`${Math.floor(state.fraction * 100)}%`);
  if (state.eta !== undefined) parts.push(`ETA ${clock(state.eta)}`);
  return `rubricate: ${parts.join(' · ')}`;
}

/**
 * Draw a progress line on `stream` (a terminal) now and a few times a second until `stop` clears it. `read` gives the rows
 * done so far and, for a file, the share of it read; speed and ETA count from the first row of this run, so
 * rows skipped by `--resume` do not inflate them.
 */
export function showProgress(
  stream: NodeJS.WriteStream,
  read: () => { rows: number; errors: number; fraction?: number | undefined },
): { stop(): void } {
  let start: { time: number; rows: number; fraction: number } | undefined;
  const draw = (): void => {
    const now = performance.now();
    const { rows, errors, fraction } = read();
    start ??= rows > 0 ? { time: now, rows, fraction: fraction ?? 0 } : undefined;
    const seconds = start ? (now - start.time) / 1000 : 0;
    const rate = start && seconds > 0 ? (rows - start.rows) / seconds : 0;
    const gained = fraction !== undefined && start ? fraction - start.fraction : 0;
    const state: ProgressState = {
      rows,
      errors,
      rate,
      ...(fraction !== undefined ? { fraction } : {}),
      ...(fraction !== undefined && gained > 0.001 ? { eta: (seconds * (1 - fraction)) / gained } : {}),
    };
    stream.write(`\r${formatProgress(state)}\u001b[K`);
  };
  draw();
  const timer = setInterval(draw, 250);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      stream.write('\r\u001b[K');
    },
  };
}
