import type { Address } from "viem";

import type { AtlasContext } from "../client.ts";
import type { AtlasError } from "../errors.ts";
import { attest, type AttestationOptions, type AttestReturnType } from "./attest.ts";
import type { SkillCredentialData } from "./attestationData.ts";

export interface AttestSkillCredentialParameters extends SkillCredentialData, AttestationOptions {
  /** Who holds the skill. */
  readonly recipient: Address;
}

export type AttestSkillCredentialReturnType = AttestReturnType;

export type AttestSkillCredentialErrorType = AtlasError;

/**
 * Issues a skill credential (EAS schema `skillCredential`: skill, level 1–5, evidence URI) from the
 * wallet account to `recipient`. Sovereigns honour it when they (or a sovereign they mutually
 * recognize) trust the wallet account as an issuer of that schema.
 * @throws {AtlasContractError} e.g. `InvalidSchema` (schema not registered on this EAS),
 * `InvalidExpirationTime`; {AtlasUserRejectedError}, {AtlasWrongChainError},
 * {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function attestSkillCredential(
  context: AtlasContext,
  { recipient, skill, level, evidenceURI, ...options }: AttestSkillCredentialParameters,
): Promise<AttestSkillCredentialReturnType> {
  return attest(
    context,
    "attestSkillCredential",
    "skillCredential",
    { skill, level, evidenceURI },
    {
      ...options,
      recipient,
    },
  );
}
