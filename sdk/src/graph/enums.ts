/**
 * ISovereignRegistry's enums by name, in the contract's order (the index is the on-chain value).
 */

/** ISovereignRegistry.Role. */
export const ROLES = ["member", "contributor", "issuer", "verifier", "arbiter", "operator", "agent"] as const;

/** A role inside a sovereign. */
export type Role = (typeof ROLES)[number];

/** The roles `grantRole` grants: not `member` (joining) nor `agent` (`registerAgent`). */
export type GrantableRole = Exclude<Role, "member" | "agent">;

/** ISovereignRegistry.MissionStatus. */
export const MISSION_STATUSES = ["none", "draft", "open", "inProgress", "completed", "cancelled"] as const;

/** A mission's place in its lifecycle: draft → open → inProgress → completed, or cancelled. */
export type MissionStatus = (typeof MISSION_STATUSES)[number];

/** ISovereignRegistry.CredentialStatus. */
export const CREDENTIAL_STATUSES = [
  "valid",
  "unknownAttestation",
  "wrongSchema",
  "wrongRecipient",
  "revoked",
  "expired",
  "sovereignInactive",
  "notRecognized",
  "untrustedIssuer",
] as const;

/** Why a credential check passed (`valid`) or the first reason it failed. */
export type CredentialStatus = (typeof CREDENTIAL_STATUSES)[number];

/** The roles of a `rolesOf` bitmap (bit `i` is `ROLES[i]`). */
export function rolesOf(bitmap: number): Role[] {
  return ROLES.filter((_, i) => (bitmap >> i) & 1);
}
