/** A connection taken from the pool; `reused` is true when it carried an earlier request. */
export interface PooledConnection {
  conn: Deno.Conn;
  reused: boolean;
}

/** Options of a `ConnectionPool`. */
export interface ConnectionPoolOptions {
  /** Extra PEM root certificates for https servers (a local server with its own CA). */
  caCerts?: string[];
  /** Maximum idle connections kept per origin. Connections released beyond it are closed. */
  maxIdlePerOrigin?: number;
}

/**
 * Keep-alive connections per origin (scheme, host and port) for the socket transport.
 * Opens TCP connections for `http:` and TLS connections offering only HTTP/1.1 for
 * `https:`, with Nagle's algorithm off so a small request leaves at once.
 */
export class ConnectionPool {
  readonly #idle = new Map<string, Deno.Conn[]>();
  readonly #caCerts: string[] | undefined;
  readonly #maxIdle: number;

  constructor(options: ConnectionPoolOptions = {}) {
    this.#caCerts = options.caCerts;
    this.#maxIdle = options.maxIdlePerOrigin ?? 1024;
  }

  /** Returns an idle connection to `url`'s origin, or opens one. Rejects with `signal.reason` when it aborts first. */
  async take(url: URL, signal: AbortSignal): Promise<PooledConnection> {
    const idle = this.#idle.get(url.origin)?.pop();
    if (idle !== undefined) return { conn: idle, reused: true };

    const opening = this.#open(url);
    const aborted = new Promise<never>((_, reject) => {
      const onAbort = () => reject(signal.reason);
      if (signal.aborted) return onAbort();
      signal.addEventListener("abort", onAbort, { once: true });
      opening.finally(() => signal.removeEventListener("abort", onAbort)).catch(() => {});
    });
    try {
      return { conn: await Promise.race([opening, aborted]), reused: false };
    } catch (error) {
      // A connection that opens after the abort is closed instead of leaking.
      opening.then((conn) => conn.close(), () => {});
      throw error;
    }
  }

  /** Keeps `conn` for the next request to `origin`. */
  release(origin: string, conn: Deno.Conn): void {
    const idle = this.#idle.get(origin) ?? [];
    if (idle.length >= this.#maxIdle) return closeQuietly(conn);
    idle.push(conn);
    this.#idle.set(origin, idle);
  }

  /** Closes every idle connection. Connections in use are closed or kept when their response ends. */
  close(): void {
    for (const idle of this.#idle.values()) idle.forEach(closeQuietly);
    this.#idle.clear();
  }

  async #open(url: URL): Promise<Deno.Conn> {
    const hostname = url.hostname.replace(/^\[(.*)\]$/, "$1");
    if (url.protocol === "https:") {
      const port = url.port === "" ? 443 : Number(url.port);
      return await Deno.connectTls({ hostname, port, alpnProtocols: ["http/1.1"], caCerts: this.#caCerts });
    }
    const conn = await Deno.connect({ hostname, port: url.port === "" ? 80 : Number(url.port) });
    conn.setNoDelay(true);
    return conn;
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
