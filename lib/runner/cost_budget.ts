/**
 * Spending limit for trials on real endpoints.
 *
 * Each attempt reserves its worst-case cost before it starts and settles to its recorded
 * cost when it ends, so requests in flight count against the limit: with 16 requests in
 * flight the run cannot overshoot by 15 worst cases. Attempts whose cost is unknown (no
 * price, no usage) settle to 0, because no measured cost exists for them.
 */
export class CostBudget {
  #spent = 0;
  #reserved = 0;

  /** `limitUsd` null means no limit: reservations always succeed, spending is still summed. */
  constructor(readonly limitUsd: number | null) {
    if (limitUsd !== null && !(limitUsd > 0)) {
      throw new RangeError(`budget_usd must be a positive number of US dollars or null, got ${limitUsd}`);
    }
  }

  /** Recorded cost of finished attempts, USD. */
  get spentUsd(): number {
    return this.#spent;
  }

  /**
   * Reserves `estimateUsd` for an attempt about to start. Returns null when it fits, else the
   * reason the run must stop (and reserves nothing).
   */
  reserve(estimateUsd: number): string | null {
    if (!(estimateUsd >= 0)) throw new RangeError(`estimateUsd must be ≥ 0, got ${estimateUsd}`);
    if (this.limitUsd !== null && this.#spent + this.#reserved + estimateUsd > this.limitUsd) {
      return `cost budget of $${this.limitUsd} reached: $${this.#spent.toFixed(4)} spent and ` +
        `$${this.#reserved.toFixed(4)} reserved by requests in flight; the next request could cost up to $${estimateUsd.toFixed(4)}`;
    }
    this.#reserved += estimateUsd;
    return null;
  }

  /** Releases a reservation and adds the attempt's recorded cost (null counts as 0). */
  settle(reservedUsd: number, costUsd: number | null): void {
    this.#reserved = Math.max(0, this.#reserved - reservedUsd);
    this.#spent += costUsd ?? 0;
  }
}
