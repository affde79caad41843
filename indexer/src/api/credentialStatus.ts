/**
 * Whether a sovereign honours a credential, from indexed state: the registry's `checkCredential`
 * step by step (SovereignRegistry._checkCredential), in the same order, so the first failing
 * reason is the one the contract reports.
 */
import { CREDENTIAL_STATUSES, type CredentialStatus } from "@atlas-os/sdk";
import type { Address, Hex } from "viem";

export { CREDENTIAL_STATUSES, type CredentialStatus };

export interface CredentialCheck {
  /** The attestation as indexed, undefined if none. */
  readonly credential:
    | {
        readonly schema: Hex;
        readonly recipient: Address;
        readonly attester: Address;
        readonly revoked: boolean;
        readonly expirationTime: bigint;
      }
    | undefined;
  /** The schema asked for. */
  readonly schema: Hex;
  /** The holder asked for. */
  readonly account: Address;
  /** The time of the block the answer is for. */
  readonly now: bigint;
  /** The sovereign asking. */
  readonly sovereignId: bigint;
  /** The sovereign whose trust list counts (`sovereignId` for its own). */
  readonly trustedById: bigint;
  /** Whether the trusting sovereign exists and is not suspended (`isActive`); read only when it
   * is not the asking sovereign, as the contract does. */
  readonly trustedByActive: boolean;
  /** Whether the two recognize each other (both directions). */
  readonly mutuallyRecognized: boolean;
  /** Whether `trustedBy` trusts the credential's attester for `schema`. */
  readonly issuerTrusted: boolean;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function credentialStatus(check: CredentialCheck): CredentialStatus {
  const { credential } = check;
  if (credential === undefined) return "unknownAttestation";
  if (!same(credential.schema, check.schema)) return "wrongSchema";
  if (!same(credential.recipient, check.account)) return "wrongRecipient";
  if (credential.revoked) return "revoked";
  if (credential.expirationTime !== 0n && credential.expirationTime <= check.now) return "expired";
  if (check.trustedById !== check.sovereignId) {
    if (!check.trustedByActive) return "sovereignInactive";
    if (!check.mutuallyRecognized) return "notRecognized";
  }
  if (!check.issuerTrusted) return "untrustedIssuer";
  return "valid";
}
