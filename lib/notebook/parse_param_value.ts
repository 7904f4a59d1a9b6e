/**
 * Parses a command-line parameter value the way papermill's `-p` does: as JSON when it is
 * valid JSON (`3`, `true`, `null`, `[1,2]`, `"quoted"`), otherwise as the plain string.
 * So `specs/x.json` stays a string and `0.5` becomes a number.
 */
export function parseParamValue(raw: string): unknown {
  if (typeof raw !== "string") throw new TypeError("parseParamValue: raw must be a string");
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
