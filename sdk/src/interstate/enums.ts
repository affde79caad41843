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

/** IArbitration.Drawer. */
export const ARBITER_DRAWERS = ["other", "claimant", "respondent"] as const;

/**
 * Who made a round's arbiter: a party (`claimant`, `respondent`), or anyone else (`other`: the
 * escrow, naming the arbiter of its terms at opening, or a keeper).
 */
export type ArbiterDrawer = (typeof ARBITER_DRAWERS)[number];
