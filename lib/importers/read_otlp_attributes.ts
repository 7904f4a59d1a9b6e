/** An OTLP attribute value decoded to plain JSON. */
export type AttributeValue = string | number | boolean | null | AttributeValue[];

/**
 * Decodes an OTLP JSON attribute list (`[{key, value: {stringValue | intValue | …}}]`) into
 * a map. `intValue` arrives as a string in OTLP JSON (64-bit integers) or as a number from
 * some exporters; both become numbers. Entries without a string key are ignored.
 */
export function readOtlpAttributes(list: unknown): Map<string, AttributeValue> {
  const attributes = new Map<string, AttributeValue>();
  if (!Array.isArray(list)) return attributes;
  for (const entry of list) {
    if (entry === null || typeof entry !== "object") continue;
    const { key, value } = entry as { key?: unknown; value?: unknown };
    if (typeof key !== "string") continue;
    attributes.set(key, decodeValue(value));
  }
  return attributes;
}

function decodeValue(value: unknown): AttributeValue {
  if (value === null || typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  if (typeof v.stringValue === "string") return v.stringValue;
  if (v.intValue !== undefined) {
    const number = Number(v.intValue);
    return Number.isFinite(number) ? number : null;
  }
  if (v.doubleValue !== undefined) {
    const number = Number(v.doubleValue);
    return Number.isFinite(number) ? number : null;
  }
  if (typeof v.boolValue === "boolean") return v.boolValue;
  if (v.arrayValue !== null && typeof v.arrayValue === "object") {
    const values = (v.arrayValue as { values?: unknown }).values;
    return Array.isArray(values) ? values.map(decodeValue) : [];
  }
  return null;
}
