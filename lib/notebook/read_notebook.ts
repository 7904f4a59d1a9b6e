import type { Notebook } from "./notebook_types.ts";

/**
 * Reads and checks a notebook file (nbformat 4).
 *
 * Throws an error naming the file and the invalid field when the file is not JSON, is not
 * nbformat 4, or has a cell without `cell_type` and `source`.
 */
export async function readNotebook(path: string): Promise<Notebook> {
  if (typeof path !== "string" || path === "") {
    throw new TypeError("readNotebook: path must be a non-empty file path");
  }
  const text = await Deno.readTextFile(path);
  return parseNotebook(text, path);
}

/** Parses notebook JSON text; `path` only names the source in error messages. */
export function parseNotebook(text: string, path: string): Notebook {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path} is not valid JSON (${(error as Error).message}); save it again from Jupyter`, {
      cause: error,
    });
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new Error(`${path}: a notebook must be a JSON object with "cells", "metadata" and "nbformat"`);
  }
  const notebook = value as Partial<Notebook>;
  if (notebook.nbformat !== 4) {
    throw new Error(
      `${path}: nbformat is ${
        JSON.stringify(notebook.nbformat)
      }, expected 4; convert it with \`jupyter nbconvert --to notebook\``,
    );
  }
  if (!Array.isArray(notebook.cells)) {
    throw new Error(`${path}: field "cells" must be an array`);
  }
  notebook.cells.forEach((cell, index) => {
    const where = `${path}: cell ${index + 1}`;
    if (cell === null || typeof cell !== "object") throw new Error(`${where} must be an object`);
    if (!["code", "markdown", "raw"].includes(cell.cell_type)) {
      throw new Error(`${where} has cell_type ${JSON.stringify(cell.cell_type)}, expected "code", "markdown" or "raw"`);
    }
    if (typeof cell.source !== "string" && !Array.isArray(cell.source)) {
      throw new Error(`${where} has no "source" string or list of lines`);
    }
    cell.metadata ??= {};
    if (cell.cell_type === "code") {
      cell.outputs ??= [];
      cell.execution_count ??= null;
    }
  });
  notebook.metadata ??= {};
  notebook.nbformat_minor ??= 5;
  return notebook as Notebook;
}
