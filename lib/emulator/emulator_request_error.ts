/** Kinds of request failure the emulator reports, each rendered in the provider's error shape. */
export type RequestErrorKind = "invalid_request" | "authentication" | "not_found" | "context_length" | "internal";

const STATUS_BY_KIND: Record<RequestErrorKind, number> = {
  invalid_request: 400,
  authentication: 401,
  not_found: 404,
  context_length: 400,
  internal: 500,
};

/**
 * A request the emulator rejects. `param` names the request field at fault and `code`
 * is the OpenAI-style error code, when there is one.
 */
export class EmulatorRequestError extends Error {
  readonly status: number;
  readonly param: string | null;
  readonly code: string | null;

  constructor(
    readonly kind: RequestErrorKind,
    message: string,
    options: { param?: string | null; code?: string | null; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "EmulatorRequestError";
    this.status = STATUS_BY_KIND[kind];
    this.param = options.param ?? null;
    this.code = options.code ?? null;
  }
}

/** A prompt longer than the model's context window. Each provider words this error its own way. */
export class ContextWindowError extends EmulatorRequestError {
  constructor(readonly inputTokens: number, readonly contextWindow: number) {
    super("context_length", `prompt has ${inputTokens} tokens, over the ${contextWindow}-token context window`, {
      param: "messages",
      code: "context_length_exceeded",
    });
    this.name = "ContextWindowError";
  }
}
