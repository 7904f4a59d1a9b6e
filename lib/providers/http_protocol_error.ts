/**
 * A response that breaks HTTP/1.1 (a bad status line, header or chunk, a head too long, a
 * connection closed mid-response). It is a TypeError, as the runtime's `fetch` raises for
 * the same faults, and error classification counts it as a network failure.
 */
export class HttpProtocolError extends TypeError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "HttpProtocolError";
  }
}
