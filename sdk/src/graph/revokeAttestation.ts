import type { Hex } from "viem";

import { easErrors } from "../abi/EAS.ts";
import * as EAS from "../abi/EAS.ts";
import type { AtlasContext } from "../client.ts";
import { AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";
import { schemaUidOf, type SchemaReference } from "./attestationData.ts";
import { getAttestation } from "./getAttestation.ts";

/** The items of `EAS`'s ABI this action uses. */
const easItems = [EAS.revoke] as const;

export interface RevokeAttestationParameters {
  /** The attestation to revoke. */
  readonly uid: Hex;
  /** Its schema; default: read from EAS. */
  readonly schema?: SchemaReference;
}

export type RevokeAttestationReturnType = WriteResult;

export type RevokeAttestationErrorType = AtlasError;

/**
 * Revokes an attestation the wallet account made (a credential it issued, a record, a verdict):
 * from then on it fails credential checks and the ledger ignores it.
 * @throws {AtlasContractError} e.g. `AccessDenied` (not the attester), `AlreadyRevoked`,
 * `Irrevocable`, `NotFound`; {AtlasError} when EAS has no attestation with that UID;
 * {AtlasUserRejectedError}, {AtlasWrongChainError}, {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function revokeAttestation(
  context: AtlasContext,
  { uid, schema }: RevokeAttestationParameters,
): Promise<RevokeAttestationReturnType> {
  let schemaUid = schema === undefined ? undefined : schemaUidOf(schema);
  if (schemaUid === undefined) {
    const attestation = await getAttestation(context, { uid });
    if (attestation === undefined) throw new AtlasError(`EAS has no attestation ${uid}.`);
    schemaUid = attestation.schema;
  }
  return simulateAndSend(context, easErrors, "revokeAttestation", {
    address: context.addresses.eas,
    abi: easItems,
    functionName: "revoke",
    args: [{ schema: schemaUid, data: { uid, value: 0n } }],
  });
}
