import type { RunManifest } from "../runner/manifest.ts";

/** Key of a dataset item in the returned set. */
export function imageItemKey(dataset: string, itemId: string): string {
  return `${dataset}\u0000${itemId}`;
}

/**
 * Find the items of a run's datasets whose messages contain an image part, keyed by
 * {@link imageItemKey}. Returns null when a dataset file is missing or no longer has the
 * SHA-256 the run recorded, because the run's items can then not be known.
 */
export async function findImageItems(manifest: RunManifest): Promise<Set<string> | null> {
  if (!Array.isArray(manifest?.datasets)) {
    throw new TypeError("findImageItems: manifest must be a RunManifest with a datasets array");
  }
  const keys = new Set<string>();
  for (const dataset of manifest.datasets) {
    let bytes: Uint8Array;
    try {
      bytes = await Deno.readFile(dataset.path);
    } catch {
      return null;
    }
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>));
    const hex = [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
    if (hex !== dataset.sha256) return null;
    for (const line of new TextDecoder().decode(bytes).split("\n")) {
      if (line.trim() === "") continue;
      let item: { id?: unknown; messages?: unknown };
      try {
        item = JSON.parse(line);
      } catch {
        return null;
      }
      if (typeof item.id === "string" && hasImage(item.messages)) keys.add(imageItemKey(dataset.name, item.id));
    }
  }
  return keys;
}

function hasImage(messages: unknown): boolean {
  if (!Array.isArray(messages)) return false;
  return messages.some((m) =>
    Array.isArray(m?.content) && m.content.some((part: { type?: unknown }) => part?.type === "image")
  );
}
