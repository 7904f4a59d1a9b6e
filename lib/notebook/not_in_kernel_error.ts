/**
 * Error raised by the display helpers when the code runs outside the Deno Jupyter kernel,
 * where `Deno.jupyter` does not exist (for example under `deno run` or `deno test`).
 */
export class NotInKernelError extends Error {
  /** Name of the helper that was called, e.g. `displayFrame`. */
  readonly helper: string;

  constructor(helper: string, options?: ErrorOptions) {
    super(
      `${helper} needs the Deno Jupyter kernel (Deno.jupyter is unavailable here); ` +
        "run the notebook in Jupyter with the Deno kernel, e.g. `deno task lab` or `deno task notebooks`",
      options,
    );
    this.name = "NotInKernelError";
    this.helper = helper;
  }
}
