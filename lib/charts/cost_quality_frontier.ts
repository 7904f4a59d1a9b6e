/** A model's cost and quality, as the frontier computes it. */
export interface CostQuality {
  model: string;
  cost: number | null;
  quality: number | null;
}

/**
 * Find the models no other model beats on both cost (lower is better) and quality
 * (higher is better), sorted by cost: the points the Pareto frontier line joins.
 * Models without both values are left out. Equal points are all kept.
 */
export function costQualityFrontier<T extends CostQuality>(points: readonly T[]): T[] {
  if (!Array.isArray(points)) throw new TypeError("costQualityFrontier: points must be an array of { model, cost, quality }");
  const known = points.filter((p) => p.cost !== null && p.quality !== null && Number.isFinite(p.cost) && Number.isFinite(p.quality));
  const dominated = (p: T) =>
    known.some((o) =>
      o !== p && o.cost! <= p.cost! && o.quality! >= p.quality! && (o.cost! < p.cost! || o.quality! > p.quality!)
    );
  return known.filter((p) => !dominated(p)).sort((a, b) => a.cost! - b.cost! || b.quality! - a.quality!);
}
