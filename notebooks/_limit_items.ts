import { parseSpec } from "../lib/spec/load_spec.ts";
import type { Spec } from "../lib/spec/spec_schema.ts";

/**
 * Limits every dataset of a spec to its first `items` items and validates the result. The
 * spec-wide `items_per_dataset` becomes `items`, and so does each per-dataset limit above it.
 * Smaller per-dataset limits stay. The runner lets a per-dataset limit override
 * `items_per_dataset`, so setting only `items_per_dataset` would leave those datasets at their limit.
 */
export function limitItems(spec: Spec, items: number, source: string): Spec {
  if (!Number.isInteger(items) || items < 1) {
    throw new RangeError(`limitItems: items must be a whole number of 1 or more, got ${items}`);
  }
  const datasets = spec.datasets.map((entry) =>
    typeof entry === "string" ? entry : { name: entry.name, items: Math.min(entry.items ?? items, items) }
  );
  return parseSpec({ ...spec, datasets, items_per_dataset: items }, source);
}
