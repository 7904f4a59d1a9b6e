/**
 * The parts of the Jupyter notebook format (nbformat 4) that the runner reads and writes.
 * Fields the runner does not touch pass through unchanged.
 */

/** Cell or notebook text, stored either as one string or as a list of lines. */
export type MultilineString = string | string[];

/** Output data keyed by MIME type, e.g. `text/html` or `image/svg+xml`. */
export type MimeBundle = Record<string, unknown>;

/** A plain JSON object. */
export type JsonObject = Record<string, unknown>;

/** Text written to stdout or stderr while a cell ran. */
export interface StreamOutput {
  output_type: "stream";
  name: "stdout" | "stderr";
  text: MultilineString;
}

/** A rich output shown with `Deno.jupyter.display`. */
export interface DisplayDataOutput {
  output_type: "display_data";
  data: MimeBundle;
  metadata: JsonObject;
}

/** The value of a cell's last expression. */
export interface ExecuteResultOutput {
  output_type: "execute_result";
  execution_count: number | null;
  data: MimeBundle;
  metadata: JsonObject;
}

/** An uncaught exception raised by a cell. */
export interface ErrorOutput {
  output_type: "error";
  ename: string;
  evalue: string;
  traceback: string[];
}

/** One cell output in nbformat 4. */
export type Output = StreamOutput | DisplayDataOutput | ExecuteResultOutput | ErrorOutput;

/** A code cell; `execution_count` is null and `outputs` empty until the cell runs. */
export interface CodeCell {
  cell_type: "code";
  id?: string;
  metadata: JsonObject & { tags?: string[] };
  source: MultilineString;
  execution_count: number | null;
  outputs: Output[];
}

/** A markdown or raw cell; the runner never executes these. */
export interface TextCell {
  cell_type: "markdown" | "raw";
  id?: string;
  metadata: JsonObject & { tags?: string[] };
  source: MultilineString;
  attachments?: JsonObject;
}

/** One notebook cell. */
export type Cell = CodeCell | TextCell;

/** A whole notebook document. */
export interface Notebook {
  nbformat: number;
  nbformat_minor: number;
  metadata: JsonObject;
  cells: Cell[];
}
