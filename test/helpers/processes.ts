/**
 * Child processes for end-to-end tests: a Hardhat node on a free port and npm commands run
 * exactly as a user types them. Every process started here is stopped by `stopAll`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import path from "node:path";

const require = createRequire(import.meta.url);
const hardhatCli = path.join(path.dirname(require.resolve("hardhat/package.json")), "dist/src/cli.js");
const started = new Set<ChildProcess>();

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

/** Starts `hardhat node` on `port` (optionally with another chain id) and resolves once it answers JSON-RPC. */
export async function startHardhatNode(port: number, chainId?: number): Promise<ChildProcess> {
  const args = [hardhatCli, "node", "--hostname", "127.0.0.1", "--port", String(port)];
  if (chainId !== undefined) args.push("--chain-id", String(chainId));
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
  started.add(child);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`hardhat node exited early:\n${output}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      });
      if (response.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`hardhat node did not answer on port ${port} within 60 s:\n${output}`);
}

/** Runs `npm <args>` as a user would, and resolves with its exit code and output. */
export function runNpm(args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    // An `undefined` in `env` removes that variable from the child's environment.
    const merged = Object.fromEntries(
      Object.entries({ ...process.env, ...env }).filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
    const child = spawn("npm", [...args], { stdio: ["ignore", "pipe", "pipe"], env: merged });
    started.add(child);
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      started.delete(child);
      resolve({ code: code ?? 1, output });
    });
  });
}

/** Stops every process this module started and waits for them to exit. */
export async function stopAll(): Promise<void> {
  await Promise.all(
    [...started].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once("exit", () => resolve());
          child.kill("SIGTERM");
        }),
    ),
  );
  started.clear();
}
