/**
 * Progress of a long command: a bar when stderr is a terminal, otherwise plain lines (one per
 * tenth of the work) that read well in a log file or a CI job.
 */
import cliProgress from 'cli-progress';
import type { Output } from './io.js';

export interface Progress {
  tick(): void;
  stop(): void;
}

export function createProgress(out: Output, total: number, label: string): Progress {
  if (total === 0) return { tick() {}, stop() {} };
  if (out.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {value}/{total} {percentage}% eta {eta_formatted}`, stream: out as NodeJS.WriteStream, hideCursor: true, clearOnComplete: false },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    return { tick: () => bar.increment(), stop: () => bar.stop() };
  }
  let done = 0;
  let nextReport = Math.ceil(total / 10);
  return {
    tick() {
      done++;
      if (done >= nextReport || done === total) {
        out.write(`${label}: ${done}/${total}\n`);
        nextReport = done + Math.ceil(total / 10);
      }
    },
    stop() {},
  };
}
