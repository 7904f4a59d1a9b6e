import assert from "node:assert/strict";
import { basename, join } from "node:path";
import { selectNotebooks } from "../../lib/notebook/select_notebooks.ts";

async function folderWith(...names: string[]): Promise<string> {
  const dir = await Deno.makeTempDir();
  for (const name of names) await Deno.writeTextFile(join(dir, name), "{}");
  return dir;
}

Deno.test("notebook selection defaults to all in name order", async () => {
  const dir = await folderWith("02_b.ipynb", "01_a.ipynb", "notes.md");
  const selected = await selectNotebooks(dir);
  assert.deepEqual(selected.map((path) => basename(path)), ["01_a.ipynb", "02_b.ipynb"]);
});

Deno.test("notebook selection matches prefix and full name", async () => {
  const dir = await folderWith("01_a.ipynb", "02_b.ipynb", "03_c.ipynb");
  const selected = await selectNotebooks(dir, ["03_c.ipynb", "01"]);
  assert.deepEqual(selected.map((path) => basename(path)), ["01_a.ipynb", "03_c.ipynb"]);
});

Deno.test("notebook selection rejects an unknown name", async () => {
  const dir = await folderWith("01_a.ipynb");
  await assert.rejects(selectNotebooks(dir, ["09"]), /no notebook .* matches "09"; notebooks there: 01_a\.ipynb/);
});

Deno.test("notebook selection rejects a missing folder", async () => {
  await assert.rejects(selectNotebooks(join(await Deno.makeTempDir(), "none")), /does not exist/);
});
