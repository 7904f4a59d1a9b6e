import { BodyDecoder, bodyFraming } from "./http1_body_decoder.ts";
import { findHeadEnd, MAX_HEAD_BYTES, parseResponseHead } from "./http1_response_head.ts";
import type { TransportProbe } from "./http_transport.ts";
import type { Clock } from "./types.ts";

/** The connection closed before any byte of the response: a reused connection the server had already closed. */
export class StaleConnectionError extends TypeError {
  constructor(options?: ErrorOptions) {
    super("the connection closed before the response started", options);
    this.name = "StaleConnectionError";
  }
}

/** Options of `readSocketResponse`. */
export interface SocketResponseOptions {
  conn: Deno.Conn;
  method: string;
  url: URL;
  clock: Clock;
  probe: TransportProbe;
  signal: AbortSignal;
  /** Runs once the body has been read to its end, with `reusable` true when `conn` may carry another request. */
  onDone(reusable: boolean): void;
}

/** Unread body bytes above which the socket is not read until the consumer catches up. */
const MAX_QUEUED_BYTES = 8 * 1024 * 1024;
const READ_SIZE = 16 * 1024;

type QueueItem = { kind: "bytes"; bytes: Uint8Array; t: number } | { kind: "end" } | { kind: "error"; error: unknown };

/**
 * Reads one HTTP/1.x response from `conn` and resolves with it once its head is in.
 *
 * The socket is read as soon as bytes arrive, not on the consumer's request, and each read is
 * stamped on arrival. The body stream hands the reads out in order with a high-water mark
 * of 0, so when the consumer takes a read the probe's `bodyT` becomes that read's arrival
 * time. Aborting `signal` closes the connection and errors the body with the signal's reason.
 */
export function readSocketResponse(options: SocketResponseOptions): Promise<Response> {
  const { conn, clock, probe, signal } = options;
  const queue: QueueItem[] = [];
  let queuedBytes = 0;
  let wake: (() => void) | null = null;
  let resumeReading: (() => void) | null = null;
  let finished = false;

  const push = (item: QueueItem) => {
    queue.push(item);
    if (item.kind === "bytes") queuedBytes += item.bytes.length;
    wake?.();
    wake = null;
  };

  const body = new ReadableStream<Uint8Array>({
    pull: async (controller) => {
      while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const item = queue.shift()!;
      if (item.kind === "bytes") {
        queuedBytes -= item.bytes.length;
        resumeReading?.();
        resumeReading = null;
        probe.bodyT = item.t;
        controller.enqueue(item.bytes);
      } else if (item.kind === "end") {
        controller.close();
      } else {
        controller.error(item.error);
      }
    },
    cancel: () => finish(false),
  }, { highWaterMark: 0 });

  let headResolved = false;
  let resolveHead: (response: Response) => void = () => {};
  let rejectHead: (error: unknown) => void = () => {};
  const finish = (reusable: boolean) => {
    if (finished) return;
    finished = true;
    signal.removeEventListener("abort", onAbort);
    options.onDone(reusable);
  };
  const fail = (error: unknown) => {
    if (!headResolved) rejectHead(error);
    if (!finished) push({ kind: "error", error });
    finish(false);
  };
  const onAbort = () => fail(signal.reason);

  const pump = async () => {
    const buffer = new Uint8Array(READ_SIZE);
    let pending: Uint8Array = new Uint8Array(0);
    let decoder: BodyDecoder | null = null;
    let keepAlive = false;

    while (!finished) {
      if (queuedBytes > MAX_QUEUED_BYTES) await new Promise<void>((resolve) => (resumeReading = resolve));
      const n = await conn.read(buffer);
      const t = clock();
      if (finished) return;
      if (n === null) {
        if (decoder === null) throw pending.length === 0 ? new StaleConnectionError() : new TypeError("the connection closed before the response head ended");
        decoder.end();
        push({ kind: "end" });
        return finish(false);
      }
      let bytes: Uint8Array = buffer.subarray(0, n);

      if (decoder === null) {
        pending = concat(pending, bytes);
        for (let headEnd = findHeadEnd(pending); headEnd !== -1 && decoder === null; headEnd = findHeadEnd(pending)) {
          const head = parseResponseHead(pending.subarray(0, headEnd));
          pending = pending.subarray(headEnd);
          if (head.status === 101) throw new TypeError("the server switched protocols, which the socket transport does not support");
          // An informational response (100 Continue, 103 Early Hints) comes before the real one.
          if (head.status < 200) continue;
          decoder = new BodyDecoder(bodyFraming(options.method, head.status, head.headers));
          const connection = head.headers.get("connection")?.toLowerCase() ?? "";
          keepAlive = head.minorVersion === 1 ? !/\bclose\b/.test(connection) : /\bkeep-alive\b/.test(connection);
          const response = new Response(decoder.done ? null : body, { status: head.status, statusText: head.statusText, headers: head.headers });
          Object.defineProperty(response, "url", { value: options.url.href });
          headResolved = true;
          probe.headT = t;
          resolveHead(response);
        }
        if (decoder === null) {
          if (pending.length > MAX_HEAD_BYTES) throw new TypeError(`the response head is longer than ${MAX_HEAD_BYTES} bytes`);
          continue;
        }
        bytes = pending;
      }

      for (const piece of decoder.push(bytes)) push({ kind: "bytes", bytes: piece.slice(), t });
      if (decoder.done) {
        push({ kind: "end" });
        return finish(keepAlive && decoder.leftover.length === 0);
      }
    }
  };

  return new Promise<Response>((resolve, reject) => {
    resolveHead = resolve;
    rejectHead = reject;
    if (signal.aborted) return fail(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    pump().catch((error) => fail(signal.aborted ? signal.reason : error));
  });
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b.slice();
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}
