/**
 * Count the most requests in flight at once from two parallel columns of send and end
 * times (same clock), as `peakInFlight` does for interval objects. A request that ends at
 * the moment another is sent does not overlap it. Sorts copies, so it takes millions of
 * requests; the inputs are left as they are.
 *
 * @example
 * peakInFlightColumns(Float64Array.of(0, 5, 10), Float64Array.of(10, 15, 20)); // 2
 */
export function peakInFlightColumns(starts: ArrayLike<number>, ends: ArrayLike<number>): number {
  if (starts?.length === undefined || ends?.length === undefined || starts.length !== ends.length) {
    throw new TypeError("peakInFlightColumns: starts and ends must be arrays of the same length, one entry per request");
  }
  const n = starts.length;
  for (let i = 0; i < n; i++) {
    const start = starts[i];
    const end = ends[i];
    if (!Number.isFinite(start) || !Number.isFinite(end) || end < start) {
      throw new RangeError(`peakInFlightColumns: request ${i} must have finite start ≤ end, got ${start}..${end}`);
    }
  }
  const sends = Float64Array.from(starts).sort();
  const finishes = Float64Array.from(ends).sort();
  // Walk both sorted lists. At equal times the end comes first, so touching requests do not overlap.
  let current = 0;
  let peak = 0;
  let j = 0;
  for (let i = 0; i < n;) {
    if (j < n && finishes[j] <= sends[i]) {
      current--;
      j++;
    } else {
      current++;
      i++;
      if (current > peak) peak = current;
    }
  }
  return peak;
}
