/** A one-line progress bar on stderr (redrawn in place on a terminal, a line per 10 % otherwise). */
export function progressBar(label: string, total: number) {
  const started = Date.now();
  const tty = process.stderr.isTTY;
  let lastDecile = -1;
  const fmt = (n: number) => n.toLocaleString('en-US');
  function draw(done: number, final = false) {
    const ratio = total === 0 ? 1 : Math.min(1, done / total);
    const width = 30;
    const filled = Math.round(ratio * width);
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? Math.round(done / seconds) : 0;
    const line = `${label.padEnd(22)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.floor(ratio * 100)).padStart(3)}% ${fmt(done)}/${fmt(total)} ${fmt(rate)}/s ${seconds.toFixed(0)}s`;
    if (tty) process.stderr.write(`\r${line}${final ? '\n' : ''}`);
    else {
      const decile = Math.floor(ratio * 10);
      if (decile !== lastDecile || final) {
        lastDecile = decile;
        process.stderr.write(`${line}\n`);
      }
    }
  }
  return {
    update: (done: number) => draw(done),
    done: () => draw(total, true),
  };
}

/** Runs `fn` and prints how long it took. */
export async function step<T>(label: string, fn: () => Promise<T> | T): Promise<T> {
  const started = Date.now();
  process.stderr.write(`${label}…${process.stderr.isTTY ? '' : '\n'}`);
  const result = await fn();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stderr.write(process.stderr.isTTY ? ` ${seconds}s\n` : `${label}: ${seconds}s\n`);
  return result;
}
