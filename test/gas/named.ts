/**
 * Named gas figures for snapshots/gas.json, beside the per-function medians Hardhat's gas
 * statistics give. A median cannot tell one input size from another (a split's `distribute` to 2,
 * 10 or 50 recipients); a scenario names each such call with {recordGas} and `scripts/gas.ts`
 * snapshots and checks the figure under `<contract>` → `<function> (<case>)`.
 *
 * Outside `scripts/gas.ts` (ATLAS_GAS_NAMED unset, e.g. in `npm test`) recording does nothing.
 */
import { appendFileSync } from "node:fs";

import type { ContractTransactionResponse } from "ethers";

/** One named figure, as `scripts/gas.ts` reads it (one JSON object per line). */
export interface NamedGas {
  readonly contract: string;
  readonly name: string;
  readonly gas: number;
}

/** Waits for `sent` and records its receipt's gas as `contract` → `name`; returns the gas used. */
export async function recordGas(
  contract: string,
  name: string,
  sent: Promise<ContractTransactionResponse> | ContractTransactionResponse,
): Promise<bigint> {
  const receipt = await (await sent).wait();
  if (receipt === null) throw new Error(`no receipt for ${contract} ${name}`);
  const file = process.env.ATLAS_GAS_NAMED;
  if (file !== undefined && file !== "") {
    const entry: NamedGas = { contract, name, gas: Number(receipt.gasUsed) };
    appendFileSync(file, `${JSON.stringify(entry)}\n`);
  }
  return receipt.gasUsed;
}

/**
 * When figures are being recorded (`scripts/gas.ts`), mines the next block at a fixed time (a base
 * in 2036 plus `offset` seconds), so that what derives from block times has the same bytes in every
 * run: an EAS UID does, and a call that takes one as calldata pays 4 gas per zero byte and 16 per
 * other byte, so its gas would otherwise move by a few dozen from run to run. Outside gas
 * recording (`npm test`) it does nothing, and the chain keeps its ordinary clock.
 */
export async function pinBlockTime(
  time: { setNextBlockTimestamp(timestamp: bigint): Promise<void> },
  offset: bigint,
): Promise<void> {
  const file = process.env.ATLAS_GAS_NAMED;
  if (file === undefined || file === "") return;
  await time.setNextBlockTimestamp(PINNED_BASE + offset);
}

/** 2036-07-18: later than any chain these scenarios start on. */
const PINNED_BASE = 2_100_000_000n;
