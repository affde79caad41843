/**
 * The `member` row of an account the registry knows nothing about: no roles, nothing pending.
 * Shared by the handlers (first event of an account) and the API (accounts with no row yet).
 */
import type { Hex } from "viem";

import type { member } from "./ponder.schema.ts";

export function emptyMember(sovereignId: bigint, account: Hex): typeof member.$inferSelect {
  return {
    sovereignId,
    account,
    roles: 0,
    invitedBy: null,
    applied: false,
    agentOperator: null,
    admittedBy: null,
    joinedBlock: null,
    joinedTimestamp: null,
    exit: null,
    exitBlock: null,
    exitTimestamp: null,
  };
}
