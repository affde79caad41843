/**
 * The last block the indexer has processed (what Ponder's /status reports): its number and time,
 * the "now" of answers computed from indexed state alone (credential expiry, reputation decay), the
 * block chain reads are made at, and the key of everything cached for it (cache.ts).
 */
import type { db as apiDb } from "ponder:api";
import { sql } from "ponder";

import { coalesced, HeadTracker, type CheckpointRow, type HeadVersion } from "./cache.ts";
import { ChainUnavailableError } from "./errors.ts";

export interface IndexedHead extends HeadVersion {
  readonly blockNumber: bigint;
  readonly timestamp: bigint;
}

/**
 * Ponder's checkpoint row of the indexed chain (the table its /status and GraphQL `_meta` read),
 * with its version (`xmin`: the transaction that wrote it). A checkpoint is a fixed-width decimal
 * string: block timestamp (10 digits), chain id (16), block number (16), then the position inside
 * the block.
 */
async function readCheckpointRow(db: typeof apiDb): Promise<CheckpointRow> {
  // Both drivers (node-postgres, PGlite) answer `{ rows }`; their union of result types is not callable-friendly.
  const result = (await db.execute(
    sql`SELECT xmin::text AS version, latest_checkpoint, finalized_checkpoint, safe_checkpoint
        FROM _ponder_checkpoint WHERE chain_name = 'chain'`,
  )) as unknown as { rows: Record<string, unknown>[] };
  const row = result.rows[0];
  const latest = row?.latest_checkpoint;
  if (typeof latest !== "string" || !/^\d{42}/.test(latest)) {
    throw new ChainUnavailableError("The indexer has not indexed a block of the chain yet.");
  }
  return {
    version: String(row!.version),
    latest,
    finalized: String(row!.finalized_checkpoint),
    safe: String(row!.safe_checkpoint),
  };
}

/**
 * A reader of the head: each call answers what a read that started after the call saw, and
 * concurrent callers share one read (at most one runs at a time), so a burst of requests costs one
 * query, not one each.
 */
export function headReader(db: typeof apiDb): () => Promise<IndexedHead> {
  const tracker = new HeadTracker();
  return coalesced(async () => {
    const row = await readCheckpointRow(db);
    return {
      ...tracker.observe(row),
      timestamp: BigInt(row.latest.slice(0, 10)),
      blockNumber: BigInt(row.latest.slice(26, 42)),
    };
  });
}
