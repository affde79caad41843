/**
 * Child processes for end-to-end tests, on top of scripts/lib/processes.ts (which the main job
 * uses too): a Hardhat node on a free port, and npm commands run exactly as a user types them.
 * Every process started here is stopped by `stopAll`.
 */
import type { ChildProcess } from "node:child_process";

import { HARDHAT_CLI, freePort, rpcAnswers, run, start, stopAll, waitFor } from "../../scripts/lib/processes.ts";

export { freePort, stopAll };

/** Starts `hardhat node` on `port` (optionally with another chain id) and resolves once it answers JSON-RPC. */
export async function startHardhatNode(port: number, chainId?: number): Promise<ChildProcess> {
  const args = [HARDHAT_CLI, "node", "--hostname", "127.0.0.1", "--port", String(port)];
  if (chainId !== undefined) args.push("--chain-id", String(chainId));
  const node = start(process.execPath, args);
  await waitFor(`hardhat node on port ${port}`, () => rpcAnswers(`http://127.0.0.1:${port}`), { started: node });
  return node.child;
}

/**
 * Runs `npm <args>` as a user would, and resolves with its exit code and output. An `undefined`
 * in `env` removes that variable from the child's environment.
 */
export function runNpm(args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  const merged = Object.fromEntries(
    Object.entries({ ...process.env, ...env }).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  return run("npm", args, { env: merged });
}
