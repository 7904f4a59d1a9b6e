const SDK_PACKAGES = ["openai", "@anthropic-ai/sdk", "@google/genai"];

/** Reads the pinned SDK versions from the project's import map in `deno.json`. */
export async function readSdkVersions(): Promise<Record<string, string>> {
  const denoJson = new URL("../../deno.json", import.meta.url);
  const config = JSON.parse(await Deno.readTextFile(denoJson)) as { imports?: Record<string, string> };
  const versions: Record<string, string> = {};
  for (const name of SDK_PACKAGES) {
    const specifier = config.imports?.[name] ?? "";
    const match = specifier.match(/@([^@/]+)$/);
    versions[name] = match ? match[1] : "unknown";
  }
  return versions;
}
