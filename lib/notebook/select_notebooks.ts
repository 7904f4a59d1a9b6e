import { join } from "node:path";

/**
 * Lists the notebooks to run from `dir`, in file-name order. With no `names`, that is every
 * `*.ipynb` file. Otherwise it is the files whose name equals a given name (with or without
 * `.ipynb`) or starts with it, so `01` selects `01_latency.ipynb`. Throws when a name matches
 * no notebook, listing the notebooks that exist.
 */
export async function selectNotebooks(dir: string, names: string[] = []): Promise<string[]> {
  if (typeof dir !== "string" || dir === "") throw new TypeError("selectNotebooks: dir must be a directory path");
  const available: string[] = [];
  try {
    for await (const entry of Deno.readDir(dir)) {
      if (entry.isFile && entry.name.endsWith(".ipynb")) available.push(entry.name);
    }
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      throw new Error(`notebook folder ${dir} does not exist; pass an existing folder with --dir`, { cause: error });
    }
    throw error;
  }
  available.sort();
  if (names.length === 0) return available.map((name) => join(dir, name));

  const selected = new Set<string>();
  for (const name of names) {
    const matches = available.filter((file) => file === name || file === `${name}.ipynb` || file.startsWith(name));
    if (matches.length === 0) {
      const list = available.length > 0 ? available.join(", ") : "none";
      throw new Error(`no notebook in ${dir} matches ${JSON.stringify(name)}; notebooks there: ${list}`);
    }
    for (const match of matches) selected.add(match);
  }
  return available.filter((file) => selected.has(file)).map((name) => join(dir, name));
}
