/** A running emulator child process. */
export interface EmulatorProcess {
  url: string;
  seed: number;
  profilesFile: string;
  /** Run folder the emulator replays, or null. */
  replay: string | null;
  /** Process id of the emulator. */
  pid: number;
  stop(): Promise<void>;
}

/** Options of `startEmulatorProcess`. */
export interface EmulatorProcessOptions {
  /** Model profiles JSON file (default `lib/emulator/profiles.json`). */
  profilesPath?: string | null;
  /** Run folder whose `streams.jsonl` the emulator replays. */
  replayDir?: string | null;
  /** Serve scripted calibration streams (see `deno task emulator --help`). */
  calibration?: boolean;
  /** With `calibration`: serve them from the bare raw-socket server instead of the emulator's HTTP server. */
  bare?: boolean;
  /** Directory of `*.jsonl` datasets whose items get dataset replies (default the repository's `datasets/`). */
  datasetsDir?: string | null;
  startTimeoutMs?: number;
}

const EMULATOR_SCRIPT = new URL("../../scripts/emulator.ts", import.meta.url);
const PROFILES_FILE = new URL("../emulator/profiles.json", import.meta.url);

/**
 * Starts the provider emulator in its own Deno process on a free 127.0.0.1 port.
 *
 * A separate process keeps the emulator's work off the harness's event loop, so the
 * harness's timestamps are not delayed by the server it measures. Resolves once the
 * emulator prints its URL; rejects with the emulator's stderr if it exits first or takes
 * longer than `startTimeoutMs`.
 *
 * The child watches its stdin, which this process keeps open. When this process dies, even
 * by SIGKILL, the pipe closes and the emulator exits instead of living on as an orphan.
 */
export async function startEmulatorProcess(seed: number, options: EmulatorProcessOptions = {}): Promise<EmulatorProcess> {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`emulator seed must be a safe integer, got ${seed}`);
  const startTimeoutMs = options.startTimeoutMs ?? 30_000;
  const args = ["run", "-A", EMULATOR_SCRIPT.pathname, "--port", "0", "--seed", String(seed), "--exit-with-stdin", "--quiet"];
  if (options.profilesPath) args.push("--profiles", options.profilesPath);
  if (options.replayDir) args.push("--replay", options.replayDir);
  if (options.calibration) args.push("--calibration");
  if (options.bare) args.push("--bare");
  if (options.datasetsDir) args.push("--datasets", options.datasetsDir);
  const child = new Deno.Command(Deno.execPath(), {
    args,
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  // Held open for the child's lifetime; only this process's exit closes it.
  const stdin = child.stdin.getWriter();

  const stderrChunks: string[] = [];
  const stderrDone = (async () => {
    for await (const chunk of child.stderr.pipeThrough(new TextDecoderStream())) {
      if (stderrChunks.length < 200) stderrChunks.push(chunk);
    }
  })();

  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let seen = "";
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`emulator did not start within ${startTimeoutMs} ms: ${stderrChunks.join("")}`)),
      startTimeoutMs,
    );
  });
  const urlFound = (async () => {
    while (true) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`emulator exited before it was ready: ${stderrChunks.join("").slice(-2000)}`);
      seen += value;
      const match = seen.match(/http:\/\/127\.0\.0\.1:\d+/);
      if (match) return match[0];
    }
  })();

  let url: string;
  try {
    url = await Promise.race([urlFound, timeout]);
  } catch (error) {
    try {
      child.kill("SIGTERM");
    } catch { /* already exited */ }
    await child.status;
    await stdin.close().catch(() => {});
    throw error;
  } finally {
    clearTimeout(timer);
  }
  // Keep draining stdout so the child never blocks on a full pipe.
  (async () => {
    while (!(await reader.read()).done) { /* discard */ }
  })().catch(() => {});

  return {
    url,
    seed,
    profilesFile: options.profilesPath ?? PROFILES_FILE.pathname,
    replay: options.replayDir ?? null,
    pid: child.pid,
    async stop() {
      try {
        child.kill("SIGTERM");
      } catch { /* already exited */ }
      await child.status;
      await stdin.close().catch(() => {});
      await stderrDone.catch(() => {});
    },
  };
}
