import { encodeHex } from "./encode_hex.ts";
import type { Dataset } from "../datasets/schema.ts";
import type { DatasetInfo } from "./manifest.ts";

/** Describes the datasets of a run, with a SHA-256 of each file so later runs can tell if it changed. */
export async function describeDatasets(datasets: Dataset[]): Promise<DatasetInfo[]> {
  const infos: DatasetInfo[] = [];
  for (const dataset of datasets) {
    const bytes = await Deno.readFile(dataset.path);
    const digest = await crypto.subtle.digest("SHA-256", bytes);
    infos.push({ name: dataset.name, path: dataset.path, items: dataset.items.length, sha256: encodeHex(digest) });
  }
  return infos;
}
