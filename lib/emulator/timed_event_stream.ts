/** Why a timed stream stopped: all frames sent, client gone, or server closing. */
export type StreamStopReason = "finished" | "disconnected" | "closed";

/** One piece of a response body and its send time in milliseconds after the request arrived. */
export interface TimedFrame {
  atMs: number;
  data: string;
}

/**
 * Creates a response body that sends each frame at its time. It keeps one timer pending
 * at a time (no busy waiting), sends frames that are already due together, and stops
 * quietly when the client disconnects or `signal` aborts. `onStop` runs once, with the
 * reason the stream stopped.
 *
 * Times are measured from `startedAt` (a `performance.now()` reading), so timer lateness
 * does not accumulate over a long stream.
 */
export function timedEventStream(
  frames: readonly TimedFrame[],
  startedAt: number,
  signal: AbortSignal,
  onStop: (reason: StreamStopReason) => void = () => {},
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let next = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const stop = (reason: StreamStopReason) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    signal.removeEventListener("abort", onAbort);
    if (!stopped) onStop(reason);
    stopped = true;
  };
  let onAbort = () => {};

  return new ReadableStream<Uint8Array>({
    start(controller) {
      onAbort = () => {
        stop("closed");
        try {
          controller.close();
        } catch {
          // The stream is already closed or cancelled by the client, so nothing is left to release.
        }
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener("abort", onAbort, { once: true });

      const pump = () => {
        timer = undefined;
        if (stopped) return;
        const elapsed = performance.now() - startedAt;
        let batch = "";
        while (next < frames.length && frames[next].atMs <= elapsed + 1) batch += frames[next++].data;
        try {
          if (batch) controller.enqueue(encoder.encode(batch));
          if (next >= frames.length) {
            stop("finished");
            controller.close();
            return;
          }
        } catch {
          // The client went away between timers: the stream is already cancelled.
          return stop("disconnected");
        }
        timer = setTimeout(pump, frames[next].atMs - elapsed);
      };
      pump();
    },
    cancel() {
      stop("disconnected");
    },
  });
}

/** Resolves at `atMs` after `startedAt`, or rejects with the signal's reason when it aborts first. */
export function waitUntil(startedAt: number, atMs: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, Math.max(0, atMs - (performance.now() - startedAt)));
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
