/** A read already started on a connection, whose result belongs to the next response. */
export interface StartedRead {
  result: Promise<number | null>;
  buffer: Uint8Array;
}

/** A connection taken from the pool. */
export interface PooledConnection {
  conn: Deno.Conn;
  /** True when the connection carried an earlier request. */
  reused: boolean;
  /** The read the pool kept open while the connection was idle, or null for a new connection. */
  startedRead: StartedRead | null;
}

/** Options of a `ConnectionPool`. */
export interface ConnectionPoolOptions {
  /** Extra PEM root certificates for https servers (a local server with its own CA). */
  caCerts?: string[];
  /** Maximum idle connections kept per origin. Connections released beyond it are closed. */
  maxIdlePerOrigin?: number;
}

/** Size of each read buffer. */
export const READ_SIZE = 16 * 1024;

interface IdleConnection {
  conn: Deno.Conn;
  read: StartedRead;
  /** True once the idle read finished: the server sent bytes or closed, so the connection is unusable. */
  settled: boolean;
}

/**
 * Keep-alive connections per origin (scheme, host and port) for the socket transport.
 * Opens TCP connections for `http:` and TLS connections offering only HTTP/1.1 for
 * `https:`, with Nagle's algorithm off so a small request leaves at once.
 *
 * An idle connection keeps one read open, which does not hold the process open. Bytes or a
 * close that arrive while it is unused (a server's idle timeout, a 408, stray data) end
 * that read, and the connection is then closed rather than handed to the next request.
 */
export class ConnectionPool {
  readonly #idle = new Map<string, IdleConnection[]>();
  readonly #caCerts: string[] | undefined;
  readonly #maxIdle: number;

  constructor(options: ConnectionPoolOptions = {}) {
    this.#caCerts = options.caCerts;
    this.#maxIdle = options.maxIdlePerOrigin ?? 1024;
  }

  /**
   * Returns an idle connection to `url`'s origin, or opens one. With `fresh` it always opens one.
   * Rejects with `signal.reason` when it aborts first.
   */
  async take(url: URL, signal: AbortSignal, fresh = false): Promise<PooledConnection> {
    const idle = this.#idle.get(url.origin) ?? [];
    while (!fresh && idle.length > 0) {
      const entry = idle.pop()!;
      if (entry.settled) continue; // Already closed by its read's handler.
      entry.conn.ref();
      return { conn: entry.conn, reused: true, startedRead: entry.read };
    }
    return { conn: await this.#open(url, signal), reused: false, startedRead: null };
  }

  /** Keeps `conn` for the next request to `origin`, watching it while it is idle. */
  release(origin: string, conn: Deno.Conn): void {
    const idle = this.#idle.get(origin) ?? [];
    if (idle.length >= this.#maxIdle) return closeQuietly(conn);

    const buffer = new Uint8Array(READ_SIZE);
    const entry: IdleConnection = { conn, read: { result: conn.read(buffer), buffer }, settled: false };
    const retire = () => {
      entry.settled = true;
      const list = this.#idle.get(origin);
      const index = list?.indexOf(entry) ?? -1;
      if (index === -1) return; // Taken before the read ended: the result belongs to its response.
      list!.splice(index, 1);
      closeQuietly(conn);
    };
    entry.read.result.then(retire, retire);
    conn.unref();
    idle.push(entry);
    this.#idle.set(origin, idle);
  }

  /** Closes every idle connection. Connections in use are closed or kept when their response ends. */
  close(): void {
    const entries = [...this.#idle.values()].flat();
    this.#idle.clear();
    for (const entry of entries) closeQuietly(entry.conn);
  }

  async #open(url: URL, signal: AbortSignal): Promise<Deno.Conn> {
    const hostname = url.hostname.replace(/^\[(.*)\]$/, "$1");
    if (url.protocol === "http:") {
      const conn = await Deno.connect({ hostname, port: url.port === "" ? 80 : Number(url.port), signal });
      conn.setNoDelay(true);
      return conn;
    }

    // connectTls takes no signal, so an abort rejects at once and a late connection is closed.
    const opening = Deno.connectTls({ hostname, port: url.port === "" ? 443 : Number(url.port), alpnProtocols: ["http/1.1"], caCerts: this.#caCerts });
    let onAbort = () => {};
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(signal.reason);
      if (signal.aborted) return onAbort();
      signal.addEventListener("abort", onAbort, { once: true });
    });
    try {
      return await Promise.race([opening, aborted]);
    } catch (error) {
      opening.then(closeQuietly, () => {});
      throw error;
    } finally {
      signal.removeEventListener("abort", onAbort);
    }
  }
}

/** Closes `conn`, ignoring a connection that is already closed. */
export function closeQuietly(conn: Deno.Conn): void {
  try {
    conn.close();
  } catch {
    // Already closed: nothing is left to release.
  }
}
