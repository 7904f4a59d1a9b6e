/** A running emulator child process. */
export interface EmulatorProcess {
  url: string;
  seed: number;
  profilesFile: string;
  stop(): Promise<void>;
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
 */
export async function startEmulatorProcess(seed: number, startTimeoutMs = 30_000): Promise<EmulatorProcess> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", EMULATOR_SCRIPT.pathname, "--port", "0", "--seed", String(seed)],
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();

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
    profilesFile: PROFILES_FILE.pathname,
    async stop() {
      try {
        child.kill("SIGTERM");
      } catch { /* already exited */ }
      await child.status;
      await stderrDone.catch(() => {});
    },
  };
}
