import { join } from "node:path";
import type { CodeCell, MimeBundle, Notebook } from "../../lib/notebook/notebook_types.ts";

/** Project root, the folder `deno task notebooks` runs in. */
export const PROJECT_ROOT = new URL("../../", import.meta.url).pathname.replace(/\/$/, "");

/** Exit code, output and wall time of one `scripts/notebooks.ts` run. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Runs the headless notebook runner as `deno task notebooks ARGS` does, from the project root.
 * The runner starts and stops its own Jupyter Server.
 */
export async function runNotebookCli(args: string[]): Promise<CliRun> {
  const started = performance.now();
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", join(PROJECT_ROOT, "scripts", "notebooks.ts"), ...args],
    cwd: PROJECT_ROOT,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decoder = new TextDecoder();
  return {
    code: output.code,
    stdout: decoder.decode(output.stdout),
    stderr: decoder.decode(output.stderr),
    ms: performance.now() - started,
  };
}

/** Returns the code cells of a notebook. */
export function codeCells(notebook: Notebook): CodeCell[] {
  return notebook.cells.filter((cell): cell is CodeCell => cell.cell_type === "code");
}

/** Collects the MIME bundles of a cell's display and result outputs. */
export function bundlesOf(cell: CodeCell): MimeBundle[] {
  return cell.outputs.flatMap((output) => ("data" in output ? [output.data] : []));
}
