import type { RunProgress } from "../lib/runner/run_benchmark.ts";

/**
 * Returns a progress callback that draws a bar on stderr: done/total, failed, rate and ETA.
 * On a terminal the bar redraws in place; otherwise it prints a line every 10%.
 */
export function createProgressBar(): { update: (progress: RunProgress) => void; finish: () => void } {
  const isTerminal = Deno.stderr.isTerminal();
  const encoder = new TextEncoder();
  let lastDecile = -1;
  let lastLine = "";
  let lastDraw = 0;

  const format = (p: RunProgress) => {
    const fresh = p.done - p.skipped;
    const rate = p.elapsedMs > 0 ? fresh / (p.elapsedMs / 1000) : 0;
    const remaining = p.total - p.done;
    const eta = rate > 0 ? `${Math.ceil(remaining / rate)} s` : "?";
    const width = 28;
    const filled = p.total > 0 ? Math.round((p.done / p.total) * width) : width;
    const bar = "#".repeat(filled) + "-".repeat(width - filled);
    return `[${bar}] ${p.done}/${p.total} done, ${p.failed} failed, ${rate.toFixed(1)} trials/s, ETA ${eta}`;
  };

  return {
    update(progress) {
      lastLine = format(progress);
      if (isTerminal) {
        const now = performance.now();
        if (now - lastDraw < 100 && progress.done < progress.total) return;
        lastDraw = now;
        Deno.stderr.writeSync(encoder.encode(`\r${lastLine}\x1b[K`));
        return;
      }
      const decile = progress.total > 0 ? Math.floor((progress.done / progress.total) * 10) : 10;
      if (decile !== lastDecile) {
        lastDecile = decile;
        Deno.stderr.writeSync(encoder.encode(`${lastLine}\n`));
      }
    },
    finish() {
      if (isTerminal && lastLine) Deno.stderr.writeSync(encoder.encode(`\r${lastLine}\x1b[K\n`));
    },
  };
}
