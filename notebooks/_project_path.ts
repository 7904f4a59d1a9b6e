import { fileURLToPath } from "node:url";
import { resolve } from "node:path";

/** Project root (the folder that contains deno.json), whatever folder the kernel started in. */
export const PROJECT_ROOT = fileURLToPath(new URL("..", import.meta.url)).replace(/\/$/, "");

/**
 * Resolves a path given relative to the project root, as notebook parameters are written
 * (`specs/default.json`, `reports/runs`). An absolute path stays as it is.
 */
export function projectPath(path: string): string {
  if (typeof path !== "string" || path === "") {
    throw new TypeError(
      `projectPath: path must be a non-empty path such as "specs/default.json", got ${JSON.stringify(path)}`,
    );
  }
  return resolve(PROJECT_ROOT, path);
}
