import { zeroAddress, type Address } from "viem";

import { atlasModuleErrors } from "../abi/IAtlasModule.ts";
import * as IAtlasModule from "../abi/IAtlasModule.ts";
import type { AtlasContext } from "../client.ts";
import { decodeAtlasError, type AtlasError } from "../errors.ts";

/** The items of `IAtlasModule`'s ABI this action uses. */
const atlasModuleItems = [IAtlasModule.guardian, IAtlasModule.pauseState, IAtlasModule.paused] as const;

/** The Atlas OS modules (IAtlasModule: owned by governance, paused by a guardian), by address-book name. */
export const ATLAS_MODULES = ["registry", "ledger", "bountyBoard", "escrow", "arbitration"] as const;

/** Name of an Atlas OS module in the address book. */
export type AtlasModuleName = (typeof ATLAS_MODULES)[number];

export interface GetPauseStateParameters {
  /** Which module to read. */
  readonly module: AtlasModuleName;
}

/** Where a module's pause and clock stand, read at one block. Times are unix seconds. */
export interface GetPauseStateReturnType {
  readonly module: AtlasModuleName;
  readonly address: Address;
  /** Whether the module is paused now (a pause past its end is over). */
  readonly paused: boolean;
  /** When the current or last pause ends (ended) by itself; `undefined` if the module was never paused. */
  readonly pauseEndsAt: bigint | undefined;
  /** Who may pause it (once per cooldown); `undefined` when there is no guardian. */
  readonly guardian: Address | undefined;
  /** From when on the guardian may pause (again); `undefined`: at once. */
  readonly guardianReadyAt: bigint | undefined;
  /** The longest a pause lasts without governance extending it, in seconds. */
  readonly maxPauseDuration: bigint;
  /** Seconds the module has spent paused, in all. */
  readonly pausedDuration: bigint;
  /**
   * The module's clock: the block's time minus `pausedDuration`. It stands still while the module
   * is paused; the escrow's and the bounty board's deadlines, review windows and streams are on
   * it, so give their times on it (`moduleTime + duration`).
   */
  readonly moduleTime: bigint;
  /** Block the values were read at. */
  readonly blockNumber: bigint;
}

export type GetPauseStateErrorType = AtlasError;

/**
 * Reads where a module's pause and clock stand. A guardian's pause ends by itself after
 * `maxPauseDuration` unless governance extends it, and the guardian may pause again only after a
 * cooldown; only governance unpauses early.
 * @throws {AtlasNetworkError} when the RPC cannot be reached.
 */
export async function getPauseState(
  context: AtlasContext,
  { module }: GetPauseStateParameters,
): Promise<GetPauseStateReturnType> {
  const address = context.addresses[module];
  const client = context.publicClient;
  try {
    const blockNumber = await client.getBlockNumber({ cacheTime: 0 });
    const read = { address, abi: atlasModuleItems, blockNumber } as const;
    const [paused, state, guardian] = await Promise.all([
      client.readContract({ ...read, functionName: "paused" }),
      client.readContract({ ...read, functionName: "pauseState" }),
      client.readContract({ ...read, functionName: "guardian" }),
    ]);
    return {
      module,
      address,
      paused,
      pauseEndsAt: state.pauseEndsAt === 0n ? undefined : state.pauseEndsAt,
      guardian: guardian === zeroAddress ? undefined : guardian,
      guardianReadyAt: state.guardianReadyAt === 0n ? undefined : state.guardianReadyAt,
      maxPauseDuration: state.maxPauseDuration,
      pausedDuration: state.pausedDuration,
      moduleTime: state.moduleTime,
      blockNumber,
    };
  } catch (error) {
    throw decodeAtlasError(error, atlasModuleErrors);
  }
}
