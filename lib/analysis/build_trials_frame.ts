import type pl from "nodejs-polars";
import { TrialFrameBuilder } from "./trial_frame_builder.ts";

/** A parsed trial record with the line it came from. */
export interface SourcedRecord {
  line: number;
  record: unknown;
}

/**
 * Build the trials frame from parsed trial records, typed by `TRIAL_SCHEMA`.
 * A column with no values keeps its declared type. Throws `TrialsFileError`
 * naming `file`, the line and the field for a value of the wrong type.
 * For records read one at a time, use `TrialFrameBuilder` directly.
 */
export function buildTrialsFrame(records: readonly SourcedRecord[], file: string): pl.DataFrame {
  if (!Array.isArray(records)) {
    throw new TypeError("buildTrialsFrame: records must be an array of { line, record }");
  }
  const builder = new TrialFrameBuilder(file);
  for (const { line, record } of records) builder.add(record, line);
  return builder.finish();
}
