/**
 * Error for a stream that broke the provider's protocol: it closed before its terminal
 * event, or sent data the adapter cannot read. Classified as `invalid_response`.
 */
export class InvalidStreamError extends Error {
  /** Provider whose stream was invalid. */
  readonly provider: string;

  constructor(provider: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "InvalidStreamError";
    this.provider = provider;
  }
}
