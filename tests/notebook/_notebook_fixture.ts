import type { Cell, Notebook } from "../../lib/notebook/notebook_types.ts";

/** Builds a code cell with the given source and optional tags. */
export function codeCell(source: string, tags?: string[]): Cell {
  return {
    cell_type: "code",
    metadata: tags === undefined ? {} : { tags },
    source,
    execution_count: null,
    outputs: [],
  };
}

/** Builds a markdown cell. */
export function markdownCell(source: string): Cell {
  return { cell_type: "markdown", metadata: {}, source };
}

/** Builds a Deno notebook (nbformat 4.5) from cells. */
export function notebookOf(...cells: Cell[]): Notebook {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: "deno", display_name: "Deno", language: "typescript" } },
    cells,
  };
}

/** Writes a notebook as Jupyter does (one-space indent). */
export async function writeNotebook(path: string, notebook: Notebook): Promise<void> {
  await Deno.writeTextFile(path, JSON.stringify(notebook, null, 1) + "\n");
}
