/**
 * ISovereignRegistry's enums by name, in the contract's order (the index is the on-chain value),
 * generated from the contract (sdk/src/abi/enums.ts).
 */
import { CREDENTIAL_STATUSES, MISSION_STATUSES, ROLES } from "../abi/enums.ts";

export { CREDENTIAL_STATUSES, MISSION_STATUSES, ROLES };

/** A role inside a sovereign. */
export type Role = (typeof ROLES)[number];

/** The roles `grantRole` grants: not `member` (joining) nor `agent` (`registerAgent`). */
export type GrantableRole = Exclude<Role, "member" | "agent">;

/** A mission's place in its lifecycle: draft → open → inProgress → completed, or cancelled. */
export type MissionStatus = (typeof MISSION_STATUSES)[number];

/** Why a credential check passed (`valid`) or the first reason it failed. */
export type CredentialStatus = (typeof CREDENTIAL_STATUSES)[number];

/** The roles of a `rolesOf` bitmap (bit `i` is `ROLES[i]`). */
export function rolesOf(bitmap: number): Role[] {
  return ROLES.filter((_, i) => (bitmap >> i) & 1);
}
