import assert from "node:assert/strict";
import { DEFAULT_CELL_TIMEOUT_SECONDS, parseRunnerArgs } from "../../lib/notebook/parse_runner_args.ts";

Deno.test("runner args default to every notebook", () => {
  const args = parseRunnerArgs([]);
  assert.deepEqual(args.names, []);
  assert.deepEqual(args.params, {});
  assert.equal(args.cellTimeoutMs, DEFAULT_CELL_TIMEOUT_SECONDS * 1000);
  assert.equal(args.server, undefined);
});

Deno.test("runner args read names, params and timeout", () => {
  const args = parseRunnerArgs(["01", "02_cost", "--param", "spec=specs/x.json", "--param", "n=3", "--timeout", "90"]);
  assert.deepEqual(args.names, ["01", "02_cost"]);
  assert.deepEqual(args.params, { spec: "specs/x.json", n: 3 });
  assert.equal(args.cellTimeoutMs, 90_000);
});

Deno.test("runner args keep an equals sign inside the value", () => {
  assert.deepEqual(parseRunnerArgs(["--param", "filter=a=b"]).params, { filter: "a=b" });
});

Deno.test("runner args reject a param without a value", () => {
  assert.throws(() => parseRunnerArgs(["--param", "spec"]), /KEY=VALUE/);
});

Deno.test("runner args reject a zero timeout", () => {
  assert.throws(() => parseRunnerArgs(["--timeout", "0"]), /--timeout/);
});

Deno.test("runner args take the token from the server URL", () => {
  const args = parseRunnerArgs(["--server", "http://127.0.0.1:8888/tree/notebooks?token=abc"]);
  assert.deepEqual(args.server, { url: "http://127.0.0.1:8888/", token: "abc" });
});

Deno.test("runner args reject a server without a token", () => {
  assert.throws(() => parseRunnerArgs(["--server", "http://127.0.0.1:8888/"]), /--token/);
});

Deno.test("runner args reject a token without a server", () => {
  assert.throws(() => parseRunnerArgs(["--token", "abc"]), /--server/);
});

Deno.test("runner args reject an unknown option", () => {
  assert.throws(() => parseRunnerArgs(["--parameter", "a=1"]));
});
