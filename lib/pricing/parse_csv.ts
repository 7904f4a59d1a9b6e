/** One CSV record with the 1-based line number it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * Parse RFC 4180 CSV text: fields may be quoted, quotes inside quoted fields are doubled,
 * and a quoted field may span lines. Blank lines are skipped. Throws a SyntaxError naming
 * the line when a quoted field is never closed or a quote follows other characters.
 */
export function parseCsv(text: string): CsvRecord[] {
  if (typeof text !== "string") {
    throw new TypeError(`parseCsv: text must be a string, got ${typeof text}`);
  }
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let fieldWasQuoted = false;
  let i = 0;
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;

  const endRecord = () => {
    fields.push(field);
    const blank = fields.length === 1 && fields[0] === "" && !fieldWasQuoted;
    if (!blank) records.push({ line: recordLine, fields });
    fields = [];
    field = "";
    fieldWasQuoted = false;
  };

  while (i < body.length) {
    const ch = body[i];
    if (inQuotes) {
      if (ch === '"') {
        if (body[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        const next = body[i];
        if (next !== undefined && next !== "," && next !== "\n" && next !== "\r") {
          throw new SyntaxError(`line ${line}: characters after a closing quote; quote the whole field`);
        }
        continue;
      }
      if (ch === "\n") line++;
      field += ch;
      i++;
      continue;
    }
    if (ch === '"') {
      if (field !== "") {
        throw new SyntaxError(`line ${line}: a quote inside an unquoted field; quote the whole field and double inner quotes`);
      }
      inQuotes = true;
      fieldWasQuoted = true;
      i++;
    } else if (ch === ",") {
      fields.push(field);
      field = "";
      fieldWasQuoted = false;
      i++;
    } else if (ch === "\r" || ch === "\n") {
      endRecord();
      i += ch === "\r" && body[i + 1] === "\n" ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      field += ch;
      i++;
    }
  }
  if (inQuotes) {
    throw new SyntaxError(`line ${recordLine}: quoted field is never closed; add the closing quote`);
  }
  if (field !== "" || fields.length > 0 || fieldWasQuoted) endRecord();
  return records;
}
