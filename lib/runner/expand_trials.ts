import type { Dataset, DatasetItem } from "../datasets/schema.ts";

/** One planned trial: a model answering one dataset item once. */
export interface TrialPlan {
  trial_id: string;
  model: string;
  dataset: string;
  item: DatasetItem;
  repetition: number;
}

/**
 * Expands models × dataset items × repetitions into trials.
 *
 * Trials are ordered repetition-major, then item, then model, so the requests in flight
 * at any moment are spread across models and providers instead of hitting one at a time.
 * `itemsPerDataset` keeps the first N items of each dataset when set; a dataset's entry in
 * `itemLimits` (by dataset name) overrides it.
 */
export function expandTrials(
  models: string[],
  datasets: Dataset[],
  repetitions: number,
  itemsPerDataset: number | null = null,
  itemLimits: Map<string, number | null> = new Map(),
): TrialPlan[] {
  if (!Number.isInteger(repetitions) || repetitions < 1) {
    throw new RangeError(`repetitions must be a whole number of 1 or more, got ${repetitions}`);
  }
  const trials: TrialPlan[] = [];
  for (let repetition = 1; repetition <= repetitions; repetition++) {
    for (const dataset of datasets) {
      const limit = itemLimits.get(dataset.name) ?? itemsPerDataset;
      const items = limit === null ? dataset.items : dataset.items.slice(0, limit);
      for (const item of items) {
        for (const model of models) {
          trials.push({
            trial_id: `${model}/${dataset.name}/${item.id}/${repetition}`,
            model,
            dataset: dataset.name,
            item,
            repetition,
          });
        }
      }
    }
  }
  return trials;
}
