/** Error describing the cell that stopped a notebook run. */
export class CellExecutionError extends Error {
  /** Notebook file name, e.g. `01_latency.ipynb`. */
  readonly notebook: string;
  /** 1-based position of the cell among all cells of the executed notebook. */
  readonly cell: number;
  /** Exception name reported by the kernel, e.g. `TypeError`, or `CellTimeoutError`. */
  readonly ename: string;
  /** Exception message reported by the kernel. */
  readonly evalue: string;
  /** Traceback lines reported by the kernel. */
  readonly traceback: string[];

  constructor(notebook: string, cell: number, ename: string, evalue: string, traceback: string[]) {
    super(`notebook ${notebook} failed at cell ${cell}: ${ename}: ${evalue}`);
    this.name = "CellExecutionError";
    this.notebook = notebook;
    this.cell = cell;
    this.ename = ename;
    this.evalue = evalue;
    this.traceback = traceback;
  }
}
