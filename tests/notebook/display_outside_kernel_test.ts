import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { displayChart } from "../../lib/notebook/display_chart.ts";
import { displayFrame } from "../../lib/notebook/display_frame.ts";
import { displayText } from "../../lib/notebook/display_text.ts";
import { NotInKernelError } from "../../lib/notebook/not_in_kernel_error.ts";

const needsKernel = (helper: string) => (error: unknown) => {
  assert.ok(error instanceof NotInKernelError, String(error));
  assert.equal(error.helper, helper);
  assert.match(error.message, /needs the Deno Jupyter kernel/);
  return true;
};

Deno.test("displayFrame outside kernel names the kernel", async () => {
  await assert.rejects(displayFrame(pl.DataFrame({ a: [1] })), needsKernel("displayFrame"));
});

Deno.test("displayChart outside kernel names the kernel", async () => {
  await assert.rejects(displayChart({ mark: "bar", data: { values: [] } }), needsKernel("displayChart"));
});

Deno.test("displayText outside kernel names the kernel", async () => {
  await assert.rejects(displayText("hello"), needsKernel("displayText"));
});
