import { zeroAddress, zeroHash, type Address, type Hex } from "viem";

import { easErrors } from "../abi/EAS.ts";
import * as EAS from "../abi/EAS.ts";
import type { AtlasContext } from "../client.ts";

import { emitted, simulateAndSend, type WriteResult } from "../write.ts";
import { encodeAttestationData, schemaUidOf, type AtlasAttestationData } from "./attestationData.ts";
import type { AtlasSchemaName } from "./schemas.ts";

/** The items of `EAS`'s ABI this action uses. */
const easItems = [EAS.Attested, EAS.attest] as const;

/** What every attestation can set besides its data. */
export interface AttestationOptions {
  /** Unix time after which the attestation no longer counts; default: never. */
  readonly expirationTime?: bigint;
  /** Whether the attester may revoke it later; default `true`. */
  readonly revocable?: boolean;
}

/** What every attest action returns. */
export interface AttestReturnType extends WriteResult {
  /** The attestation's UID, from EAS's `Attested` event. */
  readonly uid: Hex;
}

/**
 * Attests `data` of an Atlas OS schema on EAS from the wallet account (the attester) and returns
 * the new UID. Shared by the attest actions; not exported from the package.
 */
export async function attest<TSchema extends AtlasSchemaName>(
  context: AtlasContext,
  action: string,
  schema: TSchema,
  data: AtlasAttestationData<TSchema>,
  { recipient, refUID, expirationTime, revocable }: AttestationOptions & { recipient?: Address; refUID?: Hex },
): Promise<AttestReturnType> {
  const eas = context.addresses.eas;
  const result = await simulateAndSend(context, easErrors, action, {
    address: eas,
    abi: easItems,
    functionName: "attest",
    args: [
      {
        schema: schemaUidOf(schema),
        data: {
          recipient: recipient ?? zeroAddress,
          expirationTime: expirationTime ?? 0n,
          revocable: revocable ?? true,
          refUID: refUID ?? zeroHash,
          data: encodeAttestationData(schema, data),
          value: 0n,
        },
      },
    ],
  });
  return { ...result, uid: emitted(result, eas, easItems, "Attested").args.uid };
}
