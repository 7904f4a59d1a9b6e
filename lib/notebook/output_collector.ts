import type { DisplayDataOutput, ExecuteResultOutput, JsonObject, MimeBundle, Output } from "./notebook_types.ts";

/** Outputs registered under a display id; shared by all cells of one notebook run. */
export type DisplayRegistry = Map<string, (DisplayDataOutput | ExecuteResultOutput)[]>;

/**
 * Turns the IOPub messages of one cell execution into nbformat outputs, with the rules Jupyter
 * front ends apply. Consecutive stream text of the same name is merged. `clear_output` empties
 * the cell, at the next output when `wait` is set. `update_display_data` replaces the data of
 * earlier outputs with the same display id, in any cell of the notebook.
 */
export class OutputCollector {
  /** Outputs of the cell so far, in arrival order. */
  readonly outputs: Output[] = [];
  /** Execution count announced by `execute_input` or `execute_result`. */
  executionCount: number | null = null;

  #displays: DisplayRegistry;
  #clearOnNextOutput = false;

  constructor(displays: DisplayRegistry = new Map()) {
    this.#displays = displays;
  }

  /** Applies one IOPub message; message types that carry no output are ignored. */
  handle(msgType: string, content: JsonObject): void {
    switch (msgType) {
      case "execute_input":
        if (typeof content.execution_count === "number") this.executionCount = content.execution_count;
        return;
      case "stream":
        this.#addStream(content.name === "stderr" ? "stderr" : "stdout", String(content.text ?? ""));
        return;
      case "display_data":
        this.#addDisplay(
          { output_type: "display_data", data: bundleOf(content), metadata: metadataOf(content) },
          content,
        );
        return;
      case "execute_result": {
        const count = typeof content.execution_count === "number" ? content.execution_count : this.executionCount;
        this.executionCount = count;
        this.#addDisplay(
          {
            output_type: "execute_result",
            execution_count: count,
            data: bundleOf(content),
            metadata: metadataOf(content),
          },
          content,
        );
        return;
      }
      case "update_display_data":
        this.#updateDisplay(content);
        return;
      case "error":
        this.#add({
          output_type: "error",
          ename: String(content.ename ?? "Error"),
          evalue: String(content.evalue ?? ""),
          traceback: Array.isArray(content.traceback) ? content.traceback.map(String) : [],
        });
        return;
      case "clear_output":
        if (content.wait === true) this.#clearOnNextOutput = true;
        else this.outputs.length = 0;
        return;
    }
  }

  #add(output: Output): void {
    if (this.#clearOnNextOutput) {
      this.outputs.length = 0;
      this.#clearOnNextOutput = false;
    }
    this.outputs.push(output);
  }

  #addStream(name: "stdout" | "stderr", text: string): void {
    const last = this.outputs[this.outputs.length - 1];
    if (!this.#clearOnNextOutput && last?.output_type === "stream" && last.name === name) {
      last.text = (Array.isArray(last.text) ? last.text.join("") : last.text) + text;
      return;
    }
    this.#add({ output_type: "stream", name, text });
  }

  #addDisplay(output: DisplayDataOutput | ExecuteResultOutput, content: JsonObject): void {
    this.#add(output);
    const displayId = displayIdOf(content);
    if (displayId === undefined) return;
    const registered = this.#displays.get(displayId) ?? [];
    registered.push(output);
    this.#displays.set(displayId, registered);
  }

  #updateDisplay(content: JsonObject): void {
    const displayId = displayIdOf(content);
    if (displayId === undefined) return;
    for (const output of this.#displays.get(displayId) ?? []) {
      output.data = bundleOf(content);
      output.metadata = metadataOf(content);
    }
  }
}

function bundleOf(content: JsonObject): MimeBundle {
  return isObject(content.data) ? content.data : {};
}

function metadataOf(content: JsonObject): JsonObject {
  return isObject(content.metadata) ? content.metadata : {};
}

function displayIdOf(content: JsonObject): string | undefined {
  const transient = content.transient;
  if (!isObject(transient)) return undefined;
  return typeof transient.display_id === "string" ? transient.display_id : undefined;
}

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
