/**
 * Escape text for a Markdown paragraph or table cell. Markdown syntax characters get a
 * backslash, so `|` cannot end a cell. HTML becomes entities, so viewers that allow raw
 * HTML show it as text. Line breaks become spaces, so a cell stays on one line.
 */
export function escapeMarkdown(text: unknown): string {
  return String(text ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\\`*_[\]|#]/g, (ch) => `\\${ch}`)
    .replace(/\r?\n|\r/g, " ");
}
