/**
 * The ids the scenario's steps produce, by name: the main job's (its summary) and the test-only
 * steps' (what the end-to-end tests look for in the recorded world). JSON with bigints.
 */
import type { Address, Hex } from "viem";

import type { ProposeParameters, SplitConfig } from "../../sdk/src/index.ts";

/** Per indexer suite that writes to the world after the backfill: each has its own objects. */
export interface PerIndexer<T> {
  readonly pglite: T;
  readonly postgres: T;
}

export interface ScenarioIds {
  /* MAIN JOB: the Sovereign Graph (coordination loop steps 1, 2 and 6) */
  readonly north: bigint;
  readonly south: bigint;
  /** North's mission, "Map the river delta". */
  readonly mission: bigint;
  /** South's issuer's credential of the citizen, honoured by north through the recognition. */
  readonly foreignCredential: Hex;
  /** North's own issuer's credential of the citizen. */
  readonly ownCredential: Hex;
  readonly executionUID: Hex;
  readonly verificationUID: Hex;
  readonly outcomeId: bigint;
  readonly agentReputation: bigint;

  /* MAIN JOB: capital (steps 3, 5, 6 and 7) */
  /** nUSD. */
  readonly stablecoin: Address;
  /** When the escrow's stream starts. */
  readonly streamStart: bigint;
  readonly escrow: bigint;
  readonly bounty: bigint;
  readonly milestoneAttestation: Hex;
  readonly dispute: bigint;
  readonly appealDeadline: bigint;
  readonly citizenReputation: bigint;
  readonly splitConfig: SplitConfig;
  readonly splitSalt: Hex;
  readonly split: Address;

  /* MAIN JOB: governance (step 10) */
  /** The treasury transfer, queued and executed. */
  readonly grant: ProposeParameters;
  readonly executedProposal: bigint;
  readonly granteeBalance: bigint;
  /** Left Active for the governance page. */
  readonly openProposal: bigint;

  /* TEST ONLY: the Sovereign Graph's edge cases */
  readonly atlantis: bigint;
  readonly lemuria: bigint;
  readonly avalon: bigint;
  readonly thule: bigint;
  /** Atlantis' organization (dave its admin). */
  readonly guild: bigint;
  /** Lemuria's organization. */
  readonly council: bigint;
  /** In the guild: open, then in progress, its metadata updated. */
  readonly survey: bigint;
  /** Cancelled. */
  readonly bridge: bigint;
  /** A draft in lemuria. */
  readonly harbour: bigint;
  readonly credentials: {
    /** carol → dave, "solidity" 4, no expiry. */
    readonly solidity: Hex;
    /** eve → atlantis' agent, expired by the end of the scenario. */
    readonly expiring: Hex;
    /** carol → dave, data that does not decode as the skill schema. */
    readonly garbled: Hex;
  };
  /** carol → eve: each indexer suite revokes its own after the backfill ("rust" 3, "go" 2). */
  readonly revocable: PerIndexer<Hex>;
  /** carol → dave under a schema that is not an Atlas schema: not indexed. */
  readonly foreignAttestation: Hex;
  readonly executions: {
    /** By atlantis' agent, verified by eve (40 points), recorded. */
    readonly byAgent: Hex;
    /** By dave, verified by eve (25 points), recorded a day later. */
    readonly byDave: Hex;
    /** By dave, never verified. */
    readonly unverified: Hex;
  };

  /* TEST ONLY: governance's edge cases */
  /** Pays eve 10,000 ATLAS and 1 ETH from the treasury: executed. */
  readonly paidAudit: bigint;
  /** Canceled by its proposer while pending. */
  readonly withdrawn: bigint;
  /** Voted late, so its deadline was extended; succeeded, never queued. */
  readonly lastMinute: bigint;
  /** Active at the end, without votes: each indexer suite votes on its own after the backfill. */
  readonly liveVote: PerIndexer<bigint>;
  /** Created last: still pending. */
  readonly pending: bigint;

  /* TEST ONLY: capital's edge cases, in sovereigns of their own */
  /** Alice's sovereign: funds the missions. */
  readonly hyperborea: bigint;
  /** Bob's. */
  readonly thalassa: bigint;
  /** The guardian's, recognized by both others: its arbiter (eve) can be drawn for their disputes. */
  readonly lyonesse: bigint;
  /** When the capital edge cases start: their deadlines and streams count from it. */
  readonly capitalStart: bigint;
  /** Hyperborea's mission holding all the edge cases' funding. */
  readonly fundedMission: bigint;
  /** Hyperborea's mission with none. */
  readonly unfundedMission: bigint;
  readonly bounties: {
    /** ETH, awarded, topped up by carol after the award, expired, reclaimed by its first two funders. */
    readonly topped: bigint;
    /** ATLAS, credential-gated, open. */
    readonly gated: bigint;
    /** ETH, cancelled after a submission. */
    readonly cancelled: bigint;
    /** ETH, awarded while its sovereign was suspended (not recorded); open on the board's clock. */
    readonly unrecorded: bigint;
  };
  readonly escrows: {
    /** ATLAS, a 2.5% protocol fee. */
    readonly atlas: bigint;
    /** ETH, funded after its creation, no fee. */
    readonly eth: bigint;
    /** ETH from an outsider, its streams ended early. */
    readonly outsider: bigint;
  };
  readonly disputes: {
    /** Escrow `atlas`'s lump, appealed to an arbiter drawn from lyonesse. */
    readonly appealed: bigint;
    /** Escrow `eth`'s lump, final at once. */
    readonly final: bigint;
    /** A cancelled stream's rest, cross-appealed, ruled by fallback arbiters. */
    readonly crossAppealed: bigint;
    /** Escrow `outsider`'s lump, ruled, never finalized. */
    readonly unfinalized: bigint;
  };
  readonly escrowProtocolFeeBps: bigint;
  /** The contract that refuses ETH (a split recipient). */
  readonly refuser: Address;
  /** Distributed in ETH and ATLAS, then reconfigured (its current configuration). */
  readonly revenueSplit: { readonly address: Address; readonly config: SplitConfig };
  readonly quietSplit: { readonly address: Address; readonly config: SplitConfig };

  /* TEST ONLY: busy blocks */
  readonly busy: { readonly firstBlock: bigint; readonly lastBlock: bigint; readonly transfers: number };
}

/** The ids produced so far: steps fill it in as they run. */
export type ProducedIds = { -readonly [K in keyof ScenarioIds]?: ScenarioIds[K] };

/** JSON of ids (or of anything holding them): bigints as "<digits>n". */
export function idsToJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? `${v}n` : v), 2);
}

/** The inverse of {@link idsToJson}. */
export function idsFromJson<T = ProducedIds>(json: string): T {
  return JSON.parse(json, (_key, value: unknown) =>
    typeof value === "string" && /^-?\d+n$/.test(value) ? BigInt(value.slice(0, -1)) : value,
  ) as T;
}
