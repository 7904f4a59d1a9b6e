// A fence opens with ``` and an optional language tag at the start of a line and
// closes with ``` alone on a line.
const FENCED_BLOCK = /^[ \t]*```[ \t]*([A-Za-z0-9_+-]*)[^\n]*\n([\s\S]*?)^[ \t]*```[ \t]*$/gm;
const OPENING_FENCE = /^[ \t]*```[^\n]*\n/m;

/**
 * Return the code of a model output: the first fenced block tagged with one of
 * `languages` (compared case-insensitively), else the first untagged block, else the
 * whole output.
 *
 * An output cut off before its closing fence (e.g. at the token limit) yields the text
 * after the opening fence.
 *
 * @example
 * ```ts
 * extractCodeBlock("Here:\n```sql\nSELECT 1;\n```", ["sql"]); // "SELECT 1;"
 * ```
 */
export function extractCodeBlock(output: string, languages: readonly string[]): string {
  if (typeof output !== "string") {
    throw new TypeError(`output must be a string, got ${typeof output}`);
  }
  const accepted = new Set(languages.map((language) => language.toLowerCase()));
  const blocks = [...output.matchAll(FENCED_BLOCK)].map((match) => ({
    language: match[1].toLowerCase(),
    code: match[2],
  }));

  const tagged = blocks.find((block) => accepted.has(block.language));
  if (tagged) return tagged.code.trim();
  const untagged = blocks.find((block) => block.language === "");
  if (untagged) return untagged.code.trim();
  if (blocks.length === 0) {
    const opening = output.match(OPENING_FENCE);
    if (opening) return output.slice(opening.index! + opening[0].length).trim();
  }
  return output.trim();
}
