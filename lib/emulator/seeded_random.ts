import { createHash } from "node:crypto";

/** A deterministic pseudo-random source. */
export interface SeededRandom {
  /** Returns a float in [0, 1). */
  next(): number;
  /** Returns an integer in [min, max], both inclusive. */
  integer(min: number, max: number): number;
  /** Returns a standard normal draw, clamped to [-3, 3] so jitter never explodes. */
  normal(): number;
  /** Returns one element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
}

/**
 * Creates a random source seeded by a SHA-256 hash of the given parts, so the same
 * parts always give the same sequence and any changed part gives an unrelated one.
 * The generator is sfc32, the small fast counter generator from the PractRand suite.
 */
export function seededRandom(...parts: ReadonlyArray<string | number>): SeededRandom {
  if (parts.length === 0) throw new TypeError("seededRandom needs at least one seed part");
  const digest = createHash("sha256").update(parts.map(String).join("\u0000")).digest();
  let a = digest.readUInt32LE(0);
  let b = digest.readUInt32LE(4);
  let c = digest.readUInt32LE(8);
  let d = digest.readUInt32LE(12);

  const next = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();

  return {
    next,
    integer(min, max) {
      return min + Math.floor(next() * (max - min + 1));
    },
    normal() {
      // Box-Muller transform. Using 1 - next() keeps the logarithm's argument in (0, 1].
      const z = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
      return Math.max(-3, Math.min(3, z));
    },
    pick(items) {
      if (items.length === 0) throw new RangeError("pick needs a non-empty array");
      return items[Math.floor(next() * items.length)];
    },
  };
}
