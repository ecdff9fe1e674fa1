// The progress bar of a long run: on standard error, only when it is a terminal and there are more
// than a few inputs (a pipe or a log file gets nothing of it, and neither does a run of three), one
// line redrawn in place (done/total and the time left) and cleared at the end, before the results.

/** Fewer inputs than this are over before a bar would tell anything. */
export const PROGRESS_MIN_INPUTS = 4;

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(s: string): unknown;
}

/** 1:05 / 12:00 / 1:02:03 */
export function clock(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Columns a text takes in a terminal: a Chinese character takes two. */
const width = (s: string) => [...s].reduce((n, c) => n + (c.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0);

/**
 * One line of the bar: `[██████░░░░░░] 12/40 剩余约 1:20 left`. The time left is what the whole run
 * takes at the rate so far, less the time already spent (the rate holds with several inputs at once
 * too), so it counts down between inputs.
 */
export function progressLine(done: number, total: number, elapsedMs: number, columns = 80): string {
  const left = done > 0 ? `剩余约 ${clock((elapsedMs * total) / done - elapsedMs)} left` : '估算中 estimating';
  const counts = `${done}/${total}`;
  // The line must never wrap: a wrapped line is not redrawn in place.
  const room = Math.max(5, Math.min(40, columns - 1 - width(`[] ${counts} ${left}`)));
  const filled = total > 0 ? Math.round((room * done) / total) : room;
  return `[${'█'.repeat(filled)}${'░'.repeat(room - filled)}] ${counts} ${left}`;
}

export interface Progress {
  /** One more input done. */
  tick(): void;
  /** Clears the line (the results follow on a clean terminal). */
  end(): void;
}

const NONE: Progress = { tick() {}, end() {} };

export function progressBar(total: number, stream: ProgressStream = process.stderr, now: () => number = Date.now): Progress {
  if (!stream.isTTY || total < PROGRESS_MIN_INPUTS) return NONE;
  const start = now();
  let done = 0;
  const draw = () => stream.write(`\r${progressLine(done, total, now() - start, stream.columns || 80)}\x1b[K`);
  draw();
  // The time left is redrawn each second, even while one long input (a scan) is being read.
  const timer = setInterval(draw, 1000);
  timer.unref?.();
  return {
    tick() {
      done = Math.min(total, done + 1);
      draw();
    },
    end() {
      clearInterval(timer);
      stream.write('\r\x1b[K');
    },
  };
}
