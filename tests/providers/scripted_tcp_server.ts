/**
 * Test helper: a TCP server on 127.0.0.1 (random port) that replies to each request it reads
 * with a scripted list of raw writes, so tests control the exact bytes and their timing.
 */
import { closeQuietly } from "../../lib/providers/connection_pool.ts";
import { concatBytes } from "../../lib/providers/concat_bytes.ts";
import { writeAll } from "../../lib/providers/write_all.ts";

/** One raw write, sent `delayMs` after the previous one; `close` ends the connection instead. */
export type ScriptStep = { bytes: string | Uint8Array; delayMs?: number } | { close: true; delayMs?: number };

/** A request as the server read it: the head as text and the body bytes. */
export interface ReceivedRequest {
  connection: number;
  head: string;
  body: Uint8Array;
}

/** A running scripted server. */
export interface ScriptedServer {
  url: string;
  /** Connections accepted so far. */
  connections: number;
  requests: ReceivedRequest[];
  /** Connections the client closed, by connection number. */
  clientClosed: Set<number>;
  close(): Promise<void>;
}

const encoder = new TextEncoder();

/**
 * Starts the server. `script(n)` gives the writes that reply to the n-th request (0-based).
 * Pass a TLS listener with `tls: true` to serve https, and `replyAfterHead` to reply before
 * reading the request body.
 */
export function startScriptedServer(
  script: (requestIndex: number) => ScriptStep[],
  options: { listener?: Deno.Listener; tls?: boolean; replyAfterHead?: boolean } = {},
): ScriptedServer {
  const listener = options.listener ?? Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const address = listener.addr as Deno.NetAddr;
  const open = new Set<Deno.Conn>();
  const handlers: Promise<void>[] = [];
  const closing = new AbortController();
  const server: ScriptedServer = {
    url: `${options.tls ? "https" : "http"}://127.0.0.1:${address.port}`,
    connections: 0,
    requests: [],
    clientClosed: new Set(),
    close: async () => {
      if (!closing.signal.aborted) {
        closing.abort();
        listener.close();
        for (const conn of open) closeQuietly(conn);
      }
      await Promise.allSettled(handlers);
      await accepting;
    },
  };
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      closing.signal.addEventListener("abort", done, { once: true });
      function done() {
        clearTimeout(timer);
        closing.signal.removeEventListener("abort", done);
        resolve();
      }
    });

  const serve = async (conn: Deno.Conn, number: number) => {
    open.add(conn);
    try {
      let buffered: Uint8Array = new Uint8Array(0);
      const chunk = new Uint8Array(16 * 1024);
      for (;;) {
        const request = takeRequest(buffered, options.replyAfterHead ?? false);
        if (request === null) {
          const n = await conn.read(chunk);
          if (n === null) {
            server.clientClosed.add(number);
            return;
          }
          buffered = concatBytes([buffered, chunk.subarray(0, n)]);
          continue;
        }
        buffered = request.rest;
        const index = server.requests.length;
        server.requests.push({ connection: number, head: request.head, body: request.body });
        for (const step of script(index)) {
          if (step.delayMs) await pause(step.delayMs);
          if (closing.signal.aborted || "close" in step) return;
          const bytes = typeof step.bytes === "string" ? encoder.encode(step.bytes) : step.bytes;
          await writeAll(conn, bytes);
        }
      }
    } catch {
      server.clientClosed.add(number);
    } finally {
      open.delete(conn);
      closeQuietly(conn);
    }
  };

  const accepting = (async () => {
    try {
      for await (const conn of listener) handlers.push(serve(conn, server.connections++));
    } catch {
      // The listener was closed.
    }
  })();
  return server;
}

/**
 * Splits one request (head and content-length body) off the front of `bytes`, or returns
 * null while it is incomplete. With `headOnly` the body is left unread.
 */
function takeRequest(bytes: Uint8Array, headOnly: boolean): { head: string; body: Uint8Array; rest: Uint8Array } | null {
  const text = new TextDecoder("latin1").decode(bytes.subarray(0, 64 * 1024));
  const headEnd = text.indexOf("\r\n\r\n");
  if (headEnd === -1) return null;
  const head = text.slice(0, headEnd);
  const length = headOnly ? 0 : Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
  const bodyStart = headEnd + 4;
  if (bytes.length < bodyStart + length) return null;
  return { head, body: bytes.slice(bodyStart, bodyStart + length), rest: bytes.slice(bodyStart + length) };
}

/** Encodes `text` as one chunk of a chunked body. */
export function chunk(text: string): string {
  return `${encoder.encode(text).length.toString(16)}\r\n${text}\r\n`;
}
