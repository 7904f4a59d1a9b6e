import type { StartedRead } from "./connection_pool.ts";
import { READ_SIZE } from "./connection_pool.ts";
import { BodyDecoder, bodyFraming } from "./http1_body_decoder.ts";
import { concatBytes } from "./concat_bytes.ts";
import { HttpProtocolError } from "./http_protocol_error.ts";
import { findHeadEnd, MAX_HEAD_BYTES, parseResponseHead } from "./http1_response_head.ts";
import type { TransportProbe } from "./http_transport.ts";
import type { Clock } from "./types.ts";

/**
 * The connection ended before any byte of the response arrived, which is how a kept-alive
 * connection that the server closed while idle fails. Sending again is safe only then.
 */
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
  /** A read the pool started while the connection was idle: its result is this response's first bytes. */
  startedRead?: StartedRead | null;
  /** Runs once the response has been read to its end, with `reusable` true when `conn` may carry another request. */
  onDone(reusable: boolean): void;
}

/** Unread body bytes above which the socket is not read until the consumer catches up. */
const MAX_QUEUED_BYTES = 8 * 1024 * 1024;

type QueueItem = { kind: "bytes"; bytes: Uint8Array; t: number } | { kind: "end" } | { kind: "error"; error: unknown };

/**
 * Reads one HTTP/1.x response from `conn` and resolves with it once its head is in.
 *
 * The socket is read as soon as bytes arrive, not on the consumer's request, and each read
 * is stamped on arrival. The body stream hands the reads out in order with a high-water
 * mark of 0, so when the consumer takes a read the probe's `bodyT` becomes that read's
 * arrival time. Aborting `signal` before the consumer has read the end closes the
 * connection, drops the bytes not yet read and errors the body with the signal's reason.
 * Start it before writing the request, so a response the server sends early (a 413 while
 * the body is still being written) is read.
 */
export function readSocketResponse(options: SocketResponseOptions): Promise<Response> {
  const { conn, clock, probe, signal } = options;
  const queue: QueueItem[] = [];
  let queuedBytes = 0;
  let wake: (() => void) | null = null;
  let resumeReading: (() => void) | null = null;
  let connectionDone = false;
  let consumerDone = false;
  let headResolved = false;
  let resolveHead: (response: Response) => void = () => {};
  let rejectHead: (error: unknown) => void = () => {};

  const push = (item: QueueItem) => {
    queue.push(item);
    if (item.kind === "bytes") queuedBytes += item.bytes.length;
    wake?.();
    wake = null;
  };
  const releaseConnection = (reusable: boolean) => {
    if (connectionDone) return;
    connectionDone = true;
    options.onDone(reusable);
  };
  const stopListening = () => {
    consumerDone = true;
    signal.removeEventListener("abort", onAbort);
  };
  const fail = (error: unknown) => {
    releaseConnection(false);
    if (!headResolved) {
      stopListening();
      return rejectHead(error);
    }
    if (consumerDone) return;
    // Bytes not yet read are dropped, so the body errors at its next read.
    queue.length = 0;
    queuedBytes = 0;
    push({ kind: "error", error });
  };
  const onAbort = () => fail(signal.reason);

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
        return;
      }
      stopListening();
      if (item.kind === "end") controller.close();
      else controller.error(item.error);
    },
    cancel: () => {
      stopListening();
      releaseConnection(false);
    },
  }, { highWaterMark: 0 });

  const read = async (buffer: Uint8Array, startedRead: StartedRead | null): Promise<number | null> => {
    if (startedRead === null) return await conn.read(buffer);
    const n = await startedRead.result;
    if (n !== null) buffer.set(startedRead.buffer.subarray(0, n));
    return n;
  };

  const pump = async () => {
    const buffer = new Uint8Array(READ_SIZE);
    let startedRead = options.startedRead ?? null;
    let pending: Uint8Array = new Uint8Array(0);
    let received = 0;
    let decoder: BodyDecoder | null = null;
    let keepAlive = false;

    while (!connectionDone) {
      if (queuedBytes > MAX_QUEUED_BYTES) await new Promise<void>((resolve) => (resumeReading = resolve));
      let n: number | null;
      try {
        n = await read(buffer, startedRead);
      } catch (error) {
        if (received === 0) throw new StaleConnectionError({ cause: error });
        throw error;
      }
      startedRead = null;
      const t = clock();
      if (connectionDone) return;
      if (n === null) {
        if (received === 0) throw new StaleConnectionError();
        if (decoder === null) throw new HttpProtocolError("the connection closed before the response head ended");
        decoder.end();
        push({ kind: "end" });
        return releaseConnection(false);
      }
      received += n;
      let bytes: Uint8Array = buffer.subarray(0, n);

      if (decoder === null) {
        pending = concatBytes([pending, bytes]);
        for (let headEnd = findHeadEnd(pending); headEnd !== -1 && decoder === null; headEnd = findHeadEnd(pending)) {
          const head = parseResponseHead(pending.subarray(0, headEnd));
          pending = pending.subarray(headEnd);
          if (head.status === 101) throw new HttpProtocolError("the server switched protocols, which the socket transport does not support");
          // An informational response (100 Continue, 103 Early Hints) comes before the real one.
          if (head.status < 200) continue;
          if (head.status > 599) throw new HttpProtocolError(`invalid HTTP response: status ${head.status} is outside 200–599`);
          decoder = new BodyDecoder(bodyFraming(options.method, head.status, head.headers));
          const connection = head.headers.get("connection")?.toLowerCase() ?? "";
          keepAlive = head.minorVersion === 1 ? !/\bclose\b/.test(connection) : /\bkeep-alive\b/.test(connection);
          const response = new Response(decoder.done ? null : body, { status: head.status, statusText: head.statusText, headers: head.headers });
          Object.defineProperty(response, "url", { value: options.url.href });
          headResolved = true;
          probe.headT = t;
          if (decoder.done) stopListening();
          resolveHead(response);
        }
        if (decoder === null) {
          if (pending.length > MAX_HEAD_BYTES) throw new HttpProtocolError(`the response head is longer than ${MAX_HEAD_BYTES} bytes`);
          continue;
        }
        bytes = pending;
      }

      for (const piece of decoder.push(bytes)) push({ kind: "bytes", bytes: piece.slice(), t });
      if (decoder.done) {
        push({ kind: "end" });
        return releaseConnection(keepAlive && decoder.leftover.length === 0);
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
