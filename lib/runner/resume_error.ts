/** A run id that cannot be resumed with the given spec. `fields` lists the spec fields that differ. */
export class ResumeError extends Error {
  constructor(message: string, readonly runDir: string, readonly fields: string[]) {
    super(message);
    this.name = "ResumeError";
  }
}
