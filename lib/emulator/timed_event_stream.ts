/** Why a timed stream stopped: all frames sent, client gone, or server closing. */
export type StreamStopReason = "finished" | "disconnected" | "closed";

/** One piece of a response body and its send time in milliseconds after the request arrived. */
export interface TimedFrame {
  atMs: number;
  data: string;
  /** True for a frame that carries output text (reply or thinking), where stream faults may cut. */
  content?: boolean;
}

/** End of a stream after its last frame: closed cleanly, broken off, or left open and silent. */
export type StreamEnding = "close" | "drop" | "stall";

/** Text in a frame that a calibration stream replaces with the µs since arrival at which the frame is sent. */
export const EMIT_MARKER = "@@EMIT_US@@";
/** Text in a frame that a calibration stream replaces with the request's arrival time in µs since the Unix epoch. */
export const ARRIVAL_MARKER = "@@ARRIVAL_UNIX_US@@";

/** Options of `timedEventStream`. */
export interface TimedStreamOptions {
  /** `drop` errors the body so the connection breaks; `stall` keeps it open until the client leaves. */
  ending?: StreamEnding;
  /** Replace `EMIT_MARKER` with the send time in µs since `startedAt`, and `ARRIVAL_MARKER` with `startedAt` in µs since the epoch. */
  stampEmitTimes?: boolean;
}

/**
 * Creates a response body that sends each frame at its time. It keeps one timer pending
 * at a time (no busy waiting), sends frames that are already due together, and stops
 * quietly when the client disconnects or `signal` aborts. `onStop` runs once, with the
 * reason the stream stopped.
 *
 * Times are measured from `startedAt` (a `performance.now()` reading), so timer lateness
 * does not accumulate over a long stream. After the last frame the stream closes, or with
 * `ending` breaks the connection (`drop`) or sends nothing more until the client
 * disconnects or the server closes (`stall`).
 */
export function timedEventStream(
  frames: readonly TimedFrame[],
  startedAt: number,
  signal: AbortSignal,
  onStop: (reason: StreamStopReason) => void = () => {},
  options: TimedStreamOptions = {},
): ReadableStream<Uint8Array> {
  const ending = options.ending ?? "close";
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
        if (options.stampEmitTimes && batch) {
          batch = batch.replaceAll(EMIT_MARKER, String(Math.round((performance.now() - startedAt) * 1000)))
            .replaceAll(ARRIVAL_MARKER, String(Math.round((performance.timeOrigin + startedAt) * 1000)));
        }
        try {
          if (batch) controller.enqueue(encoder.encode(batch));
          if (next >= frames.length) {
            if (ending === "stall") return; // Silent until cancel() or the server's close signal.
            stop("finished");
            if (ending === "drop") controller.error(dropError());
            else controller.close();
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

// The server logs a body error with its stack; a one-line stack keeps an intended drop to one log line.
function dropError(): Error {
  const error = new Error("connection dropped (fault injected by the emulator)");
  error.stack = `Error: ${error.message}`;
  return error;
}
