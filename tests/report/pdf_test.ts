import assert from "node:assert/strict";
import { writeReport, type WrittenReport } from "../../lib/report/write_report.ts";
import { CHROMIUM } from "./_cdp_browser.ts";
import { makeFakeRun } from "./make_fake_run.ts";

/** Chart titles and axis titles that must survive printing, as pdftotext extracts them. */
const LABELS = [
  "Time to first token by model",
  "Time to first token (ms)",
  "End-to-end latency against output length",
  "Output tokens (server-reported)",
  "Time to first token against input size",
  "Input tokens (server-reported)",
  "Output speed by model",
  "Output speed (tokens/s)",
  "Throughput and latency against concurrency",
  "Concurrency (requests in flight)",
  "Cost per 1,000 requests against pass rate",
  "Pass rate (%)",
  "Cost per 1,000 requests by task kind",
  "Task kind",
  "Pass rate by model and suite",
  "Errors by class and model",
  "Trials that ended in an error (count)",
  "Needle retrieval accuracy by context length and depth",
  "Context length (tokens)",
];

const poppler = await ensurePoppler();
const ignore = !CHROMIUM.ok || poppler !== null;
if (!CHROMIUM.ok) console.error(`pdf tests skipped: ${CHROMIUM.reason}`);
else if (poppler !== null) console.error(`pdf tests skipped: ${poppler}`);

let built: Promise<{ written: WrittenReport; text: string; pages: string[] }> | null = null;
function build() {
  built ??= (async () => {
    const parent = await Deno.makeTempDir({ prefix: "pdf-" });
    const runDir = await makeFakeRun(parent, { withNeedles: true, sweep: [1, 4, 16] });
    const written = await writeReport(runDir, `${parent}/out`);
    const text = await run("pdftotext", ["-layout", written.pdfPath ?? "missing.pdf", "-"]);
    await run("pdftoppm", ["-r", "40", "-png", written.pdfPath ?? "missing.pdf", `${parent}/out/page`]);
    const pages = [...Deno.readDirSync(`${parent}/out`)].map((e) => e.name).filter((n) => /^page-\d+\.png$/.test(n));
    return { written, text: text.replace(/\s+/g, " "), pages };
  })();
  return built;
}

Deno.test({ name: "writeReport pdf is written next to the html", ignore }, async () => {
  const { written } = await build();
  assert.equal(written.pdfPath, written.htmlPath.replace(/report\.html$/, "report.pdf"));
});

Deno.test({ name: "writeReport pdf pages convert to png", ignore }, async () => {
  const { pages } = await build();
  assert.ok(pages.length >= 3, `${pages.length} pages`);
});

Deno.test({ name: "writeReport pdf keeps every chart title and axis title as text", ignore }, async () => {
  const { text } = await build();
  assert.deepEqual(LABELS.filter((label) => !text.includes(label)), []);
});

Deno.test({ name: "writeReport pdf keeps the section headings", ignore }, async () => {
  const { text } = await build();
  const headings = ["Summary recommendations", "Methodology", "Limitations", "Data files"];
  assert.deepEqual(headings.filter((h) => !text.includes(h)), []);
});

async function run(command: string, args: string[]): Promise<string> {
  const out = await new Deno.Command(command, { args, stdout: "piped", stderr: "piped" }).output();
  if (!out.success) throw new Error(`${command} ${args.join(" ")} failed: ${new TextDecoder().decode(out.stderr)}`);
  return new TextDecoder().decode(out.stdout);
}

// Returns null when pdftoppm and pdftotext are available, else why not.
async function ensurePoppler(): Promise<string | null> {
  const has = () => new Deno.Command("pdftotext", { args: ["-v"], stdout: "null", stderr: "null" }).output().then(() => true, () => false);
  if (await has()) return null;
  if (Deno.uid() !== 0) return 'poppler-utils is not installed and this user is not root; run "apt-get install -y poppler-utils"';
  for (const args of [["update"], ["install", "-y", "poppler-utils"]]) {
    const out = await new Deno.Command("apt-get", { args, env: { DEBIAN_FRONTEND: "noninteractive" }, stdout: "null", stderr: "null" })
      .output().catch(() => ({ success: false }));
    if (!out.success) return `apt-get ${args.join(" ")} failed; run "apt-get install -y poppler-utils" by hand`;
  }
  return (await has()) ? null : "poppler-utils installed but pdftotext is missing";
}
