import { isAddressEqual, parseEventLogs } from "viem";

import { sovereignRegistryErrors } from "../abi/SovereignRegistry.ts";
import * as SovereignRegistry from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";

/** The items of `SovereignRegistry`'s ABI this action uses. */
const sovereignRegistryItems = [SovereignRegistry.RecognitionEstablished, SovereignRegistry.recognize] as const;

export interface RecognizeParameters {
  /** The recognizing sovereign (the wallet account administers it). */
  readonly sovereignId: bigint;
  /** The recognized sovereign. */
  readonly otherId: bigint;
}

export interface RecognizeReturnType extends WriteResult {
  /**
   * Whether the recognition is now mutual (`RecognitionEstablished`: the other sovereign had
   * recognized this one); `false` for a proposal the other sovereign accepts by recognizing back.
   */
  readonly mutual: boolean;
}

export type RecognizeErrorType = AtlasError;

/**
 * `sovereignId` recognizes `otherId`: a proposal, or the acceptance of the other's proposal, after
 * which credentials issuers trusted by either count for both. Admin of `sovereignId`.
 * @throws {AtlasContractError} e.g. `RegistryAlreadyRecognized`, `RegistrySelfRecognition`,
 * `RegistryUnknownSovereign`, `RegistryNotSovereignAdmin`; {AtlasUserRejectedError},
 * {AtlasWrongChainError}, {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function recognize(
  context: AtlasContext,
  { sovereignId, otherId }: RecognizeParameters,
): Promise<RecognizeReturnType> {
  const registry = context.addresses.registry;
  const result = await simulateAndSend(context, sovereignRegistryErrors, "recognize", {
    address: registry,
    abi: sovereignRegistryItems,
    functionName: "recognize",
    args: [sovereignId, otherId],
  });
  const established = parseEventLogs({
    abi: sovereignRegistryItems,
    eventName: "RecognitionEstablished",
    logs: result.receipt.logs.filter((log) => isAddressEqual(log.address, registry)),
  });
  return { ...result, mutual: established.length > 0 };
}
