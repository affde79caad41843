import { zeroAddress, type Address } from "viem";

import { atlasGovernorErrors } from "../abi/AtlasGovernor.ts";
import * as AtlasGovernor from "../abi/AtlasGovernor.ts";
import * as TimelockController from "../abi/TimelockController.ts";
import type { AtlasContext } from "../client.ts";
import { decodeAtlasError, type AtlasError } from "../errors.ts";

/** The items of `TimelockController`'s ABI this action uses. */
const timelockControllerItems = [TimelockController.getMinDelay] as const;

/** The items of `AtlasGovernor`'s ABI this action uses. */
const atlasGovernorItems = [
  AtlasGovernor.CLOCK_MODE,
  AtlasGovernor.lateQuorumVoteExtension,
  AtlasGovernor.proposalGuardian,
  AtlasGovernor.proposalThreshold,
  AtlasGovernor.quorumDenominator,
  AtlasGovernor.quorumNumeratorFunction1,
  AtlasGovernor.quorumNumeratorFunction2,
  AtlasGovernor.timelock,
  AtlasGovernor.votingDelay,
  AtlasGovernor.votingPeriod,
] as const;

/** The governor's parameters (all changeable by governance). Durations are in clock units. */
export interface GetGovernanceSettingsReturnType {
  /** Time between a proposal and its snapshot (the start of voting). */
  readonly votingDelay: bigint;
  /** Time the vote lasts, before any late-quorum extension. */
  readonly votingPeriod: bigint;
  /** Voting power needed to propose, in the token's smallest unit. */
  readonly proposalThreshold: bigint;
  /** Quorum as `quorumNumerator / quorumDenominator` of the supply at the snapshot. */
  readonly quorumNumerator: bigint;
  readonly quorumDenominator: bigint;
  /** Minimum voting time left once quorum is reached (late-quorum protection). */
  readonly lateQuorumVoteExtension: bigint;
  /**
   * The account that can cancel proposals (but not one that only unpauses modules or replaces
   * guardians); never the modules' pauser. `undefined` when none is set.
   */
  readonly proposalGuardian: Address | undefined;
  /** The TimelockController that executes proposals and holds the treasury. */
  readonly timelock: Address;
  /** The timelock's minimum delay between queueing and executing, in seconds. */
  readonly timelockDelay: bigint;
  /** ERC-6372 clock mode, e.g. `"mode=timestamp"`. */
  readonly clockMode: string;
}

export type GetGovernanceSettingsErrorType = AtlasError;

/**
 * Reads the governor's settings: voting delay and period, proposal threshold, quorum fraction,
 * late-quorum extension, proposal guardian, timelock (and its delay) and clock mode.
 * @throws {AtlasNetworkError} when the RPC cannot be reached.
 */
export async function getGovernanceSettings(context: AtlasContext): Promise<GetGovernanceSettingsReturnType> {
  const governor = { address: context.addresses.governor, abi: atlasGovernorItems } as const;
  const client = context.publicClient;
  try {
    const [
      votingDelay,
      votingPeriod,
      proposalThreshold,
      quorumNumerator,
      quorumDenominator,
      lateQuorumVoteExtension,
      proposalGuardian,
      timelock,
      clockMode,
    ] = await Promise.all([
      client.readContract({ ...governor, functionName: "votingDelay" }),
      client.readContract({ ...governor, functionName: "votingPeriod" }),
      client.readContract({ ...governor, functionName: "proposalThreshold" }),
      client.readContract({ ...governor, functionName: "quorumNumerator", args: [] }),
      client.readContract({ ...governor, functionName: "quorumDenominator" }),
      client.readContract({ ...governor, functionName: "lateQuorumVoteExtension" }),
      client.readContract({ ...governor, functionName: "proposalGuardian" }),
      client.readContract({ ...governor, functionName: "timelock" }),
      client.readContract({ ...governor, functionName: "CLOCK_MODE" }),
    ]);
    const timelockDelay = await client.readContract({
      address: timelock,
      abi: timelockControllerItems,
      functionName: "getMinDelay",
    });
    return {
      votingDelay,
      votingPeriod,
      proposalThreshold,
      quorumNumerator,
      quorumDenominator,
      lateQuorumVoteExtension: BigInt(lateQuorumVoteExtension),
      proposalGuardian: proposalGuardian === zeroAddress ? undefined : proposalGuardian,
      timelock,
      timelockDelay,
      clockMode,
    };
  } catch (error) {
    throw decodeAtlasError(error, atlasGovernorErrors);
  }
}
