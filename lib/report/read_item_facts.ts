import { encodeHex } from "../runner/encode_hex.ts";
import type { RunManifest } from "../runner/manifest.ts";

/** Position of a needle item's needle: the context length and the depth in percent. */
export interface NeedlePosition {
  context_tokens: number;
  depth_pct: number;
}

/** Facts about the items of a run's datasets that the trial records do not carry. */
export interface ItemFacts {
  /** Keys ({@link itemKey}) of items whose messages contain an image part. */
  images: Set<string>;
  /** Needle positions by item key, from `context:<tokens>` and `depth:<percent>` tags or the item id. */
  needles: Map<string, NeedlePosition>;
}

/** Key of a dataset item in {@link ItemFacts}. */
export function itemKey(dataset: string, itemId: string): string {
  return `${dataset}\u0000${itemId}`;
}

/**
 * Read the run's dataset files and collect the items with image input and the needle
 * items (tagged `context:<tokens>` and `depth:<percent>`, or with an id such as
 * `needle-ctx32k-depth50`). Returns null when a dataset file is missing or no longer has
 * the SHA-256 the run recorded, because the run's items can then not be known.
 */
export async function readItemFacts(manifest: RunManifest): Promise<ItemFacts | null> {
  if (!Array.isArray(manifest?.datasets)) {
    throw new TypeError("readItemFacts: manifest must be a RunManifest with a datasets array");
  }
  const facts: ItemFacts = { images: new Set(), needles: new Map() };
  for (const dataset of manifest.datasets) {
    let bytes: Uint8Array;
    try {
      bytes = await Deno.readFile(dataset.path);
    } catch {
      return null;
    }
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>));
    if (encodeHex(digest) !== dataset.sha256) return null;
    for (const line of new TextDecoder().decode(bytes).split("\n")) {
      if (line.trim() === "") continue;
      let item: { id?: unknown; messages?: unknown; tags?: unknown };
      try {
        item = JSON.parse(line);
      } catch {
        return null;
      }
      if (typeof item.id !== "string") continue;
      const key = itemKey(dataset.name, item.id);
      if (hasImage(item.messages)) facts.images.add(key);
      const needle = needleOf(item.id, Array.isArray(item.tags) ? item.tags.filter((t) => typeof t === "string") : []);
      if (needle) facts.needles.set(key, needle);
    }
  }
  return facts;
}

function hasImage(messages: unknown): boolean {
  if (!Array.isArray(messages)) return false;
  return messages.some((m) =>
    Array.isArray(m?.content) && m.content.some((part: { type?: unknown }) => part?.type === "image")
  );
}

function needleOf(id: string, tags: string[]): NeedlePosition | null {
  const tag = (prefix: string) => tags.find((t) => t.startsWith(prefix))?.slice(prefix.length);
  const context = parseTokens(tag("context:") ?? /ctx[-_:]?(\d+k?m?)/i.exec(id)?.[1]);
  const depth = Number(tag("depth:")?.replace(/%$/, "") ?? /depth[-_:]?(\d+)/i.exec(id)?.[1]);
  if (context === null || !Number.isFinite(depth) || depth < 0 || depth > 100) return null;
  return { context_tokens: context, depth_pct: depth };
}

function parseTokens(text: string | undefined): number | null {
  if (text === undefined) return null;
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!match) return null;
  const scale = { "": 1, k: 1000, m: 1_000_000 }[match[2].toLowerCase() as "" | "k" | "m"];
  const tokens = Math.round(Number(match[1]) * scale);
  return tokens > 0 ? tokens : null;
}
