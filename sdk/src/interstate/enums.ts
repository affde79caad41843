/**
 * The interstate contracts' enums by name, in the contracts' order (the index is the on-chain value).
 */

/** IArbitration.DisputeStatus. */
export const DISPUTE_STATUSES = ["none", "open", "appealed", "finalized"] as const;

/**
 * Where a dispute stands: `open` (round 1, ruled or not), `appealed` (round 2), `finalized` (its
 * final ruling was enforced on the escrow); `none`: no such dispute.
 */
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];
