import { zeroAddress, type Address, type Hex } from "viem";

import { sovereignRegistryErrors } from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { decodeAtlasError, type AtlasError } from "../errors.ts";
import type { SchemaReference } from "./attestationData.ts";
import { checkCredential, type CheckCredentialReturnType } from "./checkCredential.ts";
import { getAttestation, type AtlasAttestation } from "./getAttestation.ts";

export interface VerifyCredentialParameters {
  /** The sovereign asking. */
  readonly sovereignId: bigint;
  /** The credential's attestation UID. */
  readonly uid: Hex;
  /** The holder; default: the attestation's recipient. */
  readonly account?: Address;
  /** The schema the credential must have; default: `skillCredential`. */
  readonly schema?: SchemaReference;
  /** The sovereign whose trust list names the issuer; default: `sovereignId`. */
  readonly trustedBy?: bigint;
}

export interface VerifyCredentialReturnType extends CheckCredentialReturnType {
  /** The attestation, decoded; `undefined` when EAS has none with that UID. */
  readonly attestation: AtlasAttestation | undefined;
  /** Block the attestation and the verdict were read at. */
  readonly blockNumber: bigint;
}

export type VerifyCredentialErrorType = AtlasError;

/**
 * Reads a credential from EAS and asks the registry whether `sovereignId` honours it: the decoded
 * attestation and the verdict (`valid`, or the first reason it is not), read at the same block.
 * @throws {AtlasNetworkError} when the RPC cannot be reached.
 */
export async function verifyCredential(
  context: AtlasContext,
  { sovereignId, uid, account, schema, trustedBy }: VerifyCredentialParameters,
): Promise<VerifyCredentialReturnType> {
  let blockNumber: bigint;
  try {
    // Not cached: a read right after a write must see that write.
    blockNumber = await context.publicClient.getBlockNumber({ cacheTime: 0 });
  } catch (error) {
    throw decodeAtlasError(error, sovereignRegistryErrors);
  }
  const attestation = await getAttestation(context, { uid, blockNumber });
  const verdict = await checkCredential(context, {
    sovereignId,
    account: account ?? attestation?.recipient ?? zeroAddress,
    schema: schema ?? "skillCredential",
    uid,
    trustedBy,
    blockNumber,
  });
  return { ...verdict, attestation, blockNumber };
}
