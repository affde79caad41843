import type { Address, Hex } from "viem";

import { contributionLedgerErrors } from "../abi/ContributionLedger.ts";
import * as ContributionLedger from "../abi/ContributionLedger.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { emitted, simulateAndSend, type WriteResult } from "../write.ts";

/** The items of `ContributionLedger`'s ABI this action uses. */
const contributionLedgerItems = [
  ContributionLedger.ContributionRecorded,
  ContributionLedger.ExecutionRecorded,
  ContributionLedger.recordVerifiedExecution,
] as const;

export interface RecordVerifiedExecutionParameters {
  /** The execution record attestation, made by its actor. */
  readonly executionUID: Hex;
  /** The verifier's approving attestation referring to it. */
  readonly verificationUID: Hex;
}

export interface RecordVerifiedExecutionReturnType extends WriteResult {
  /** The outcome recorded, from the `ExecutionRecorded` event. */
  readonly outcomeId: bigint;
  /** Who gets the points: the record's actor. */
  readonly actor: Address;
  /** Who verified the record. */
  readonly verifier: Address;
  /** The reputation points credited (the verification's `points`). */
  readonly points: bigint;
  /** The actor's reputation in the sovereign after this outcome. */
  readonly reputation: bigint;
}

export type RecordVerifiedExecutionErrorType = AtlasError;

/**
 * Turns an execution record, approved by a verifier of its sovereign, into a contribution of its
 * actor (reputation points from the verification). Anyone may send it; each record counts once.
 * @throws {AtlasContractError} e.g. `LedgerInvalidAttestation`, `LedgerActorNotAttester`,
 * `LedgerActorNotMember`, `LedgerVerificationMismatch`, `LedgerNotVerifier`,
 * `LedgerExecutionRejected`, `LedgerExecutionAlreadyRecorded`; {AtlasUserRejectedError},
 * {AtlasWrongChainError}, {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function recordVerifiedExecution(
  context: AtlasContext,
  { executionUID, verificationUID }: RecordVerifiedExecutionParameters,
): Promise<RecordVerifiedExecutionReturnType> {
  const ledger = context.addresses.ledger;
  const result = await simulateAndSend(context, contributionLedgerErrors, "recordVerifiedExecution", {
    address: ledger,
    abi: contributionLedgerItems,
    functionName: "recordVerifiedExecution",
    args: [executionUID, verificationUID],
  });
  const recorded = emitted(result, ledger, contributionLedgerItems, "ExecutionRecorded").args;
  const contribution = emitted(result, ledger, contributionLedgerItems, "ContributionRecorded").args;
  return {
    ...result,
    outcomeId: recorded.outcomeId,
    actor: recorded.actor,
    verifier: recorded.verifier,
    points: contribution.points,
    reputation: contribution.reputation,
  };
}
