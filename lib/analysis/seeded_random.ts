/**
 * Create a seeded pseudo-random source of floats in [0, 1) (mulberry32), so bootstrap
 * intervals come out the same on every run with the same seed.
 */
export function createSeededRandom(seed: number): () => number {
  if (!Number.isInteger(seed)) {
    throw new RangeError(`createSeededRandom: seed must be an integer, got ${seed}`);
  }
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
