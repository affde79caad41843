import { keccak256, stringToHex, type Address, type Hash, type Hex } from "viem";

/** The calls a proposal makes from the timelock, in order. */
export interface ProposalCalls {
  /** Contracts (or accounts) called. */
  readonly targets: readonly Address[];
  /** Wei sent with each call, from the timelock's balance. */
  readonly values: readonly bigint[];
  /** ABI-encoded calldata of each call (`0x` for a plain transfer). */
  readonly calldatas: readonly Hex[];
}

/**
 * A proposal as `queue`, `execute` and `cancel` identify it: its calls plus its description, or
 * the description's keccak256 hash (used when both are given). An item of `getProposals` can be
 * passed as it is.
 */
export type ProposalReference = ProposalCalls &
  (
    | { readonly description: string; readonly descriptionHash?: Hash }
    | { readonly descriptionHash: Hash; readonly description?: string }
  );

/** The hash a Governor identifies a proposal description by: `keccak256(bytes(description))`. */
export function hashDescription(description: string): Hash {
  return keccak256(stringToHex(description));
}

/** `(targets, values, calldatas, descriptionHash)`, the arguments of queue, execute and cancel. */
export function proposalOperationArgs(
  proposal: ProposalReference,
): readonly [readonly Address[], readonly bigint[], readonly Hex[], Hash] {
  const descriptionHash = proposal.descriptionHash ?? hashDescription(proposal.description ?? "");
  return [proposal.targets, proposal.values, proposal.calldatas, descriptionHash];
}
