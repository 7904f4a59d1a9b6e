import type pl from "nodejs-polars";
import { TrialFrameBuilder } from "./trial_frame_builder.ts";
import { TrialsFileError } from "./trials_file_error.ts";

/** Bytes read from the file at a time. */
const READ_BYTES = 4 * 2 ** 20;

/**
 * Read `<runDir>/trials.jsonl` into a frame with the explicit schema of
 * `TRIAL_COLUMNS` (one row per trial record, `usage` and `grade` flattened).
 * Pass "attempts.jsonl" as `file` to read the failed attempts that were retried instead.
 * Blank lines are skipped. The file is read line by line, so its size is bounded by
 * memory for the frame, not for its text. Throws {@link TrialsFileError} when the file
 * is missing or a line is not a valid trial record.
 */
export async function loadTrials(runDir: string, file = "trials.jsonl"): Promise<pl.DataFrame> {
  if (typeof runDir !== "string" || runDir === "") {
    throw new TypeError("loadTrials: runDir must be a run folder such as reports/runs/<run-id>");
  }
  if (typeof file !== "string" || file === "" || file.includes("/")) {
    throw new TypeError(`loadTrials: file must be a file name inside the run folder, got ${JSON.stringify(file)}`);
  }
  const path = `${runDir.replace(/\/+$/, "")}/${file}`;
  const builder = new TrialFrameBuilder(path);
  for await (const { line, text } of readLines(path)) {
    const trimmed = text.trim();
    if (trimmed === "") continue;
    let record: unknown;
    try {
      record = JSON.parse(trimmed);
    } catch (error) {
      throw new TrialsFileError(
        {
          file: path,
          line,
          field: null,
          problem: "is not valid JSON",
          fix: "remove the broken line (an interrupted run can leave a partial last line)",
        },
        { cause: error },
      );
    }
    builder.add(record, line);
  }
  return builder.finish();
}

// The file's lines with their 1-based numbers, decoded as UTF-8 a few MiB at a time.
async function* readLines(path: string): AsyncGenerator<{ line: number; text: string }> {
  const unreadable = (error: unknown) =>
    new TrialsFileError(
      {
        file: path,
        line: 0,
        field: null,
        problem: error instanceof Deno.errors.NotFound ? "does not exist" : "cannot be read",
        fix: "pass the folder of a run written by the runner (it holds run.json and trials.jsonl)",
      },
      { cause: error },
    );
  let handle: Deno.FsFile;
  try {
    handle = await Deno.open(path, { read: true });
  } catch (error) {
    throw unreadable(error);
  }
  const decoder = new TextDecoder();
  const buffer = new Uint8Array(READ_BYTES);
  let rest = "";
  let line = 0;
  try {
    while (true) {
      let count: number | null;
      try {
        count = await handle.read(buffer);
      } catch (error) {
        throw unreadable(error);
      }
      const text = count === null ? decoder.decode() : decoder.decode(buffer.subarray(0, count), { stream: true });
      let start = 0;
      let end = text.indexOf("\n");
      if (end !== -1) {
        // The first line ends in this block but may have started in earlier blocks.
        yield { line: ++line, text: rest + text.slice(0, end) };
        rest = "";
        start = end + 1;
        while ((end = text.indexOf("\n", start)) !== -1) {
          yield { line: ++line, text: text.slice(start, end) };
          start = end + 1;
        }
      }
      rest += text.slice(start);
      if (count === null) break;
    }
    if (rest !== "") yield { line: ++line, text: rest };
  } finally {
    handle.close();
  }
}
