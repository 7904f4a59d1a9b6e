import { type NumberedLine, readLines } from "./read_lines.ts";

/** One CSV record with the line it starts on; `error` is set instead of `fields` for a malformed record. */
export type CsvLineRecord =
  | { line: number; fields: string[]; error?: undefined }
  | { line: number; fields?: undefined; error: string };

/**
 * Lines a quoted field may span. A quote that is still open after this many lines is taken
 * for a stray quote: its record is malformed and the lines after it are read again as records.
 */
export const MAX_QUOTED_FIELD_LINES = 1000;

/**
 * Streams the records of an RFC 4180 CSV file: fields may be quoted, a doubled quote inside
 * quotes is a quote, and a quoted field may span lines (up to `MAX_QUOTED_FIELD_LINES`).
 * Blank lines are skipped. A malformed record is yielded with `error`, and reading resumes
 * on the line after the one the record started on. Malformed means a stray quote, text after a
 * closing quote, a quote not closed in time, or a multi-line record whose field count differs
 * from the first record's.
 */
export async function* readCsvRecords(path: string, maxQuotedLines = MAX_QUOTED_FIELD_LINES): AsyncGenerator<CsvLineRecord> {
  const source = readLines(path)[Symbol.asyncIterator]();
  const replay: NumberedLine[] = [];
  let headerWidth: number | null = null;
  const nextLine = async (): Promise<NumberedLine | null> => {
    if (replay.length > 0) return replay.shift()!;
    const { value, done } = await source.next();
    return done ? null : value;
  };

  while (true) {
    const first = await nextLine();
    if (first === null) return;
    if (first.text.trim() === "") continue;
    const consumed: NumberedLine[] = [first];
    let state = parseLine(first.text, { fields: [], field: "", inQuotes: false });
    while (state.error === null && state.inQuotes && consumed.length <= maxQuotedLines) {
      const more = await nextLine();
      if (more === null) break;
      consumed.push(more);
      state.field += "\n";
      state = parseLine(more.text, state);
    }
    let error = state.error ?? (state.inQuotes ? "a quoted field is never closed" : null);
    // A stray quote closed by a quote on a later line merges lines into one record. The wrong
    // field count gives that away, and reading those lines again keeps them from being lost.
    if (error === null && consumed.length > 1 && headerWidth !== null && state.fields.length !== headerWidth) {
      error =
        `a quoted field spans ${consumed.length} lines and leaves ${state.fields.length} fields (header has ${headerWidth})`;
    }
    if (error === null) {
      headerWidth ??= state.fields.length;
      yield { line: first.line, fields: state.fields };
      continue;
    }
    yield { line: first.line, error };
    replay.unshift(...consumed.slice(1));
  }
}

interface ParseState {
  fields: string[];
  field: string;
  inQuotes: boolean;
  error?: string | null;
}

// Continues a record with one more line; ends the record when the line ends outside quotes.
function parseLine(text: string, state: ParseState): ParseState & { error: string | null } {
  const fields = state.fields;
  let field = state.field;
  let inQuotes = state.inQuotes;
  let afterQuote = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else {
        inQuotes = false;
        afterQuote = true;
      }
    } else if (ch === ",") {
      fields.push(field);
      field = "";
      afterQuote = false;
    } else if (afterQuote) {
      return { fields, field, inQuotes, error: `text after a closing quote at column ${i + 1}` };
    } else if (ch === '"') {
      if (field !== "") return { fields, field, inQuotes, error: `a quote inside an unquoted field at column ${i + 1}` };
      inQuotes = true;
    } else {
      field += ch;
    }
  }
  if (!inQuotes) fields.push(field);
  return { fields, field, inQuotes, error: null };
}
