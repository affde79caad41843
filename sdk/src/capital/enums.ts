/**
 * The capital contracts' enums by name, in the contracts' order (the index is the on-chain value),
 * generated from the contracts (sdk/src/abi/enums.ts).
 */

import { BOUNTY_STATUSES, MILESTONE_KINDS, MILESTONE_STATES, RELEASE_REASONS } from "../abi/enums.ts";

export { BOUNTY_STATUSES, MILESTONE_KINDS, MILESTONE_STATES, RELEASE_REASONS };

/**
 * Where a bounty stands: `open` (takes top-ups, submissions and awards until its deadline),
 * `expired` (past its deadline: funders reclaim what was not awarded), `cancelled` (by its
 * mission's manager before any award: funders reclaim their contributions); `none`: no such bounty.
 */
export type BountyStatus = (typeof BOUNTY_STATUSES)[number];

/** A lump milestone is paid at once when released; a streaming one vests linearly from its start to its end. */
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

/**
 * A milestone's place in its lifecycle. Lump: unfunded → funded → (submitted →) released, or
 * submitted → disputed → resolved, or funded → reclaimed after its deadline. Streaming:
 * unfunded → funded → released once fully claimed (or fully vested when ended early); ended early
 * by the contributor → reclaimed (the unvested rest went back to the funder); cancelled by the
 * funder → cancelled, then reclaimed by the funder once the contributor's review window passed,
 * or disputed by the contributor → resolved.
 */
export type MilestoneState = (typeof MILESTONE_STATES)[number];

/**
 * How a lump milestone was released: the funder `approved` it, the verifier `attested` it, or
 * the contributor released it (`optimistic`) after a silent review window.
 */
export type ReleaseReason = (typeof RELEASE_REASONS)[number];
