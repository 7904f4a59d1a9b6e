import type pl from "nodejs-polars";
import { buildTrialsFrame, type SourcedRecord } from "./build_trials_frame.ts";
import { TrialsFileError } from "./trials_file_error.ts";

/**
 * Read `<runDir>/trials.jsonl` into a frame with the explicit schema of
 * `TRIAL_COLUMNS` (one row per trial record, `usage` and `grade` flattened).
 * Pass "attempts.jsonl" as `file` to read the failed attempts that were retried instead.
 * Blank lines are skipped. Throws {@link TrialsFileError} when the file is missing
 * or a line is not a valid trial record.
 */
export async function loadTrials(runDir: string, file = "trials.jsonl"): Promise<pl.DataFrame> {
  if (typeof runDir !== "string" || runDir === "") {
    throw new TypeError("loadTrials: runDir must be a run folder such as reports/runs/<run-id>");
  }
  if (typeof file !== "string" || file === "" || file.includes("/")) {
    throw new TypeError(`loadTrials: file must be a file name inside the run folder, got ${JSON.stringify(file)}`);
  }
  const path = `${runDir.replace(/\/+$/, "")}/${file}`;
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (error) {
    throw new TrialsFileError(
      {
        file: path,
        line: 0,
        field: null,
        problem: error instanceof Deno.errors.NotFound ? "does not exist" : "cannot be read",
        fix: "pass the folder of a run written by the runner (it holds run.json and trials.jsonl)",
      },
      { cause: error },
    );
  }
  const records: SourcedRecord[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === "") continue;
    try {
      records.push({ line: i + 1, record: JSON.parse(line) });
    } catch (error) {
      throw new TrialsFileError(
        {
          file: path,
          line: i + 1,
          field: null,
          problem: "is not valid JSON",
          fix: "remove the broken line (an interrupted run can leave a partial last line)",
        },
        { cause: error },
      );
    }
  }
  return buildTrialsFrame(records, path);
}
