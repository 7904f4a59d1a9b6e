/**
 * Garbles text the way a broken encoding path does: every emoji and other character
 * outside the Basic Multilingual Plane becomes "?", and zero-width joiners, variation
 * selectors and combining accents are dropped. Returns the text unchanged when it has none.
 */
export function garbleText(text: string): string {
  return text
    .replace(/[\u{10000}-\u{10FFFF}]/gu, "?")
    .replace(/[\u200D\uFE0E\uFE0F\u0300-\u036F\u2600-\u27BF]/g, (char) => (/[\u2600-\u27BF]/.test(char) ? "?" : ""));
}
