import type { TrialRecord } from "./record.ts";

/**
 * Append-only store of trial records in a JSONL file.
 *
 * Each record is written with one `write` call and flushed to disk, so a killed run loses
 * at most the trials in flight. Opening an existing file keeps every complete line and drops
 * a torn last line, so a resumed run neither duplicates nor loses finished trials.
 */
export class TrialStore {
  private constructor(
    readonly path: string,
    private readonly file: Deno.FsFile,
    readonly existing: TrialRecord[],
  ) {}

  /** Opens (or creates) the store and returns it with the records already in it. */
  static async open(path: string): Promise<TrialStore> {
    const existing: TrialRecord[] = [];
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
        existing.push(JSON.parse(line) as TrialRecord);
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
    return new TrialStore(path, file, existing);
  }

  /** Appends one record and flushes it to disk. */
  async append(record: TrialRecord): Promise<void> {
    const bytes = new TextEncoder().encode(JSON.stringify(record) + "\n");
    let written = 0;
    while (written < bytes.length) written += await this.file.write(bytes.subarray(written));
    await this.file.sync();
  }

  close(): void {
    this.file.close();
  }
}
