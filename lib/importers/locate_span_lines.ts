/**
 * Finds the 1-based line on which each span object of an OTLP JSON document starts, in
 * document order (the order of `resourceSpans[].scopeSpans[].spans[]`). A span is an object
 * directly inside an array under the key "spans". Scans the text once, tracking strings and
 * nesting, without building a second parse tree.
 */
export function locateSpanLines(text: string): number[] {
  if (typeof text !== "string") throw new TypeError("locateSpanLines: text must be the JSON document's text");
  const lines: number[] = [];
  // One entry per open container: for an array, the key it is the value of; for an object, null.
  const stack: (string | null)[] = [];
  const isArray: boolean[] = [];
  let line = 1;
  let lastString = "";
  let keyForNext: string | null = null;

  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\n") {
      line++;
    } else if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') {
        if (text[j] === "\\") j++;
        else if (text[j] === "\n") line++;
        j++;
      }
      lastString = text.slice(i + 1, j);
      i = j;
    } else if (ch === ":") {
      keyForNext = lastString;
    } else if (ch === "{") {
      if (isArray.at(-1) === true && stack.at(-1) === "spans") lines.push(line);
      stack.push(null);
      isArray.push(false);
      keyForNext = null;
    } else if (ch === "[") {
      stack.push(keyForNext);
      isArray.push(true);
      keyForNext = null;
    } else if (ch === "}" || ch === "]") {
      stack.pop();
      isArray.pop();
    } else if (ch === ",") {
      keyForNext = null;
    }
  }
  return lines;
}
