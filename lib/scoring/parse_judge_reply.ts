/** The judge's reply read as a rating on its 1–5 scale, or why it could not be read. */
export type JudgeReply =
  | { ok: true; rating: number; reason: string }
  | { ok: false; reason: string };

/**
 * Read a judge's reply: a JSON object `{"score": 1-5, "reason": "..."}`, alone or inside
 * text or a fence, or failing that a line such as `Score: 4`. A rating outside 1–5 or a
 * non-integer is not accepted.
 */
export function parseJudgeReply(text: string): JudgeReply {
  if (typeof text !== "string") throw new TypeError(`text must be a string, got ${typeof text}`);
  const object = text.match(/\{[\s\S]*\}/)?.[0];
  if (object !== undefined) {
    try {
      const value = JSON.parse(object) as { score?: unknown; reason?: unknown };
      return checked(Number(value.score), typeof value.reason === "string" ? value.reason : "");
    } catch {
      // Not JSON: the plain "Score: N" form below may still be there.
    }
  }
  const line = text.match(/\bscore\s*[:=]\s*(\d+)/i);
  if (line) return checked(Number(line[1]), text.trim().slice(0, 200));
  return { ok: false, reason: `judge reply has no score: ${JSON.stringify(text.slice(0, 80))}` };
}

function checked(rating: number, reason: string): JudgeReply {
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
    return { ok: false, reason: `judge score must be an integer from 1 to 5, got ${rating}` };
  }
  return { ok: true, rating, reason };
}
