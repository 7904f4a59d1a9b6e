/** A program ready for the sandbox and where the tested code sits in it. */
export interface CodeTestProgram {
  source: string;
  /** 1-based line of `source` on which the tested code starts. */
  codeStartLine: number;
  /** Lines of tested code. */
  codeLineCount: number;
}

/** The test helpers a dataset's hidden tests may call. */
export const TEST_HELPERS = ["test", "assert", "assertEquals", "assertAlmostEquals", "assertThrows"] as const;

/**
 * Join tested code with hidden tests into one TypeScript module.
 *
 * The module starts with a harness, then the tested code, then the tests in a block
 * where the helpers of {@link TEST_HELPERS} are in scope:
 *
 * - `test(name, fn)` registers a case; `fn` may be async. Name it after the call it
 *   checks, e.g. `slugify('A  B')`, because failure lines read "<name> returned …".
 * - `assertEquals(actual, expected)` compares deeply (arrays, plain objects, Map, Set,
 *   Date; NaN equals NaN).
 * - `assertAlmostEquals(actual, expected, tolerance = 1e-7)`, `assert(condition, message)`
 *   and `assertThrows(fn)`: it passes when `fn` throws; when `fn` returns a promise it
 *   returns a promise that the test must await.
 *
 * The harness prints one JSON line per test, each starting with `tag`: first
 * `{kind:"plan", total, entryType}`, then `{kind:"result", name, ok, message?}` per test,
 * then `{kind:"done"}`, and exits with code 0 so timers left by the tested code do not
 * keep it alive. The harness keeps its own reference to stdout before the tested code
 * runs, so reassigning `console.log` does not hide or forge results unless the code
 * also learns the random tag.
 */
export function buildCodeTestProgram(code: string, tests: string, entry: string, tag: string): CodeTestProgram {
  if (!/^[A-Za-z_$][\w$]*$/.test(entry)) {
    throw new RangeError(`entry must be a JavaScript identifier, got ${JSON.stringify(entry)}`);
  }
  if (!/^[A-Za-z0-9]{8,}$/.test(tag)) {
    throw new RangeError(`tag must be at least 8 letters or digits, got ${JSON.stringify(tag)}`);
  }

  const harnessName = `__harness_${tag}`;
  const harness = HARNESS.replace("__HARNESS__", harnessName).replace("__TAG__", tag);
  const codeStartLine = harness.split("\n").length + 1;
  const source = [
    harness,
    code,
    "",
    "{",
    `const { ${TEST_HELPERS.join(", ")} } = ${harnessName};`,
    tests,
    "}",
    `await ${harnessName}.run(typeof ${entry});`,
    "",
  ].join("\n");
  return { source, codeStartLine, codeLineCount: code.split("\n").length };
}

const HARNESS = `const __HARNESS__ = (() => {
  const tag = "__TAG__";
  const encoder = new TextEncoder();
  const writeSync = Deno.stdout.writeSync.bind(Deno.stdout);
  const inspect = Deno.inspect;
  const exit = Deno.exit;
  const cases = [];
  class AssertionError extends Error {}
  const emit = (record) => {
    const bytes = encoder.encode(tag + JSON.stringify(record) + "\\n");
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(bytes.subarray(offset));
  };
  const show = (value) =>
    inspect(value, { depth: 4, compact: true, breakLength: Infinity, strAbbreviateSize: 100, iterableLimit: 20 })
      .slice(0, 160);
  const equal = (a, b) => {
    if (Object.is(a, b) || a === b) return true;
    if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
    if (a instanceof Date) return a.getTime() === b.getTime();
    if (a instanceof Map || a instanceof Set) {
      if (a.size !== b.size) return false;
      if (a instanceof Set) return [...a].every((value) => [...b].some((other) => equal(value, other)));
      return [...a].every(([key, value]) => b.has(key) && equal(value, b.get(key)));
    }
    const keysA = Object.keys(a);
    const keysB = Object.keys(b);
    if (keysA.length !== keysB.length) return false;
    return keysA.every((key) => Object.prototype.hasOwnProperty.call(b, key) && equal(a[key], b[key]));
  };
  const describe = (error) => {
    if (error instanceof AssertionError) return error.message;
    if (error instanceof Error) return "threw " + error.name + ": " + error.message.slice(0, 200);
    return "threw " + show(error);
  };
  return {
    test(name, fn) {
      cases.push({ name, fn });
    },
    assert(condition, message = "condition was false") {
      if (!condition) throw new AssertionError("failed: " + message);
    },
    assertEquals(actual, expected) {
      if (!equal(actual, expected)) throw new AssertionError("returned " + show(actual) + ", expected " + show(expected));
    },
    assertAlmostEquals(actual, expected, tolerance = 1e-7) {
      if (typeof actual !== "number" || !(Math.abs(actual - expected) <= tolerance)) {
        throw new AssertionError("returned " + show(actual) + ", expected " + show(expected) + " ± " + tolerance);
      }
    },
    assertThrows(fn) {
      let result;
      try {
        result = fn();
      } catch {
        return;
      }
      if (result && typeof result.then === "function") {
        return result.then(() => {
          throw new AssertionError("did not throw");
        }, () => {});
      }
      throw new AssertionError("did not throw");
    },
    async run(entryType) {
      emit({ kind: "plan", total: cases.length, entryType });
      for (const { name, fn } of cases) {
        try {
          await fn();
          emit({ kind: "result", name, ok: true });
        } catch (error) {
          emit({ kind: "result", name, ok: false, message: describe(error) });
        }
      }
      emit({ kind: "done" });
      exit(0);
    },
  };
})();`;
