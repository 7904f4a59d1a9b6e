/**
 * Parse the JSON records a sandboxed program printed, one per line, each line starting
 * with `tag`. Other lines (the tested code's own output) and lines that are not valid
 * JSON after the tag are skipped.
 */
export function readTaggedLines(stdout: string, tag: string): Record<string, unknown>[] {
  if (tag === "") throw new RangeError("tag must be a non-empty string, got an empty string");
  const records: Record<string, unknown>[] = [];
  for (const line of stdout.split("\n")) {
    if (!line.startsWith(tag)) continue;
    try {
      const value = JSON.parse(line.slice(tag.length));
      if (typeof value === "object" && value !== null && !Array.isArray(value)) records.push(value);
    } catch {
      // A line cut by output truncation is not a record.
    }
  }
  return records;
}
