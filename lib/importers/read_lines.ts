import { ImportError } from "./import_error.ts";

/** One line of a text file, without its line break, with its 1-based number. */
export interface NumberedLine {
  line: number;
  text: string;
}

/**
 * Streams the lines of a UTF-8 text file without reading it whole, so logs of any size
 * keep memory flat. Accepts `\n` and `\r\n` breaks and drops a leading byte-order mark.
 * Throws {@link ImportError} when the file cannot be opened.
 */
export async function* readLines(path: string): AsyncGenerator<NumberedLine> {
  if (typeof path !== "string" || path === "") {
    throw new TypeError("readLines: path must be the path of a log file");
  }
  let file: Deno.FsFile;
  try {
    file = await Deno.open(path, { read: true });
  } catch (error) {
    const problem = error instanceof Deno.errors.NotFound ? "does not exist" : "cannot be read";
    throw new ImportError(`log file ${path} ${problem}`, path, "pass the path of an existing log file", { cause: error });
  }

  let pending = "";
  let line = 0;
  let first = true;
  // The stream closes the file when it ends or when the reader is cancelled.
  const reader = file.readable.pipeThrough(new TextDecoderStream()).getReader();
  try {
    while (true) {
      const { value, done } = await reader.read();
      if (done) break;
      let chunk = value;
      if (first) {
        if (chunk.startsWith("\uFEFF")) chunk = chunk.slice(1);
        first = false;
      }
      pending += chunk;
      let start = 0;
      let end = pending.indexOf("\n", start);
      while (end >= 0) {
        line++;
        yield { line, text: stripCarriageReturn(pending.slice(start, end)) };
        start = end + 1;
        end = pending.indexOf("\n", start);
      }
      pending = pending.slice(start);
    }
    if (pending !== "") {
      line++;
      yield { line, text: stripCarriageReturn(pending) };
    }
  } finally {
    await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}

function stripCarriageReturn(text: string): string {
  return text.endsWith("\r") ? text.slice(0, -1) : text;
}
