import type { Cell } from "./notebook_types.ts";

/** Returns a cell's source as one string, joining the list form nbformat allows. */
export function cellSource(cell: Pick<Cell, "source">): string {
  return Array.isArray(cell.source) ? cell.source.join("") : cell.source;
}
