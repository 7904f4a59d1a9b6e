import { redactSecrets } from "./redact_secrets.ts";
import type { Clock, StreamEvent } from "./types.ts";
import type { TimedFetch } from "./timed_fetch.ts";
import { classifyError } from "./classify_error.ts";

/** Turns one provider's SDK chunks into stream events. One reader serves one request. */
export interface ChunkReader<TChunk> {
  /** Return the events carried by `chunk`, which the adapter received at clock reading `t`. */
  read(chunk: TChunk, t: number): StreamEvent[];
  /**
   * Return the closing events (`usage` when the server sent usage, then `end`) once the SDK
   * stream is exhausted at `t`. Throws `InvalidStreamError` when the stream closed early.
   */
  finish(t: number): StreamEvent[];
}

/** One request for `driveStream`. */
export interface DriveOptions<TChunk> {
  clock: Clock;
  signal?: AbortSignal;
  /** Key values to redact from error messages. */
  secrets: readonly string[];
  /** The fetch wrapper handed to the SDK client that `open` uses. */
  timedFetch: TimedFetch;
  /** Send the request; resolves once the response headers are in and the status is 2xx. */
  open: () => Promise<AsyncIterable<TChunk>>;
  reader: ChunkReader<TChunk>;
}

/**
 * Run one streaming request and yield its events: `response-headers`, content events,
 * `usage`, then `end`. On any failure the last event is one `error` event instead of `end`,
 * because every exception of `open`, the SDK stream and the reader is caught here.
 */
export async function* driveStream<TChunk>(options: DriveOptions<TChunk>): AsyncGenerator<StreamEvent> {
  const { clock, signal, secrets, timedFetch, reader } = options;
  let headYielded = false;

  const takeHeadEvent = (): StreamEvent[] => {
    const head = timedFetch.lastHead();
    if (head === null || headYielded) return [];
    headYielded = true;
    const requestId = head.requestId === null ? null : redactSecrets(head.requestId, secrets ?? []);
    return [{ type: "response-headers", t: head.t, status: head.status, requestId, sentT: head.sentT }];
  };

  try {
    const chunks = await options.open();
    yield* takeHeadEvent();

    for await (const chunk of chunks) {
      // The arrival of the bytes that completed the chunk, when the transport saw it; else now.
      const t = timedFetch.lastBodyT() ?? clock();
      yield* reader.read(chunk, t);
    }
    const t = clock();

    // The OpenAI and Anthropic SDKs end an aborted stream quietly instead of throwing.
    if (signal?.aborted) throw new DOMException("The request was aborted.", "AbortError");
    yield* reader.finish(t);
  } catch (error) {
    const t = clock();
    yield* takeHeadEvent();
    const info = classifyError(error, { secrets, signal, headers: timedFetch.lastHead()?.headers ?? null });
    yield { type: "error", t, error: info };
  }
}
