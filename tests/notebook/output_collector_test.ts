import assert from "node:assert/strict";
import { OutputCollector } from "../../lib/notebook/output_collector.ts";

Deno.test("output collector merges stream text", () => {
  const collector = new OutputCollector();
  collector.handle("stream", { name: "stdout", text: "a\n" });
  collector.handle("stream", { name: "stdout", text: "b\n" });
  collector.handle("stream", { name: "stderr", text: "c\n" });

  assert.deepEqual(collector.outputs, [
    { output_type: "stream", name: "stdout", text: "a\nb\n" },
    { output_type: "stream", name: "stderr", text: "c\n" },
  ]);
});

Deno.test("output collector keeps displays in order", () => {
  const collector = new OutputCollector();
  for (const label of ["one", "two", "three"]) {
    collector.handle("display_data", { data: { "text/plain": label }, metadata: {}, transient: {} });
  }
  assert.deepEqual(collector.outputs.map((output) => "data" in output && output.data["text/plain"]), [
    "one",
    "two",
    "three",
  ]);
});

Deno.test("output collector records execute_result count", () => {
  const collector = new OutputCollector();
  collector.handle("execute_input", { code: "1", execution_count: 7 });
  collector.handle("execute_result", { execution_count: 7, data: { "text/plain": "1" }, metadata: {} });

  assert.equal(collector.executionCount, 7);
  assert.deepEqual(collector.outputs, [
    { output_type: "execute_result", execution_count: 7, data: { "text/plain": "1" }, metadata: {} },
  ]);
});

Deno.test("output collector stores errors", () => {
  const collector = new OutputCollector();
  collector.handle("error", { ename: "Error", evalue: "boom", traceback: ["Error: boom", "    at <anonymous>:1:7"] });
  assert.deepEqual(collector.outputs, [
    { output_type: "error", ename: "Error", evalue: "boom", traceback: ["Error: boom", "    at <anonymous>:1:7"] },
  ]);
});

Deno.test("output collector applies clear_output with wait", () => {
  const collector = new OutputCollector();
  collector.handle("stream", { name: "stdout", text: "old\n" });
  collector.handle("clear_output", { wait: true });
  assert.equal(collector.outputs.length, 1);
  collector.handle("stream", { name: "stdout", text: "new\n" });
  assert.deepEqual(collector.outputs, [{ output_type: "stream", name: "stdout", text: "new\n" }]);
});

Deno.test("output collector updates a display in an earlier cell", () => {
  const displays = new Map();
  const first = new OutputCollector(displays);
  first.handle("display_data", { data: { "text/plain": "0%" }, metadata: {}, transient: { display_id: "progress" } });
  const second = new OutputCollector(displays);
  second.handle("update_display_data", {
    data: { "text/plain": "100%" },
    metadata: {},
    transient: { display_id: "progress" },
  });

  assert.deepEqual(first.outputs, [{ output_type: "display_data", data: { "text/plain": "100%" }, metadata: {} }]);
  assert.equal(second.outputs.length, 0);
});

Deno.test("output collector ignores status messages", () => {
  const collector = new OutputCollector();
  collector.handle("status", { execution_state: "busy" });
  assert.equal(collector.outputs.length, 0);
});
