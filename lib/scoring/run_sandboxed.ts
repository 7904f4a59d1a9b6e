/**
 * Runs untrusted TypeScript (model output joined with hidden tests) in a separate
 * Deno process that has no permissions, a heap limit, a resident-memory ceiling and
 * a wall-clock limit.
 */

/** Limits of one sandboxed run. */
export interface SandboxOptions {
  /** Wall-clock limit in milliseconds; the child is killed when it is reached. Default 10 000. */
  timeoutMs?: number;
  /** V8 old-space heap limit in MB (`--max-old-space-size`). Default 256. */
  memoryMb?: number;
  /**
   * Resident set size ceiling in MB, checked by polling `/proc/<pid>/status`. It catches
   * memory outside the V8 heap (ArrayBuffers), which the heap limit does not count.
   * Default `memoryMb + 256`.
   */
  maxRssMb?: number;
  /** Bytes kept of each of stdout and stderr; the rest is read and dropped. Default 65 536. */
  maxOutputBytes?: number;
  /** Kills the child when aborted. */
  signal?: AbortSignal;
}

/** Outcome of one sandboxed run. */
export interface SandboxResult {
  /** True when the child exited with code 0 within the limits. */
  ok: boolean;
  /** Exit code, or null when the child was ended by a signal. */
  exitCode: number | null;
  /** Signal that ended the child, e.g. `SIGKILL`, or null. */
  signal: string | null;
  timedOut: boolean;
  memoryExceeded: boolean;
  stdout: string;
  stderr: string;
  /** True when stdout or stderr was longer than `maxOutputBytes` and was cut. */
  truncated: boolean;
  durationMs: number;
  /** Cause of the failure in words, or null when `ok`. */
  reason: string | null;
}

// Deno loads local modules named in `import` without checking read permission, so an
// import map sends every file: URL (except the stdin entry module) to a host the child
// may not import from.
const BLOCK_FILE_IMPORTS = 'data:application/json,{"imports":{"file:///":"https://local-files.invalid/"}}';
const RSS_POLL_MS = 20;
const STDERR_REASON_CHARS = 300;

/**
 * Run `source` as a TypeScript module in a child Deno process with no permissions.
 *
 * The child gets the code on stdin (`deno run -`), a cleared environment, an empty
 * temporary working directory, no config file discovery and no remote or npm imports.
 * A failed run is returned as data: `ok` is false and `reason` states the cause.
 *
 * @example
 * ```ts
 * const result = await runSandboxed("console.log(1 + 1)", { timeoutMs: 5_000 });
 * result.stdout; // "2\n"
 * ```
 */
export async function runSandboxed(source: string, options: SandboxOptions = {}): Promise<SandboxResult> {
  if (typeof source !== "string") {
    throw new TypeError(`source must be a string of TypeScript, got ${typeof source}`);
  }
  const timeoutMs = checkPositiveInteger("timeoutMs", options.timeoutMs ?? 10_000);
  const memoryMb = checkPositiveInteger("memoryMb", options.memoryMb ?? 256);
  const maxRssMb = checkPositiveInteger("maxRssMb", options.maxRssMb ?? memoryMb + 256);
  const maxOutputBytes = checkPositiveInteger("maxOutputBytes", options.maxOutputBytes ?? 65_536);

  const cwd = await Deno.makeTempDir({ prefix: "sandbox-" });
  const command = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--no-prompt",
      "--no-config",
      "--no-lock",
      "--no-remote",
      "--no-npm",
      "--no-code-cache",
      `--import-map=${BLOCK_FILE_IMPORTS}`,
      `--v8-flags=--max-old-space-size=${memoryMb}`,
      "-",
    ],
    cwd,
    clearEnv: true,
    // The child finds its cache directory from the user database, so it needs no HOME.
    env: { NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" },
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  });

  const started = performance.now();
  const child = command.spawn();
  let timedOut = false;
  let memoryExceeded = false;
  let peakRssMb = 0;
  let exited = false;
  child.status.finally(() => exited = true);
  // The child is signalled through its ChildProcess handle, and not at all once its
  // status has resolved, so a pid reused by another process is not signalled.
  const kill = () => {
    if (exited) return;
    try {
      child.kill("SIGKILL");
    } catch {
      // The child exited between the check and the signal.
    }
  };
  const timer = setTimeout(() => {
    timedOut = true;
    kill();
  }, timeoutMs);
  // Reads are chained so that at most one is in flight and the last can be awaited.
  let polling = Promise.resolve();
  const poller = setInterval(() => {
    polling = polling.then(async () => {
      if (exited) return;
      const rss = await readRssMb(child.pid);
      if (rss === null) return;
      peakRssMb = Math.max(peakRssMb, rss);
      if (rss > maxRssMb) {
        memoryExceeded = true;
        kill();
      }
    });
  }, RSS_POLL_MS);
  const onAbort = () => kill();
  options.signal?.addEventListener("abort", onAbort, { once: true });
  if (options.signal?.aborted) kill();

  try {
    const [stdout, stderr, status] = await Promise.all([
      readCapped(child.stdout, maxOutputBytes),
      readCapped(child.stderr, maxOutputBytes),
      child.status,
      writeSource(child.stdin, source),
    ]);
    const durationMs = performance.now() - started;
    const exitCode = status.signal === null ? status.code : null;
    const ok = exitCode === 0 && !timedOut && !memoryExceeded;
    const reason = ok ? null : describeFailure({
      timedOut,
      memoryExceeded,
      aborted: options.signal?.aborted ?? false,
      timeoutMs,
      memoryMb,
      maxRssMb,
      peakRssMb,
      exitCode,
      signal: status.signal,
      stderr: stderr.text,
    });
    return {
      ok,
      exitCode,
      signal: status.signal,
      timedOut,
      memoryExceeded,
      stdout: stdout.text,
      stderr: stderr.text,
      truncated: stdout.truncated || stderr.truncated,
      durationMs,
      reason,
    };
  } finally {
    clearTimeout(timer);
    clearInterval(poller);
    await polling;
    options.signal?.removeEventListener("abort", onAbort);
    await Deno.remove(cwd, { recursive: true }).catch(() => {});
  }
}

function checkPositiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value <= 0) {
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
  }
  return value;
}

async function writeSource(stdin: WritableStream<Uint8Array>, source: string): Promise<void> {
  const writer = stdin.getWriter();
  try {
    await writer.write(new TextEncoder().encode(source));
    await writer.close();
  } catch {
    // The child exited or was killed before reading all of its input, and its status shows why.
  }
}

async function readCapped(
  stream: ReadableStream<Uint8Array>,
  maxBytes: number,
): Promise<{ text: string; truncated: boolean }> {
  const chunks: Uint8Array[] = [];
  let keptBytes = 0;
  let truncated = false;
  for await (const chunk of stream) {
    const room = maxBytes - keptBytes;
    if (chunk.length > room) truncated = true;
    if (room > 0) {
      const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
      chunks.push(part);
      keptBytes += part.length;
    }
  }
  const bytes = new Uint8Array(keptBytes);
  let offset = 0;
  for (const part of chunks) {
    bytes.set(part, offset);
    offset += part.length;
  }
  // A cut can split a multi-byte character, so decoding is not fatal.
  return { text: new TextDecoder().decode(bytes), truncated };
}

// NOTE: the resident-memory ceiling works only where /proc exists (Linux). Elsewhere
// only the V8 heap limit applies, and ArrayBuffer memory is unbounded.
async function readRssMb(pid: number): Promise<number | null> {
  try {
    const status = await Deno.readTextFile(`/proc/${pid}/status`);
    const match = status.match(/^VmRSS:\s+(\d+)\s+kB/m);
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

interface FailureFacts {
  timedOut: boolean;
  memoryExceeded: boolean;
  aborted: boolean;
  timeoutMs: number;
  memoryMb: number;
  maxRssMb: number;
  peakRssMb: number;
  exitCode: number | null;
  signal: string | null;
  stderr: string;
}

function describeFailure(facts: FailureFacts): string {
  if (facts.timedOut) return `timed out after ${facts.timeoutMs} ms and was killed`;
  if (facts.memoryExceeded) {
    return `memory limit exceeded: resident set reached ${Math.round(facts.peakRssMb)} MB, ` +
      `limit ${facts.maxRssMb} MB; the process was killed`;
  }
  if (facts.aborted) return "cancelled: the caller aborted the run";
  if (/out of memory/i.test(facts.stderr)) {
    return `out of memory: the ${facts.memoryMb} MB V8 heap limit was reached`;
  }
  if (facts.stderr.includes("local-files.invalid")) {
    return "permission denied: importing a local file is not allowed in the sandbox";
  }
  const permission = facts.stderr.match(/NotCapable: ([^\n]*)/);
  if (permission) {
    const request = permission[1].replace(/, run again with the --allow-\w+ flag/, "");
    return `permission denied: ${request}`;
  }
  const ending = facts.exitCode === null ? `was ended by ${facts.signal}` : `exited with code ${facts.exitCode}`;
  const firstError = facts.stderr.split("\n").find((line) => line.trim() !== "")?.trim();
  return firstError ? `${ending}: ${firstError.slice(0, STDERR_REASON_CHARS)}` : ending;
}
