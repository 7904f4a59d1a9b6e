/** The fields of a zod issue that the description uses. */
export interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  values?: unknown[];
  minimum?: number | bigint;
  origin?: string;
  pattern?: string;
}

/** Field path, broken rule and fix for one zod issue of a dataset item. */
export interface IssueDescription {
  field: string;
  rule: string;
  fix: string;
}

/**
 * Describe a zod issue of a dataset item as its field path (`messages[0].role`), zod's
 * message and a fix, with `prefix` put before the path (e.g. `scorer`).
 */
export function describeZodIssue(issue: ZodIssueLike, prefix: string[] = []): IssueDescription {
  const field = formatPath([...prefix, ...issue.path]);
  return { field, rule: issue.message, fix: fixFor(issue, field) };
}

function formatPath(path: PropertyKey[]): string {
  let text = "";
  for (const key of path) {
    if (typeof key === "number") text += `[${key}]`;
    else if (text === "") text = String(key);
    else text += `.${String(key)}`;
  }
  return text === "" ? "(item)" : text;
}

function fixFor(issue: ZodIssueLike, field: string): string {
  switch (issue.code) {
    case "invalid_type":
      if (/received undefined/.test(issue.message)) return `add "${field}" (${issue.expected})`;
      return `make "${field}" a${/^[aeiou]/.test(issue.expected ?? "") ? "n" : ""} ${issue.expected}`;
    case "invalid_value": {
      const values = (issue.values ?? []).map((value) => JSON.stringify(value)).join(", ");
      return `set "${field}" to one of ${values}`;
    }
    case "too_small": {
      const units: Record<string, string> = { array: " entries", string: " characters" };
      return `give "${field}" at least ${issue.minimum}${units[issue.origin ?? ""] ?? ""}`;
    }
    case "invalid_format":
      return issue.pattern ? `make "${field}" match ${issue.pattern}` : `correct the format of "${field}"`;
    case "invalid_union":
      return `make "${field}" one of the accepted shapes: a string, or a list of text and image parts`;
    default:
      return `change "${field}" so that it satisfies the rule`;
  }
}
