import type { TrialRecord } from "./record.ts";

/**
 * Append-only store of JSON records in a JSONL file: trial records by default, or any
 * other record type (attempt streams) through the type parameter.
 *
 * Each record is written with one `write` call and flushed to disk, so a killed run loses
 * at most the trials in flight. Opening an existing file keeps every complete line and drops
 * a torn last line, so a resumed run neither duplicates nor loses finished trials.
 */
export class TrialStore<T = TrialRecord> {
  private constructor(
    readonly path: string,
    private readonly file: Deno.FsFile,
    readonly existing: T[],
  ) {}

  /** Opens (or creates) the store and returns it with the records already in it. */
  static async open<T = TrialRecord>(path: string): Promise<TrialStore<T>> {
    const existing: T[] = [];
    let text = "";
    try {
      text = await Deno.readTextFile(path);
    } catch (error) {
      if (!(error instanceof Deno.errors.NotFound)) throw error;
    }
    const lines = text.split("\n");
    let keptText = "";
    for (const line of lines) {
      if (line.trim() === "") continue;
      try {
        existing.push(JSON.parse(line) as T);
        keptText += line + "\n";
      } catch {
        // A torn line from a killed run: the trial is not finished and will run again.
      }
    }
    if (keptText !== text) {
      const temporary = `${path}.tmp`;
      await Deno.writeTextFile(temporary, keptText);
      await Deno.rename(temporary, path);
    }
    const file = await Deno.open(path, { create: true, append: true });
    return new TrialStore<T>(path, file, existing);
  }

  #queue: Promise<void> = Promise.resolve();

  /**
   * Appends one record and flushes it to disk. Concurrent calls are written one after
   * another, so a partial write of one record never interleaves with another record.
   */
  append(record: T): Promise<void> {
    const bytes = new TextEncoder().encode(JSON.stringify(record) + "\n");
    const write = async () => {
      let written = 0;
      while (written < bytes.length) written += await this.file.write(bytes.subarray(written));
      await this.file.sync();
    };
    const done = this.#queue.then(write);
    this.#queue = done.catch(() => {});
    return done;
  }

  /** Closes the file. */
  close(): void {
    this.file.close();
  }
}
