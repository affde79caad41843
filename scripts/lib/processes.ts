/**
 * Child processes the main job and the end-to-end tests start: each is tracked, and `stopAll`
 * stops them (SIGTERM, then SIGKILL after a grace period) and waits for them to exit. A process
 * that exits on its own is forgotten. If this process dies, `process.on("exit")` kills them all.
 */
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import path from "node:path";

const require = createRequire(import.meta.url);
export const HARDHAT_CLI = path.join(path.dirname(require.resolve("hardhat/package.json")), "dist/src/cli.js");

const running = new Set<ChildProcess>();
const groups = new WeakSet<ChildProcess>();
process.on("exit", () => {
  for (const child of running) signal(child, "SIGKILL");
});

/** Signals a child, or its whole process group when it was started as a group leader. */
function signal(child: ChildProcess, name: NodeJS.Signals): void {
  try {
    if (groups.has(child) && child.pid !== undefined) process.kill(-child.pid, name);
    else child.kill(name);
  } catch {
    // already gone
  }
}

/** A started child, with everything it printed so far. */
export interface Started {
  readonly child: ChildProcess;
  output(): string;
}

/**
 * Starts a tracked child process; its output is kept (and echoed when `echo` is set). With
 * `detached`, the child leads its own process group: a terminal's Ctrl-C then reaches only us,
 * and we stop the child (and whatever it started) in order.
 */
export function start(
  command: string,
  args: readonly string[],
  options: SpawnOptions & { echo?: boolean } = {},
): Started {
  const child = spawn(command, [...args], { stdio: ["ignore", "pipe", "pipe"], ...options });
  running.add(child);
  if (options.detached) groups.add(child);
  let output = "";
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    if (options.echo) process.stdout.write(chunk);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  child.on("exit", () => running.delete(child));
  return { child, output: () => output };
}

/** Runs a command to completion: exit code and output. */
export async function run(command: string, args: readonly string[], options: SpawnOptions = {}) {
  const started = start(command, args, options);
  const code = await new Promise<number>((resolve, reject) => {
    started.child.on("error", reject);
    started.child.on("close", (exitCode) => resolve(exitCode ?? 1));
  });
  return { code, output: started.output() };
}

/** A TCP port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** Resolves once `probe` returns true, polling every 250 ms; fails after `timeoutMs` or if `started` exits. */
export async function waitFor(
  what: string,
  probe: () => Promise<boolean>,
  { timeoutMs = 60_000, started }: { timeoutMs?: number; started?: Started } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (started && started.child.exitCode !== null) {
      throw new Error(`${what}: the process exited (${started.child.exitCode}):\n${started.output().slice(-4_000)}`);
    }
    if (await probe().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `${what}: not ready within ${timeoutMs / 1000} s${started ? `:\n${started.output().slice(-4_000)}` : ""}`,
  );
}

/** True when a JSON-RPC endpoint answers `eth_chainId`. */
export async function rpcAnswers(url: string): Promise<boolean> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
  });
  return response.ok;
}

/** Stops one child: SIGTERM, then SIGKILL after `graceMs`; resolves when it has exited. */
export function stop(child: ChildProcess, graceMs = 5_000): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => signal(child, "SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      if (groups.has(child)) signal(child, "SIGKILL"); // leftovers of its group
      resolve();
    });
    signal(child, "SIGTERM");
  });
}

/** Stops every tracked child. */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((child) => stop(child)));
}

/** JSON-RPC call to a node; its `error` becomes a thrown Error naming the method. */
export async function rpc<T = unknown>(url: string, method: string, params: readonly unknown[] = []): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = (await response.json()) as { result?: T; error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result as T;
}
