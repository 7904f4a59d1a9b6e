/** A problem that stops a whole import: a missing file, an unknown format or a bad column map. */
export class ImportError extends Error {
  constructor(
    message: string,
    /** The file or option at fault. */
    readonly subject: string,
    readonly fix: string,
    options?: ErrorOptions,
  ) {
    super(`${message}. Fix: ${fix}.`, options);
    this.name = "ImportError";
  }
}
