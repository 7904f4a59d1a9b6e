/**
 * Count the most requests in flight at once from their send and end times (same clock).
 * A request that ends at the moment another is sent does not overlap it. Intervals with
 * a null end are left out.
 *
 * @example
 * peakInFlight([{ start: 0, end: 10 }, { start: 5, end: 15 }, { start: 10, end: 20 }]); // 2
 */
export function peakInFlight(intervals: readonly { start: number; end: number | null }[]): number {
  if (!Array.isArray(intervals)) throw new TypeError("peakInFlight: intervals must be an array of { start, end }");
  const events: [number, number][] = [];
  for (const [i, { start, end }] of intervals.entries()) {
    if (end === null) continue;
    if (!Number.isFinite(start) || !Number.isFinite(end) || end < start) {
      throw new RangeError(`peakInFlight: interval ${i} must have finite start ≤ end, got ${start}..${end}`);
    }
    events.push([start, 1], [end, -1]);
  }
  // At equal times ends (−1) sort before starts (+1).
  events.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  let current = 0;
  let peak = 0;
  for (const [, change] of events) {
    current += change;
    peak = Math.max(peak, current);
  }
  return peak;
}
