import type { Kernel } from "./jupyter_services.ts";
import type { ErrorOutput, Output } from "./notebook_types.ts";
import { type DisplayRegistry, OutputCollector } from "./output_collector.ts";

/** Status, execution count and outputs of one cell execution. */
export interface CellResult {
  status: "ok" | "error" | "timeout" | "dead";
  executionCount: number | null;
  outputs: Output[];
  /** Set unless status is `ok`. */
  error?: Omit<ErrorOutput, "output_type">;
  /** ISO timestamps of the request and of the reply. */
  startedAt: string;
  finishedAt: string;
}

/**
 * Runs one cell's code on a kernel and collects its outputs. Resolves (never rejects for a
 * failing cell) once the kernel has replied and gone idle, when `timeoutMs` passes (the kernel
 * is then interrupted), or when `kernelDead` settles.
 */
export async function executeCell(
  kernel: Kernel.IKernelConnection,
  code: string,
  timeoutMs: number,
  displays: DisplayRegistry,
  kernelDead: Promise<string>,
): Promise<CellResult> {
  const collector = new OutputCollector(displays);
  const startedAt = new Date().toISOString();
  const future = kernel.requestExecute({
    code,
    silent: false,
    store_history: true,
    allow_stdin: false,
    stop_on_error: true,
  });
  // Outputs are read from the kernel's IOPub signal rather than the future, because the Deno
  // kernel can flush console output a few ms after its reply, when the future is already done.
  const requestId = future.msg.header.msg_id;
  const onIOPub = (_sender: unknown, message: { parent_header: unknown; header: { msg_type: string }; content: unknown }) => {
    const parent = message.parent_header as { msg_id?: string } | null;
    if (parent?.msg_id !== requestId) return;
    collector.handle(message.header.msg_type, message.content as Record<string, unknown>);
  };
  kernel.iopubMessage.connect(onIOPub);

  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  try {
    const outcome = await Promise.race([
      future.done.then((reply) => ({ reply }), (error: Error) => ({ failure: error })),
      timedOut,
      kernelDead.then((reason) => ({ dead: reason })),
    ]);
    if (outcome !== "timeout" && !("dead" in outcome)) await delay(LATE_OUTPUT_GRACE_MS);
    const finishedAt = new Date().toISOString();
    const result = { executionCount: collector.executionCount, outputs: collector.outputs, startedAt, finishedAt };

    if (outcome === "timeout") {
      await kernel.interrupt().catch(() => {});
      const seconds = timeoutMs / 1000;
      return withError(
        result,
        "timeout",
        "CellTimeoutError",
        `the cell did not finish within ${seconds} s, so the runner interrupted it; raise --timeout if it needs longer`,
      );
    }
    if ("dead" in outcome) {
      return withError(result, "dead", "DeadKernelError", `the kernel stopped while the cell ran (${outcome.dead})`);
    }
    if ("failure" in outcome) {
      return withError(result, "dead", "KernelConnectionError", `no reply from the kernel: ${outcome.failure.message}`);
    }

    const content = outcome.reply.content;
    if (typeof content.execution_count === "number") result.executionCount = content.execution_count;
    if (content.status === "ok") return { status: "ok", ...result };
    if (content.status === "error") {
      return {
        status: "error",
        ...result,
        error: { ename: content.ename, evalue: content.evalue, traceback: content.traceback ?? [] },
      };
    }
    return withError(
      result,
      "error",
      "ExecutionAborted",
      `the kernel replied "${content.status}" without running the cell`,
    );
  } finally {
    clearTimeout(timer);
    kernel.iopubMessage.disconnect(onIOPub);
    future.dispose();
  }
}

/** Wait after a cell's reply for stream output the kernel flushes late. */
const LATE_OUTPUT_GRACE_MS = 30;

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function withError(
  result: Omit<CellResult, "status">,
  status: CellResult["status"],
  ename: string,
  evalue: string,
): CellResult {
  const error = { ename, evalue, traceback: [] };
  // The runner adds the error output itself because the kernel sent none for this failure.
  return { status, ...result, outputs: [...result.outputs, { output_type: "error", ...error }], error };
}
