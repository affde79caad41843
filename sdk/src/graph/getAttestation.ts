import { zeroHash, type Address, type Hex } from "viem";

import { easErrors } from "../abi/EAS.ts";
import * as EAS from "../abi/EAS.ts";
import type { AtlasContext } from "../client.ts";
import { decodeAtlasError, type AtlasError } from "../errors.ts";
import { decodeAttestationData, type AtlasAttestationData } from "./attestationData.ts";
import { ATLAS_SCHEMA_NAMES, atlasSchemaUids, type AtlasSchemaName } from "./schemas.ts";

/** The items of `EAS`'s ABI this action uses. */
const easItems = [EAS.getAttestation] as const;

export interface GetAttestationParameters {
  readonly uid: Hex;
  /** Block to read at; default: the latest. */
  readonly blockNumber?: bigint;
}

/** An EAS attestation, its data decoded when it is of an Atlas OS schema. */
export type AtlasAttestation = {
  readonly uid: Hex;
  /** Its EAS schema UID. */
  readonly schema: Hex;
  readonly attester: Address;
  readonly recipient: Address;
  /** When it was made (Unix time). */
  readonly time: bigint;
  /** When it stops counting; `undefined` when never. */
  readonly expirationTime: bigint | undefined;
  /** When it was revoked; `undefined` while it is not. */
  readonly revocationTime: bigint | undefined;
  /** The attestation it refers to; `undefined` when none. */
  readonly refUID: Hex | undefined;
  readonly revocable: boolean;
  /** The raw ABI-encoded data. */
  readonly data: Hex;
} & (
  | {
      [TSchema in AtlasSchemaName]: {
        /** The Atlas OS schema it belongs to. */
        readonly schemaName: TSchema;
        /** Its data by field name; `undefined` when the data does not decode as the schema. */
        readonly decoded: AtlasAttestationData<TSchema> | undefined;
      };
    }[AtlasSchemaName]
  | { readonly schemaName: undefined; readonly decoded: undefined }
);

/** The attestation; `undefined` when EAS has none with that UID. */
export type GetAttestationReturnType = AtlasAttestation | undefined;

export type GetAttestationErrorType = AtlasError;

/**
 * Reads an EAS attestation and decodes its data when it is of an Atlas OS schema.
 * @throws {AtlasNetworkError} when the RPC cannot be reached.
 */
export async function getAttestation(
  context: AtlasContext,
  { uid, blockNumber }: GetAttestationParameters,
): Promise<GetAttestationReturnType> {
  let raw;
  try {
    raw = await context.publicClient.readContract({
      address: context.addresses.eas,
      abi: easItems,
      functionName: "getAttestation",
      args: [uid],
      ...(blockNumber === undefined ? {} : { blockNumber }),
    });
  } catch (error) {
    throw decodeAtlasError(error, easErrors);
  }
  if (raw.uid === zeroHash) return undefined;
  const uids = atlasSchemaUids();
  const schemaName = ATLAS_SCHEMA_NAMES.find((name) => uids[name] === raw.schema);
  let decoded;
  try {
    decoded = schemaName === undefined ? undefined : decodeAttestationData(schemaName, raw.data);
  } catch {
    decoded = undefined;
  }
  return {
    ...raw,
    expirationTime: raw.expirationTime === 0n ? undefined : raw.expirationTime,
    revocationTime: raw.revocationTime === 0n ? undefined : raw.revocationTime,
    refUID: raw.refUID === zeroHash ? undefined : raw.refUID,
    schemaName,
    decoded,
  } as AtlasAttestation;
}
