import type { CodeCell, Notebook } from "./notebook_types.ts";

/** Tag of the cell whose values the injected cell overrides. */
export const PARAMETERS_TAG = "parameters";
/** Tag of the cell the runner inserts with the values given on the command line. */
export const INJECTED_PARAMETERS_TAG = "injected-parameters";

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Inserts a code cell tagged `injected-parameters` that declares each parameter as
 * `const key = value;`, in the same places papermill puts it: right after the first cell
 * tagged `parameters`, or first when no cell has that tag. A cell injected by an earlier run
 * is removed first. The Deno kernel accepts a `const` that redeclares one from an earlier
 * cell, so the injected values override the notebook's defaults.
 *
 * Returns a new notebook; the input is not changed. With no parameters the notebook comes
 * back without an injected cell.
 */
export function injectParameters(notebook: Notebook, parameters: Record<string, unknown>): Notebook {
  if (notebook === null || typeof notebook !== "object" || !Array.isArray(notebook.cells)) {
    throw new TypeError("injectParameters: notebook must be a parsed notebook with a cells array");
  }
  if (parameters === null || typeof parameters !== "object" || Array.isArray(parameters)) {
    throw new TypeError("injectParameters: parameters must be an object of name → value");
  }
  for (const name of Object.keys(parameters)) {
    if (!IDENTIFIER.test(name)) {
      throw new Error(
        `parameter name ${JSON.stringify(name)} is not a valid JavaScript identifier; use letters, digits, _ or $`,
      );
    }
  }

  const cells = notebook.cells.filter((cell) => !hasTag(cell, INJECTED_PARAMETERS_TAG));
  const result: Notebook = { ...notebook, cells };
  if (Object.keys(parameters).length === 0) return result;

  const lines = Object.entries(parameters).map(([name, value]) => `const ${name} = ${toLiteral(name, value)};`);
  const injected: CodeCell = {
    cell_type: "code",
    id: "injected-parameters",
    metadata: { tags: [INJECTED_PARAMETERS_TAG] },
    source: ["// Parameters injected by scripts/notebooks.ts", ...lines].join("\n"),
    execution_count: null,
    outputs: [],
  };
  const parametersIndex = cells.findIndex((cell) => hasTag(cell, PARAMETERS_TAG));
  cells.splice(parametersIndex + 1, 0, injected);
  return result;
}

function hasTag(cell: { metadata?: { tags?: unknown } }, tag: string): boolean {
  const tags = cell.metadata?.tags;
  return Array.isArray(tags) && tags.includes(tag);
}

function toLiteral(name: string, value: unknown): string {
  const literal = JSON.stringify(value);
  if (literal === undefined) {
    throw new Error(
      `parameter ${name} has a value that JSON cannot encode (${typeof value}); pass a string, number, boolean, array, object or null`,
    );
  }
  return literal;
}
