/** An invalid benchmark spec. `field` is the dotted path of the bad field, when one is to blame. */
export class SpecError extends Error {
  constructor(
    message: string,
    readonly file: string | null,
    readonly field: string | null,
    readonly fix: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = "SpecError";
  }
}
