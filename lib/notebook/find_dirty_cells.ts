import type { Notebook } from "./notebook_types.ts";

/** A code cell that still carries results of a run. */
export interface DirtyCell {
  /** 1-based position of the cell among all cells of the notebook. */
  cell: number;
  /** Results left in the cell, e.g. `2 outputs` or `execution count 7`. */
  problems: string[];
}

/**
 * Lists the code cells that have outputs or an execution count, so committed notebooks stay
 * free of results (results belong in the executed copies under reports/notebooks/).
 */
export function findDirtyCells(notebook: Notebook): DirtyCell[] {
  if (notebook === null || typeof notebook !== "object" || !Array.isArray(notebook.cells)) {
    throw new TypeError("findDirtyCells: notebook must be a parsed notebook with a cells array");
  }
  const dirty: DirtyCell[] = [];
  notebook.cells.forEach((cell, index) => {
    if (cell.cell_type !== "code") return;
    const problems: string[] = [];
    const outputCount = Array.isArray(cell.outputs) ? cell.outputs.length : 0;
    if (outputCount > 0) problems.push(`${outputCount} output${outputCount === 1 ? "" : "s"}`);
    if (cell.execution_count !== null && cell.execution_count !== undefined) {
      problems.push(`execution count ${cell.execution_count}`);
    }
    if (problems.length > 0) dirty.push({ cell: index + 1, problems });
  });
  return dirty;
}
