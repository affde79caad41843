import { zeroHash, type Address, type Hex } from "viem";

import { easErrors } from "../abi/EAS.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { walletAddress } from "../write.ts";
import { attest, type AttestationOptions, type AttestReturnType } from "./attest.ts";
import type { ExecutionRecordData } from "./attestationData.ts";

export interface AttestExecutionRecordParameters
  extends Omit<ExecutionRecordData, "chainId" | "ledger" | "actor" | "missionId" | "modelHash">, AttestationOptions {
  /** Who did the work; default (and, for the ledger, required): the wallet account. */
  readonly actor?: Address;
  /** The mission worked on; default 0 (none). */
  readonly missionId?: bigint;
  /** For an AI agent, a hash identifying the model or tool; default zero (a person). */
  readonly modelHash?: Hex;
  /** The attestation's recipient; default: the actor. */
  readonly recipient?: Address;
}

export type AttestExecutionRecordReturnType = AttestReturnType;

export type AttestExecutionRecordErrorType = AtlasError;

/**
 * Records, as an EAS `executionRecord` attestation by the wallet account, what an actor (a person
 * or an AI agent) did for a sovereign: task, input and output hashes, evidence and, for agents,
 * the model. It names this chain and the client's ledger, the only ledger that will record it. A verifier of the sovereign approves it with `attestExecutionVerification`, and
 * `recordVerifiedExecution` turns the pair into reputation.
 * @throws {AtlasUserRejectedError}, {AtlasWrongChainError}, {AtlasMissingWalletError},
 * {AtlasNetworkError}; {AtlasContractError} e.g. `InvalidSchema`.
 */
export async function attestExecutionRecord(
  context: AtlasContext,
  {
    actor,
    sovereignId,
    missionId,
    taskRef,
    inputHash,
    outputHash,
    evidenceURI,
    modelHash,
    recipient,
    ...options
  }: AttestExecutionRecordParameters,
): Promise<AttestExecutionRecordReturnType> {
  const doer = actor ?? (await walletAddress(context, easErrors, "attestExecutionRecord"));
  const data: ExecutionRecordData = {
    chainId: BigInt(context.chainId),
    ledger: context.addresses.ledger,
    actor: doer,
    sovereignId,
    missionId: missionId ?? 0n,
    taskRef,
    inputHash,
    outputHash,
    evidenceURI,
    modelHash: modelHash ?? zeroHash,
  };
  return attest(context, "attestExecutionRecord", "executionRecord", data, {
    ...options,
    recipient: recipient ?? doer,
  });
}
