import { join } from "node:path";

/** Writes `text` to a new file in a fresh temp folder and returns its path. */
export async function writeTempFile(name: string, text: string): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "importers-" });
  const path = join(dir, name);
  await Deno.writeTextFile(path, text);
  return path;
}

/** Writes a price table with one row per provider of the importer tests (USD per million tokens) and returns its path. */
export async function writeTestPrices(): Promise<string> {
  return await writeTempFile(
    "prices.csv",
    [
      "provider,model,input_per_mtok,cached_input_per_mtok,cache_write_per_mtok,output_per_mtok,context_window,max_output,source,as_of",
      "openai,gpt-4o,2.5,1.25,,10,128000,16384,test table,2026-01-01",
      "anthropic,claude-sonnet-4-5,3,0.3,3.75,15,200000,64000,test table,2026-01-01",
      "google,gemini-2.5-flash,0.3,0.03,,2.5,1048576,65535,test table,2026-01-01",
    ].join("\n") + "\n",
  );
}
