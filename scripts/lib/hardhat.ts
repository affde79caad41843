/**
 * Runs the project's Hardhat CLI as a child process on the Node that runs this script (Node 24
 * from `node_modules/.bin` when started through npm), echoing its output and keeping a copy.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const cli = path.join(path.dirname(require.resolve("hardhat/package.json")), "dist/src/cli.js");

export interface HardhatRun {
  readonly code: number;
  readonly output: string;
}

export function runHardhat(args: readonly string[]): Promise<HardhatRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      process.stdout.write(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      process.stderr.write(chunk);
    });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}
