import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { cellSource } from "../../lib/notebook/cell_source.ts";
import { readNotebook } from "../../lib/notebook/read_notebook.ts";
import { codeCells, PROJECT_ROOT } from "./_notebook_cli.ts";

// The Deno kernel runs cells without type checking, so a renamed lib export or a changed
// signature would only show when a notebook runs. Here each notebook's code cells become one
// module (relative imports made absolute) and go through `deno check` with the project config.

const NOTEBOOK_DIR = join(PROJECT_ROOT, "notebooks");

function toModule(cells: string[]): string {
  const code = cells.join("\n\n").replace(
    /(from\s+")(\.{1,2}\/[^"]+)(")/g,
    (_, before: string, path: string, after: string) =>
      `${before}${pathToFileURL(join(NOTEBOOK_DIR, path)).href}${after}`,
  );
  return `${code}\nexport {};\n`;
}

Deno.test("notebook code passes deno check", async () => {
  const dir = await Deno.makeTempDir({ prefix: "notebook-code-check-" });
  try {
    const modules: string[] = [];
    for await (const entry of Deno.readDir(NOTEBOOK_DIR)) {
      if (!entry.isFile || !entry.name.endsWith(".ipynb")) continue;
      const notebook = await readNotebook(join(NOTEBOOK_DIR, entry.name));
      const path = join(dir, entry.name.replace(/\.ipynb$/, ".ts"));
      await Deno.writeTextFile(path, toModule(codeCells(notebook).map(cellSource)));
      modules.push(path);
    }
    assert.ok(modules.length > 0, `no notebooks in ${NOTEBOOK_DIR}`);

    const output = await new Deno.Command(Deno.execPath(), {
      args: ["check", "--config", join(PROJECT_ROOT, "deno.json"), ...modules.sort()],
      cwd: PROJECT_ROOT,
      env: { NO_COLOR: "1" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.equal(output.code, 0, new TextDecoder().decode(output.stderr));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
