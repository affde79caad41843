import { isAddressEqual, type Address, type BlockNumber, type BlockTag, type Hash, type Hex } from "viem";

import { atlasGovernorErrors } from "../abi/AtlasGovernor.ts";
import * as AtlasGovernor from "../abi/AtlasGovernor.ts";
import type { AtlasContext } from "../client.ts";
import { deployments } from "../deployments.ts";
import { decodeAtlasError, type AtlasError } from "../errors.ts";
import { hashDescription } from "./proposalCalls.ts";

/** The items of `AtlasGovernor`'s ABI this action uses. */
const atlasGovernorItems = [AtlasGovernor.ProposalCreated] as const;

export interface GetProposalsParameters {
  /**
   * First block to read. Default: the governor's deployment block when the bundled address book
   * of the chain lists this governor, otherwise the genesis block (public RPCs may limit the range:
   * pass the deployment block from the address book).
   */
  readonly fromBlock?: BlockNumber | BlockTag;
  /** Last block to read. Default: `"latest"`. */
  readonly toBlock?: BlockNumber | BlockTag;
}

/** A proposal as its `ProposalCreated` event announced it. Can be passed to queue, execute and cancel. */
export interface CreatedProposal {
  readonly proposalId: bigint;
  readonly proposer: Address;
  readonly targets: readonly Address[];
  readonly values: readonly bigint[];
  readonly calldatas: readonly Hex[];
  /** Timepoint (a timestamp for AtlasToken's clock) of the voting snapshot; voting opens after it. */
  readonly voteStart: bigint;
  /** Original voting deadline; late quorum may extend it (see `getProposal`'s `deadline`). */
  readonly voteEnd: bigint;
  readonly description: string;
  /** `keccak256(bytes(description))`, the hash queue, execute and cancel take. */
  readonly descriptionHash: Hash;
  /** Block and transaction that created the proposal. */
  readonly blockNumber: bigint;
  readonly transactionHash: Hash;
}

export type GetProposalsReturnType = readonly CreatedProposal[];

export type GetProposalsErrorType = AtlasError;

/**
 * Every proposal created on the governor in a block range, oldest first, from its
 * `ProposalCreated` events. Read each one's state and tallies with `getProposal`.
 * @throws {AtlasNetworkError} when the RPC cannot be reached; {AtlasError} when it refuses the range.
 */
export async function getProposals(
  context: AtlasContext,
  { fromBlock, toBlock = "latest" }: GetProposalsParameters = {},
): Promise<GetProposalsReturnType> {
  try {
    const logs = await context.publicClient.getContractEvents({
      address: context.addresses.governor,
      abi: atlasGovernorItems,
      eventName: "ProposalCreated",
      fromBlock: fromBlock ?? deploymentBlock(context),
      toBlock,
      strict: true,
    });
    return logs
      .filter((log) => log.blockNumber !== null && log.transactionHash !== null)
      .map(({ args, blockNumber, transactionHash }) => ({
        proposalId: args.proposalId,
        proposer: args.proposer,
        targets: args.targets,
        values: args.values,
        calldatas: args.calldatas,
        voteStart: args.voteStart,
        voteEnd: args.voteEnd,
        description: args.description,
        descriptionHash: hashDescription(args.description),
        blockNumber: blockNumber!,
        transactionHash: transactionHash!,
      }));
  } catch (error) {
    throw decodeAtlasError(error, atlasGovernorErrors);
  }
}

function deploymentBlock(context: AtlasContext): bigint {
  const governor = deployments[context.chainId]?.contracts.governor;
  return governor !== undefined && isAddressEqual(governor.address, context.addresses.governor)
    ? BigInt(governor.blockNumber)
    : 0n;
}
