import { DEFAULT_DATASETS_DIR } from "./default_datasets_dir.ts";

/**
 * Return the names of the datasets in `datasetsDir` (its `*.jsonl` files without the
 * extension), sorted. Defaults to the built-in sets in the repository's `datasets/`.
 */
export async function listDatasets(datasetsDir: string = DEFAULT_DATASETS_DIR): Promise<string[]> {
  const names: string[] = [];
  for await (const entry of Deno.readDir(datasetsDir)) {
    if (entry.isFile && entry.name.endsWith(".jsonl")) names.push(entry.name.slice(0, -".jsonl".length));
  }
  return names.sort();
}
