/** Inline CSS of report.html: readable on screen, compact and unbroken in print. */
export const REPORT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: #1b1f24;
  max-width: 1200px; margin: 0 auto; padding: 24px; background: #fff; }
h1 { font-size: 1.7rem; margin: 0 0 4px; }
h2 { font-size: 1.3rem; margin: 32px 0 8px; border-bottom: 1px solid #d0d7de; padding-bottom: 4px; }
h3 { font-size: 1.1rem; margin: 24px 0 8px; }
.meta { color: #57606a; margin: 0 0 16px; }
.banner { border: 2px solid #bf8700; background: #fff8c5; padding: 12px 16px; border-radius: 6px; margin: 16px 0; }
.notice { border: 2px solid #cf222e; background: #ffebe9; padding: 12px 16px; border-radius: 6px; margin: 16px 0; }
.recommendations li { margin: 6px 0; }
.rule { color: #57606a; font-size: 0.9em; }
.table-wrap { overflow-x: auto; margin: 8px 0 4px; }
table { border-collapse: collapse; font-size: 0.88rem; min-width: 50%; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border: 1px solid #d0d7de; padding: 4px 8px; vertical-align: top; text-align: left; }
thead th { background: #f6f8fa; }
tbody th { background: #fbfbfc; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.excerpt { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.8rem; white-space: pre-wrap; word-break: break-word; }
.table-note { color: #57606a; font-size: 0.85rem; margin: 0 0 12px; }
figure { margin: 16px 0 24px; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: #57606a; font-size: 0.85rem; }
.toc ol { columns: 2; margin: 8px 0 16px; padding-left: 20px; }
.rec { border-left: 3px solid #0072B2; padding: 2px 12px; margin: 12px 0; }
.rec h3 { margin: 4px 0; }
.rec .verdict { margin: 4px 0; font-size: 1.05rem; }
.evidence { margin: 4px 0; padding-left: 20px; font-size: 0.9rem; }
.notes { color: #57606a; font-size: 0.9rem; }
pre { background: #f6f8fa; padding: 8px 12px; border-radius: 6px; overflow-x: auto; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.85rem; }
dl dt { font-weight: 600; margin-top: 6px; }
dl dd { margin-left: 16px; }
footer { color: #57606a; font-size: 0.8rem; margin-top: 32px; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  .table-wrap { overflow: visible; }
  table { font-size: 8pt; width: 100%; }
  td.excerpt { font-size: 7pt; }
  figure, .rec, tr, pre, .banner, .notice { break-inside: avoid; page-break-inside: avoid; }
  figure svg { max-width: 100%; height: auto; max-height: 240mm; }
  h2, h3, caption { break-after: avoid; page-break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  .toc { display: none; }
}
`;
