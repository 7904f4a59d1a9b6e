/**
 * Error for a `ProviderRequest` the adapter cannot send, found before any HTTP request.
 * Classified as `bad_request` with no HTTP status.
 */
export class InvalidRequestError extends Error {
  /** Request field that is invalid, e.g. `maxOutputTokens` or `messages[2].content`. */
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.name = "InvalidRequestError";
    this.field = field;
  }
}
