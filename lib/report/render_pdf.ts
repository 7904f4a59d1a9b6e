import { pathToFileURL } from "node:url";
import { CHROMIUM_FLAGS } from "./chromium_flags.ts";

/** Maximum time a PDF rendering may take before it is stopped. */
const PDF_TIMEOUT_MS = 120_000;

/**
 * Print `htmlPath` to `pdfPath` with headless Chromium at `chromiumPath`, in a new
 * temporary profile that is removed afterwards. Throws an Error naming the exit status
 * and Chromium's last stderr lines when no PDF is written.
 */
export async function renderPdf(htmlPath: string, pdfPath: string, chromiumPath: string): Promise<void> {
  for (const [name, value] of [["htmlPath", htmlPath], ["pdfPath", pdfPath], ["chromiumPath", chromiumPath]]) {
    if (typeof value !== "string" || !value.startsWith("/")) {
      throw new TypeError(`renderPdf: ${name} must be an absolute path, got ${JSON.stringify(value)}`);
    }
  }
  const profile = await Deno.makeTempDir({ prefix: "report-chromium-" });
  try {
    await Deno.remove(pdfPath).catch(() => {});
    const { code, stderr } = await new Deno.Command(chromiumPath, {
      args: [
        ...CHROMIUM_FLAGS,
        `--user-data-dir=${profile}`,
        "--no-pdf-header-footer",
        `--print-to-pdf=${pdfPath}`,
        pathToFileURL(htmlPath).href,
      ],
      stdout: "null",
      stderr: "piped",
      signal: AbortSignal.timeout(PDF_TIMEOUT_MS),
    }).output();
    const size = await Deno.stat(pdfPath).then((s) => s.size).catch(() => 0);
    if (size === 0) {
      const tail = new TextDecoder().decode(stderr).trim().split("\n").slice(-3).join(" | ");
      throw new Error(`renderPdf: Chromium exited with status ${code} and wrote no ${pdfPath} (${tail})`);
    }
  } finally {
    await Deno.remove(profile, { recursive: true }).catch(() => {});
  }
}
