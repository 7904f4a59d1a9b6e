import { formatValue } from "./format_value.ts";

/** The fields of a zod issue that the descriptions use. */
export interface SchemaIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  values?: unknown[];
  keys?: string[];
  format?: string;
  pattern?: string;
}

type SchemaNode = Record<string, unknown>;

/**
 * Describe zod validation issues as "measured value against expectation" lines, using
 * the JSON Schema for the expected type, e.g. `age: got "36" (string), expected integer`.
 */
export function describeSchemaIssues(issues: SchemaIssue[], data: unknown, schema: SchemaNode): string[] {
  return issues.map((issue) => describeIssue(issue, data, schema));
}

function describeIssue(issue: SchemaIssue, data: unknown, schema: SchemaNode): string {
  const label = formatPath(issue.path);
  const actual = valueAt(data, issue.path);
  const got = `got ${formatValue(actual)} (${typeName(actual)})`;

  switch (issue.code) {
    case "invalid_type":
    case "invalid_union": {
      const expected = describeExpected(schemaAt(schema, issue.path)) ?? issue.expected ?? issue.message;
      return actual === undefined ? `${label}: missing, expected ${expected}` : `${label}: ${got}, expected ${expected}`;
    }
    case "unrecognized_keys": {
      const keys = (issue.keys ?? []).map((key) => formatValue(key)).join(", ");
      return `${label}: unexpected field ${keys} (additionalProperties is false)`;
    }
    case "invalid_value": {
      const values = (issue.values ?? []).map((value) => formatValue(value)).join(", ");
      return `${label}: got ${formatValue(actual)}, expected one of ${values}`;
    }
    case "invalid_format": {
      const format = issue.format === "regex" ? `a match for ${issue.pattern}` : `${issue.format} format`;
      return `${label}: got ${formatValue(actual)}, expected ${format}`;
    }
    default:
      return `${label}: got ${formatValue(actual)}: ${issue.message}`;
  }
}

function formatPath(path: PropertyKey[]): string {
  let text = "";
  for (const key of path) {
    if (typeof key === "number") text += `[${key}]`;
    else if (text === "") text = String(key);
    else text += `.${String(key)}`;
  }
  return text === "" ? "(root)" : text;
}

function valueAt(data: unknown, path: PropertyKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

function schemaAt(schema: SchemaNode, path: PropertyKey[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = schema;
  for (const key of path) {
    if (node === undefined) return undefined;
    if (typeof key === "number") {
      const prefix: unknown = node.prefixItems;
      node = Array.isArray(prefix) && key < prefix.length ? asNode(prefix[key]) : asNode(node.items);
    } else {
      const properties = asNode(node.properties);
      node = asNode(properties?.[String(key)]) ?? asNode(node.additionalProperties);
    }
  }
  return node;
}

function asNode(value: unknown): SchemaNode | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value as SchemaNode : undefined;
}

function describeExpected(node: SchemaNode | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (Array.isArray(node.enum)) return `one of ${node.enum.map((value) => formatValue(value)).join(", ")}`;
  if ("const" in node) return formatValue(node.const);
  if (typeof node.type === "string") return node.format ? `${node.type} (${node.format})` : node.type;
  if (Array.isArray(node.type)) return node.type.join(" or ");
  const options = node.anyOf ?? node.oneOf;
  if (Array.isArray(options)) {
    const described = options.map((option) => describeExpected(asNode(option)));
    if (described.every((text) => text !== undefined)) return described.join(" or ");
  }
  return undefined;
}
