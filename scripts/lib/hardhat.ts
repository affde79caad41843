/**
 * Runs the project's Hardhat CLI as a child process on the Node that runs this script (Node 24
 * from `node_modules/.bin` when started through npm), echoing its output (or only keeping it, for
 * a run whose output is printed later) and keeping a copy.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const cli = path.join(path.dirname(require.resolve("hardhat/package.json")), "dist/src/cli.js");

export interface HardhatRun {
  readonly code: number;
  readonly output: string;
  /** Wall time of the run, in seconds. */
  readonly seconds: number;
}

export interface HardhatRunOptions {
  /** Added to the environment. */
  readonly env?: NodeJS.ProcessEnv;
  /** Print the output as it comes (default); otherwise only keep it. */
  readonly echo?: boolean;
}

export function runHardhat(args: readonly string[], options: HardhatRunOptions = {}): Promise<HardhatRun> {
  const { env = {}, echo = true } = options;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...env },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (echo) process.stdout.write(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (echo) process.stderr.write(chunk);
    });
    child.on("error", reject);
    child.on("close", (code, signal) =>
      resolve({ code: code ?? (signal ? 1 : 0), output, seconds: (performance.now() - started) / 1000 }),
    );
  });
}
