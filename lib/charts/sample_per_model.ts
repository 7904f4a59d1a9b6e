/** Dots a per-trial chart draws per model at most; more would only blacken the plot and slow rendering. */
export const MAX_DOTS_PER_MODEL = 400;

/**
 * Keep at most `max` points per model, evenly spread over each model's points in their
 * given order, so the same input always gives the same dots. Points of a model with
 * `max` or fewer are all kept.
 */
export function samplePerModel<T extends { model: string }>(points: readonly T[], max = MAX_DOTS_PER_MODEL): T[] {
  if (!Array.isArray(points)) throw new TypeError("samplePerModel: points must be an array of { model, ... }");
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`samplePerModel: max must be a whole number ≥ 1, got ${max}`);
  const byModel = new Map<string, T[]>();
  for (const p of points) {
    const list = byModel.get(p.model);
    if (list) list.push(p);
    else byModel.set(p.model, [p]);
  }
  const out: T[] = [];
  for (const list of byModel.values()) {
    if (list.length <= max) {
      out.push(...list);
      continue;
    }
    const step = list.length / max;
    for (let i = 0; i < max; i++) out.push(list[Math.floor(i * step)]);
  }
  return out;
}
