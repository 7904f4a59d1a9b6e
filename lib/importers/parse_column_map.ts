import { ImportError } from "./import_error.ts";
import { REQUEST_LOG_FIELDS, type RequestLogField } from "./request_log_fields.ts";

/**
 * Parses a CSV column map such as `timestamp=ts,model=model_name,latency_ms=duration`:
 * each pair names a request log field and the CSV header column that contains it. Fields not
 * named keep their own name as the column name. Throws {@link ImportError} for a pair without
 * `=`, an unknown field or a field named twice.
 */
export function parseColumnMap(text: string): Partial<Record<RequestLogField, string>> {
  if (typeof text !== "string") throw new TypeError("parseColumnMap: text must be a string such as timestamp=ts,model=name");
  const map: Partial<Record<RequestLogField, string>> = {};
  for (const pair of text.split(",")) {
    if (pair.trim() === "") continue;
    const eq = pair.indexOf("=");
    const field = pair.slice(0, Math.max(eq, 0)).trim();
    const column = pair.slice(eq + 1).trim();
    if (eq < 0 || field === "" || column === "") {
      throw new ImportError(
        `--map pair "${pair.trim()}" is not field=column`,
        "--map",
        "write pairs like timestamp=ts,latency_ms=duration",
      );
    }
    if (!(REQUEST_LOG_FIELDS as readonly string[]).includes(field)) {
      throw new ImportError(
        `--map names unknown field "${field}"`,
        "--map",
        `use one of ${REQUEST_LOG_FIELDS.join(", ")} on the left of "="`,
      );
    }
    if (map[field as RequestLogField] !== undefined) {
      throw new ImportError(`--map names field "${field}" twice`, "--map", "give each field one column");
    }
    map[field as RequestLogField] = column;
  }
  return map;
}
