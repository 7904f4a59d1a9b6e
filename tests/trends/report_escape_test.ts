import assert from "node:assert/strict";
import { join } from "node:path";
import { importLog } from "../../lib/importers/import_log.ts";
import { buildImportTrends } from "../../lib/trends/build_import_trends.ts";
import { writeTrendsReport } from "../../lib/trends/report/write_trends_report.ts";

const HOSTILE = '<script>alert("x")</script>|*_&';

Deno.test("trends report escapes names from the log", async () => {
  const dir = await Deno.makeTempDir({ prefix: "trends-escape-" });
  try {
    const lines = [1, 2, 3, 4].flatMap((day) =>
      [0, 1].map((i) =>
        JSON.stringify({
          timestamp: `2026-03-0${day}T1${i}:00:00Z`,
          model: HOSTILE,
          latency_ms: 1000 + i,
          status: "ok",
          model_version: day < 4 ? "v1" : "<img src=x onerror=alert(1)>",
        })
      )
    );
    await Deno.writeTextFile(join(dir, "log.jsonl"), lines.join("\n") + "\n");
    const imported = await importLog({
      name: "hostile",
      format: "jsonl",
      files: [join(dir, "log.jsonl")],
      importsDir: join(dir, "imports"),
    });
    const report = await buildImportTrends(imported.outDir);
    assert.equal(report.flags.length, 1, "the new version is flagged");
    const written = await writeTrendsReport(report, join(dir, "trends"));
    const html = await Deno.readTextFile(written.htmlPath);
    const markdown = await Deno.readTextFile(written.mdPath);
    assert.ok(!html.includes("<script>"), "no raw script tag in the page");
    assert.ok(!html.includes("<img src=x"), "no raw img tag in the page");
    assert.ok(html.includes("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"), "the name shows as text");
    assert.ok(!markdown.includes("<script>"), "no raw script tag in the Markdown");
    assert.ok(markdown.includes("\\|\\*\\_&amp;"), "Markdown table characters are escaped");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
