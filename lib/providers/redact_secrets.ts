/** Text that replaces a redacted key. */
export const REDACTED = "[REDACTED]";

/**
 * Shapes of provider API keys: OpenAI `sk-…` (also `sk-proj-…`), Anthropic `sk-ant-…`
 * and Google `AIza…`. The length floors keep ordinary words such as "sk-learn" intact.
 */
const KEY_PATTERNS: readonly RegExp[] = [
  /sk-[A-Za-z0-9_\-]{8,}/g,
  /AIza[0-9A-Za-z_\-]{10,}/g,
];

/** Shortest explicit secret that is replaced verbatim; shorter values would redact ordinary text. */
const MIN_SECRET_LENGTH = 4;

/**
 * Replace every API-key-like substring of `text`, and every exact occurrence of the
 * given `secrets`, with `[REDACTED]`.
 */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let result = String(text);

  // Replace longer secrets first, so a key that contains another listed key is removed whole.
  const explicit = secrets
    .filter((secret) => typeof secret === "string" && secret.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length);
  for (const secret of explicit) {
    result = result.split(secret).join(REDACTED);
  }

  for (const pattern of KEY_PATTERNS) {
    result = result.replace(pattern, REDACTED);
  }
  return result;
}
