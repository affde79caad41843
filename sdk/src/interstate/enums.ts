/**
 * The interstate contracts' enums by name, in the contracts' order (the index is the on-chain
 * value), generated from the contracts (sdk/src/abi/enums.ts).
 */
import { ARBITER_DRAWERS, DISPUTE_STATUSES } from "../abi/enums.ts";

export { ARBITER_DRAWERS, DISPUTE_STATUSES };

/**
 * Where a dispute stands: `open` (round 1, ruled or not), `appealed` (round 2), `finalized` (its
 * final ruling was enforced on the escrow); `none`: no such dispute.
 */
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

/**
 * Who made a round's arbiter: a party (`claimant`, `respondent`), or anyone else (`other`: the
 * escrow, naming the arbiter of its terms at opening, or a keeper).
 */
export type ArbiterDrawer = (typeof ARBITER_DRAWERS)[number];
