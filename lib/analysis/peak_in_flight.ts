import { peakInFlightColumns } from "./peak_in_flight_columns.ts";

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
  const starts: number[] = [];
  const ends: number[] = [];
  for (const [i, { start, end }] of intervals.entries()) {
    if (end === null) continue;
    if (!Number.isFinite(start) || !Number.isFinite(end) || end < start) {
      throw new RangeError(`peakInFlight: interval ${i} must have finite start ≤ end, got ${start}..${end}`);
    }
    starts.push(start);
    ends.push(end);
  }
  return peakInFlightColumns(starts, ends);
}
