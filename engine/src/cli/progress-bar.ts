/** A one-line progress bar; on a non-TTY stream it prints a plain line per tenth instead of redrawing. */
export interface ProgressBar {
  update(done: number, total: number, detail?: string): void;
  finish(): void;
}

const WIDTH = 30;

export function createProgressBar(stream: NodeJS.WriteStream, label: string): ProgressBar {
  const started = Date.now();
  let lastTenth = -1;
  let drawn = false;
  return {
    update(done, total, detail = '') {
      const ratio = total === 0 ? 1 : done / total;
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const filled = Math.round(ratio * WIDTH);
      const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${done}/${total} ${(ratio * 100).toFixed(1)}% ${detail} ${seconds}s`;
      if (stream.isTTY) {
        stream.write(`\r${line}`);
        drawn = true;
        return;
      }
      const tenth = Math.floor(ratio * 10);
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        stream.write(`${line}\n`);
      }
    },
    finish() {
      if (drawn) stream.write('\n');
    },
  };
}
