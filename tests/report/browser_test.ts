import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";
import { writeReport } from "../../lib/report/write_report.ts";
import { type BrowserPage, CHROMIUM, openBrowser } from "./_cdp_browser.ts";
import { makeFakeRun } from "./make_fake_run.ts";

const HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)> a|b";
const ignore = !CHROMIUM.ok;
if (ignore) console.error(`browser tests skipped: ${(CHROMIUM as { reason: string }).reason}`);

interface Loaded {
  page: BrowserPage;
  url: string;
  runDir: string;
}
let loaded: Promise<Loaded> | null = null;

function load(): Promise<Loaded> {
  loaded ??= (async () => {
    const parent = await Deno.makeTempDir({ prefix: "browser-" });
    const runDir = await makeFakeRun(parent, { hostileOutput: HOSTILE });
    const { htmlPath } = await writeReport(runDir, `${parent}/out`, { pdf: false });
    const page = await openBrowser();
    const url = pathToFileURL(htmlPath).href;
    await page.open(url);
    await Deno.writeFile(`${runDir}/report-first-screen.png`, await page.screenshot());
    return { page, url, runDir };
  })();
  return loaded;
}

Deno.test({ name: "report in chromium logs no console error", ignore, sanitizeResources: false, sanitizeOps: false }, async () => {
  const { page } = await load();
  assert.deepEqual(page.record.consoleErrors, []);
});

Deno.test({ name: "report in chromium requests only its own file", ignore, sanitizeResources: false, sanitizeOps: false }, async () => {
  const { page, url } = await load();
  assert.deepEqual(page.record.requests.filter((r) => r !== url), []);
});

Deno.test({ name: "report in chromium shows hostile output as text", ignore, sanitizeResources: false, sanitizeOps: false }, async () => {
  const { page } = await load();
  assert.equal(await page.evaluate<boolean>(`document.body.textContent.includes(${JSON.stringify(HOSTILE)})`), true);
});

Deno.test({ name: "report in chromium has no script or img element", ignore, sanitizeResources: false, sanitizeOps: false }, async () => {
  const { page } = await load();
  assert.equal(await page.evaluate<number>("document.querySelectorAll('script, img').length"), 0);
});

Deno.test({ name: "report in chromium opens no dialog", ignore, sanitizeResources: false, sanitizeOps: false }, async () => {
  const { page } = await load();
  assert.deepEqual(page.record.dialogs, []);
});

Deno.test({ name: "report in chromium draws every chart", ignore, sanitizeResources: false, sanitizeOps: false }, async () => {
  const { page } = await load();
  const empty = await page.evaluate<string[]>(
    "[...document.querySelectorAll('figure')].filter((f) => !(f.querySelector('svg')?.getBoundingClientRect().width > 100)).map((f) => f.id)",
  );
  assert.deepEqual(empty, []);
});

Deno.test({ name: "report in chromium writes a first-screen screenshot", ignore, sanitizeResources: false, sanitizeOps: false }, async () => {
  const { runDir } = await load();
  const png = await Deno.readFile(`${runDir}/report-first-screen.png`);
  assert.deepEqual([...png.slice(1, 4)], [0x50, 0x4e, 0x47]);
});

Deno.test({ name: "report in chromium closes the browser", ignore, sanitizeResources: false, sanitizeOps: false }, async () => {
  const { page } = await load();
  await page.close();
  loaded = null;
});
