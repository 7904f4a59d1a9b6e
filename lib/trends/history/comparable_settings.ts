import { createHash } from "node:crypto";

// Fields that name or describe a spec without changing what its runs measure. The emulator's
// profiles file stands for the provider's side (a changed profile is a changed model, which
// is what trends are meant to show), so it does not split the history either.
const IGNORED_TOP_LEVEL = new Set(["name", "description", "$schema"]);
const IGNORED_EMULATOR = new Set(["profiles"]);

/**
 * Returns the spec settings that must be equal for two runs to be comparable: every field
 * of the validated spec except `name`, `description`, `$schema` and `emulator.profiles`.
 */
export function comparableSettings(spec: Record<string, unknown>): Record<string, unknown> {
  if (spec === null || typeof spec !== "object" || Array.isArray(spec)) {
    throw new TypeError("comparableSettings: spec must be the validated spec object (run.json's spec)");
  }
  const settings: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(spec)) {
    if (IGNORED_TOP_LEVEL.has(key)) continue;
    if (key === "emulator" && value !== null && typeof value === "object") {
      settings[key] = Object.fromEntries(Object.entries(value).filter(([name]) => !IGNORED_EMULATOR.has(name)));
    } else {
      settings[key] = value;
    }
  }
  return settings;
}

/** Returns the sha256 (hex) of a value's canonical JSON: object keys sorted at every level. */
export function hashSettings(settings: unknown): string {
  return createHash("sha256").update(canonicalJson(settings)).digest("hex");
}

// Plain code-unit order, unlike localeCompare, so the hash is the same on every machine.
function compareKeys(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => compareKeys(a, b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
