import { findPrice } from "../pricing/find_price.ts";
import type { RunManifest } from "../runner/manifest.ts";

// Spec fields whose difference is reported elsewhere (models) or does not affect measurements.
const IGNORED_SPEC_FIELDS = new Set(["$schema", "name", "description", "models"]);
const PRICE_FIELDS = [
  "input_per_mtok",
  "cached_input_per_mtok",
  "cache_write_per_mtok",
  "output_per_mtok",
  "long_context_threshold_tokens",
  "input_per_mtok_long",
  "cached_input_per_mtok_long",
  "cache_write_per_mtok_long",
  "output_per_mtok_long",
];

/**
 * List the differences between two runs' manifests that can explain or confound a
 * measured change. These are unfinished runs, a concurrency limit that was exceeded,
 * changed or missing datasets (by content hash), spec settings, endpoints, emulator seed and profiles, SDK and Deno versions,
 * and the prices of the compared models. Returns plain sentences, none when the runs
 * were made alike.
 */
export function findComparisonWarnings(a: RunManifest, b: RunManifest, models: readonly string[]): string[] {
  if (!a || !b || typeof a !== "object" || typeof b !== "object") {
    throw new TypeError("findComparisonWarnings: a and b must be run manifests (run.json)");
  }
  const warnings: string[] = [];
  for (const [name, run] of [["A", a], ["B", b]] as const) {
    if (run.status !== "completed") {
      warnings.push(`Run ${name} (${run.run_id}) is ${run.status}${run.stop_reason ? ` (${run.stop_reason})` : ""}, so it may lack trials.`);
    }
  }
  for (const [name, run] of [["A", a], ["B", b]] as const) {
    const limit = run.spec?.concurrency;
    if (typeof limit === "number" && run.peak_in_flight > limit) {
      warnings.push(`Run ${name} had ${run.peak_in_flight} requests in flight at its peak, above its concurrency limit of ${limit}.`);
    }
  }
  warnings.push(...datasetWarnings(a, b));
  warnings.push(...specWarnings(a.spec ?? {}, b.spec ?? {}));

  if (a.endpoint_kind !== b.endpoint_kind) {
    warnings.push(`Run A used ${a.endpoint_kind} endpoints and run B ${b.endpoint_kind} endpoints.`);
  }
  if (a.emulator && b.emulator) {
    if (a.emulator.seed !== b.emulator.seed) warnings.push(`The emulator seed differs: ${a.emulator.seed} in A, ${b.emulator.seed} in B.`);
    if (a.emulator.profiles_file !== b.emulator.profiles_file) {
      warnings.push(`The emulator profiles file differs: ${a.emulator.profiles_file} in A, ${b.emulator.profiles_file} in B.`);
    }
  }
  for (const sdk of [...new Set([...Object.keys(a.sdk_versions ?? {}), ...Object.keys(b.sdk_versions ?? {})])].sort()) {
    const versionA = a.sdk_versions?.[sdk] ?? "none";
    const versionB = b.sdk_versions?.[sdk] ?? "none";
    if (versionA !== versionB) warnings.push(`SDK ${sdk} differs: ${versionA} in A, ${versionB} in B.`);
  }
  if (a.deno_version !== b.deno_version) warnings.push(`Deno differs: ${a.deno_version} in A, ${b.deno_version} in B.`);
  warnings.push(...priceWarnings(a, b, models));
  return warnings;
}

function datasetWarnings(a: RunManifest, b: RunManifest): string[] {
  const warnings: string[] = [];
  const inB = new Map((b.datasets ?? []).map((d) => [d.name, d]));
  const inA = new Map((a.datasets ?? []).map((d) => [d.name, d]));
  for (const dataset of a.datasets ?? []) {
    const other = inB.get(dataset.name);
    if (other === undefined) {
      warnings.push(`Dataset ${dataset.name} was used only in run A.`);
    } else if (other.sha256 !== dataset.sha256) {
      warnings.push(
        `Dataset ${dataset.name} changed between the runs (sha256 ${dataset.sha256.slice(0, 12)}… in A, ` +
          `${other.sha256.slice(0, 12)}… in B), so its items differ.`,
      );
    }
  }
  for (const dataset of b.datasets ?? []) {
    if (!inA.has(dataset.name)) warnings.push(`Dataset ${dataset.name} was used only in run B.`);
  }
  return warnings;
}

function specWarnings(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const warnings: string[] = [];
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    if (IGNORED_SPEC_FIELDS.has(key)) continue;
    const valueA = JSON.stringify(a[key] ?? null);
    const valueB = JSON.stringify(b[key] ?? null);
    if (valueA !== valueB) warnings.push(`Spec setting ${key} differs: ${valueA} in A, ${valueB} in B.`);
  }
  return warnings;
}

function priceWarnings(a: RunManifest, b: RunManifest, models: readonly string[]): string[] {
  const warnings: string[] = [];
  for (const model of models) {
    const rowA = priceOf(a, model);
    const rowB = priceOf(b, model);
    if (rowA === null && rowB === null) continue;
    if (rowA === null || rowB === null) {
      warnings.push(`Only run ${rowA === null ? "B" : "A"} has a price for ${model}, so its cost cannot be compared.`);
      continue;
    }
    const changed = PRICE_FIELDS.filter((field) => (rowA[field] ?? null) !== (rowB[field] ?? null));
    if (changed.length > 0) {
      warnings.push(`Prices of ${model} differ (${changed.join(", ")}), so its cost change reflects the price table as well as usage.`);
    }
  }
  return warnings;
}

// A malformed model ref costs the comparison a warning, not the whole comparison.
function priceOf(run: RunManifest, model: string): Record<string, unknown> | null {
  try {
    return findPrice(run.price_table?.rows ?? [], model) as unknown as Record<string, unknown> | null;
  } catch {
    return null;
  }
}
