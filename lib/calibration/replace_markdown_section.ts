/**
 * Replaces the body of the `## heading` section of a Markdown document (up to the next `## `
 * heading or the end) with `body`, or appends the section when the heading is missing. Other
 * sections are left byte for byte as they were.
 */
export function replaceMarkdownSection(markdown: string, heading: string, body: string): string {
  if (heading.trim() === "" || heading.includes("\n")) throw new RangeError(`heading must be one non-empty line, got ${JSON.stringify(heading)}`);
  const lines = markdown.split("\n");
  const start = lines.findIndex((line) => line.trim() === `## ${heading}`);
  const section = [`## ${heading}`, "", ...body.trimEnd().split("\n"), ""];
  if (start < 0) {
    const trimmed = markdown.replace(/\n*$/, "");
    return `${trimmed}${trimmed === "" ? "" : "\n\n"}${section.join("\n")}`;
  }
  let end = lines.findIndex((line, index) => index > start && line.startsWith("## "));
  if (end < 0) end = lines.length;
  const tail = lines.slice(end);
  return [...lines.slice(0, start), ...section, ...tail].join("\n").replace(/\n*$/, "\n");
}
