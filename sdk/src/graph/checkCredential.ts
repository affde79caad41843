import type { Address, Hex } from "viem";

import { sovereignRegistryErrors } from "../abi/SovereignRegistry.ts";
import * as SovereignRegistry from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { decodeAtlasError, type AtlasError } from "../errors.ts";
import { schemaUidOf, type SchemaReference } from "./attestationData.ts";
import { CREDENTIAL_STATUSES, type CredentialStatus } from "./enums.ts";

/** The items of `SovereignRegistry`'s ABI this action uses. */
const sovereignRegistryItems = [SovereignRegistry.checkCredential] as const;

export interface CheckCredentialParameters {
  /** The sovereign asking. */
  readonly sovereignId: bigint;
  /** The holder. */
  readonly account: Address;
  /** The credential's EAS schema: an Atlas OS schema by name or a UID. */
  readonly schema: SchemaReference;
  /** The attestation's UID. */
  readonly uid: Hex;
  /**
   * The sovereign whose trust list names the issuer: `sovereignId` itself (the default) or a
   * sovereign mutually recognizing it.
   */
  readonly trustedBy?: bigint;
  /** Block to read at; default: the latest. */
  readonly blockNumber?: bigint;
}

export interface CheckCredentialReturnType {
  /** Whether `sovereignId` honours the credential. */
  readonly valid: boolean;
  /** `valid`, or the first reason it is not. */
  readonly status: CredentialStatus;
}

export type CheckCredentialErrorType = AtlasError;

/**
 * Whether a sovereign honours an account's credential: the attestation exists with that schema and
 * recipient, is neither revoked nor expired, and its issuer is trusted by `trustedBy` (the
 * sovereign itself, or one mutually recognizing it); both sovereigns must be active.
 * @throws {AtlasNetworkError} when the RPC cannot be reached.
 */
export async function checkCredential(
  context: AtlasContext,
  { sovereignId, account, schema, uid, trustedBy, blockNumber }: CheckCredentialParameters,
): Promise<CheckCredentialReturnType> {
  try {
    const status = await context.publicClient.readContract({
      address: context.addresses.registry,
      abi: sovereignRegistryItems,
      functionName: "checkCredential",
      args: [sovereignId, account, schemaUidOf(schema), uid, trustedBy ?? sovereignId],
      ...(blockNumber === undefined ? {} : { blockNumber }),
    });
    const name = CREDENTIAL_STATUSES[status] ?? "unknownAttestation";
    return { valid: name === "valid", status: name };
  } catch (error) {
    throw decodeAtlasError(error, sovereignRegistryErrors);
  }
}
