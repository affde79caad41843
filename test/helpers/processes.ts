/**
 * Child processes for end-to-end tests, on top of scripts/lib/processes.ts (which the main job
 * uses too): a Hardhat node on a free port, and npm commands run exactly as a user types them.
 * The caller stops what it started (`stop`): other suites share this process's children.
 */
import type { ChildProcess } from "node:child_process";

import { recordStart } from "../../scripts/lib/e2eStarts.ts";
import { HARDHAT_CLI, freePort, rpcAnswers, run, start, stop, waitFor } from "../../scripts/lib/processes.ts";

export { freePort, stop };

/**
 * Starts `hardhat node` on `port` (optionally with another chain id), a new chain, and resolves
 * once it answers JSON-RPC. The start is recorded (scripts/lib/e2eStarts.ts) for `suite`.
 */
export async function startHardhatNode(
  port: number,
  { chainId, suite, reason }: { chainId?: number; suite: string; reason: string },
): Promise<ChildProcess> {
  recordStart({ kind: "chain", id: `node on port ${port}, chain ${chainId ?? 31337}`, start: "new", suite, reason });
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
