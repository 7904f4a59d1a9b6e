import { closeQuietly, ConnectionPool, type ConnectionPoolOptions } from "./connection_pool.ts";
import type { HttpTransport, TransportProbe } from "./http_transport.ts";
import { readSocketResponse, StaleConnectionError } from "./socket_response.ts";
import { writeAll } from "./write_all.ts";
import type { Clock } from "./types.ts";

/** Request headers the transport writes itself, replacing any the SDK set. */
const OWN_HEADERS = new Set(["host", "connection", "content-length", "transfer-encoding", "keep-alive", "accept-encoding", "te", "upgrade"]);

/**
 * An HTTP/1.1 client on the runtime's sockets, handed to the SDKs as their `fetch`.
 *
 * It exists for timing. The send time is stamped right before the request goes to the
 * network, on a kept-alive connection or a new one. Every read of the response is stamped
 * when it arrives, before the SDK parses it (see `TransportProbe`). The runtime's `fetch` hides both moments behind its own
 * connection handling and stream plumbing, which on a loaded machine delays each stamp by
 * milliseconds. Keep-alive connections are pooled per origin. A reused connection that the
 * server closed while idle is replaced once by a new one, and only when no byte of the
 * response arrived. Responses are requested without compression (`accept-encoding:
 * identity`), and redirects are returned to the SDK, not followed.
 *
 * @example
 * ```ts
 * const transport = new SocketTransport(() => performance.now());
 * const probe = { sentT: null, headT: null, bodyT: null };
 * // const response = await transport.fetch("http://127.0.0.1:8080/v1/models", undefined, probe);
 * transport.close();
 * ```
 */
export class SocketTransport implements HttpTransport {
  readonly name = "socket";
  readonly #clock: Clock;
  readonly #pool: ConnectionPool;

  constructor(clock: Clock, options: ConnectionPoolOptions = {}) {
    this.#clock = clock;
    this.#pool = new ConnectionPool(options);
  }

  async fetch(input: string | URL | Request, init: RequestInit | undefined, probe: TransportProbe): Promise<Response> {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new TypeError(`invalid URL scheme ${url.protocol} in ${url.href}: the socket transport sends http and https requests only`);
    }
    const signal = request.signal;
    signal.throwIfAborted();
    const body = request.body === null ? null : new Uint8Array(await request.arrayBuffer());
    const message = encodeRequest(request.method, url, request.headers, body);

    // Stamped before a connection is taken, so opening one counts as part of the request, as with `fetch`.
    probe.sentT = this.#clock();
    for (let attempt = 1;; attempt++) {
      // A retry opens a new connection: the other idle ones may have timed out the same way.
      const { conn, reused, startedRead } = await this.#pool.take(url, signal, attempt > 1);
      const responding = readSocketResponse({
        conn,
        method: request.method,
        url,
        clock: this.#clock,
        probe,
        signal,
        startedRead,
        onDone: (reusable) => (reusable ? this.#pool.release(url.origin, conn) : closeQuietly(conn)),
      });
      // Handled after the write below, so a rejection during the write is not reported as unhandled.
      responding.catch(() => {});
      let writeError: unknown = null;
      try {
        await writeAll(conn, message);
      } catch (error) {
        // The server may have responded early (a 413 for a large body) and closed its side.
        writeError = error;
      }
      try {
        return await responding;
      } catch (error) {
        closeQuietly(conn);
        if (signal.aborted) throw signal.reason;
        // A kept connection that the server closed while idle ends before any response byte, so send again.
        if (reused && attempt === 1 && error instanceof StaleConnectionError) continue;
        throw writeError ?? error;
      }
    }
  }

  close(): void {
    this.#pool.close();
  }
}

/** Serialises a request line, headers and body. Header values are byte strings, so they are written as Latin-1. */
function encodeRequest(method: string, url: URL, headers: Headers, body: Uint8Array | null): Uint8Array {
  let head = `${method} ${url.pathname}${url.search} HTTP/1.1\r\nhost: ${url.host}\r\n`;
  for (const [name, value] of headers) {
    if (!OWN_HEADERS.has(name)) head += `${name}: ${value}\r\n`;
  }
  head += "accept-encoding: identity\r\n";
  if (body !== null || method === "POST" || method === "PUT" || method === "PATCH") head += `content-length: ${body?.length ?? 0}\r\n`;
  head += "\r\n";

  const bytes = new Uint8Array(head.length + (body?.length ?? 0));
  for (let i = 0; i < head.length; i++) bytes[i] = head.charCodeAt(i) & 0xff;
  if (body !== null) bytes.set(body, head.length);
  return bytes;
}
