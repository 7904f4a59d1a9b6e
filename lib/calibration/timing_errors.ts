import type { AttemptOutcome } from "../runner/run_attempt.ts";

/** Timing errors of one calibration stream, in ms: what the harness measured minus what the server did. */
export interface TimingErrors {
  /** Measured TTFT (first content − send, client clock) minus server TTFT (first send − arrival, server clock). */
  ttftErrorMs: number;
  /** For each later chunk: measured gap minus the gap between the server's send times. */
  gapErrorsMs: number[];
  /**
   * Part of the TTFT error before the server saw the request: server arrival − harness send,
   * read on the system clock both processes share. Null without `originUnixMs`.
   */
  requestPathMs: number | null;
  /** Stream events the adapter yielded (headers, chunks, usage, end). */
  events: number;
}

const STAMP = /^\[(\d+)\|(\d+)\]$/;

/**
 * Compares a calibration stream as the harness recorded it with the send times the server
 * stamped into each chunk (`[µs since the request arrived|arrival in µs since the epoch]`).
 * The TTFT and gap errors use one clock per side (client send to client receive, server
 * arrival to server send), so the two processes' clocks never need to agree. The split into
 * request and response path needs `originUnixMs`, the Unix time of the outcome's clock
 * origin, and assumes both processes map their monotonic clocks to the same Unix time. An
 * adjustment of the system clock between the two processes' starts breaks that assumption.
 * Throws when the stream failed or a chunk lacks its stamp, because then the error cannot
 * be measured.
 */
export function timingErrors(outcome: AttemptOutcome, originUnixMs: number | null = null): TimingErrors {
  if (outcome.error !== null) {
    throw new Error(`calibration stream failed (${outcome.error.class}): ${outcome.error.message}`);
  }
  const chunks = outcome.content.filter((event) => event.kind === "text-delta");
  return stampedTimingErrors(outcome.send_ms, chunks.map((chunk) => ({ t_ms: chunk.t_ms, text: chunk.text })), outcome.events.length, originUnixMs);
}

/**
 * Computes the timing errors of one stream from the client's send time and the received
 * chunks, each with its receive time and the text that contains the server's stamp. Times
 * count from one origin whose Unix time is `originUnixMs`. Throws when no chunk came or
 * one lacks its stamp.
 */
export function stampedTimingErrors(
  sendMs: number,
  chunks: readonly { t_ms: number; text: string }[],
  events: number,
  originUnixMs: number | null,
): TimingErrors {
  if (chunks.length === 0) throw new Error("calibration stream carried no chunk");
  const stamps = chunks.map((chunk) => {
    const match = STAMP.exec(chunk.text);
    if (match === null) throw new Error(`calibration chunk ${JSON.stringify(chunk.text)} has no [µs|arrival] stamp`);
    return { sentMs: Number(match[1]) / 1000, arrivalUnixMs: Number(match[2]) / 1000 };
  });
  const serverMs = stamps.map((stamp) => stamp.sentMs);
  const ttftErrorMs = (chunks[0].t_ms - sendMs) - serverMs[0];
  const gapErrorsMs = chunks.slice(1).map((chunk, i) => (chunk.t_ms - chunks[i].t_ms) - (serverMs[i + 1] - serverMs[i]));
  const requestPathMs = originUnixMs === null ? null : stamps[0].arrivalUnixMs - (originUnixMs + sendMs);
  return { ttftErrorMs, gapErrorsMs, requestPathMs, events };
}
