/**
 * The last block the indexer has processed (what Ponder's /status reports): its number and time,
 * the "now" of answers computed from indexed state alone (credential expiry, reputation decay).
 */
import type { db as apiDb } from "ponder:api";
import { sql } from "ponder";

import { ChainUnavailableError } from "./errors.ts";

export interface IndexedHead {
  readonly blockNumber: bigint;
  readonly timestamp: bigint;
}

/**
 * Reads Ponder's checkpoint of the indexed chain (the table its /status and GraphQL `_meta` read).
 * A checkpoint is a fixed-width decimal string: block timestamp (10 digits), chain id (16), block
 * number (16), then the position inside the block.
 */
export async function readIndexedHead(db: typeof apiDb): Promise<IndexedHead> {
  // Both drivers (node-postgres, PGlite) answer `{ rows }`; their union of result types is not callable-friendly.
  const result = (await db.execute(
    sql`SELECT latest_checkpoint FROM _ponder_checkpoint WHERE chain_name = 'chain'`,
  )) as unknown as { rows: { latest_checkpoint?: unknown }[] };
  const checkpoint = result.rows[0]?.latest_checkpoint;
  if (typeof checkpoint !== "string" || !/^\d{42}/.test(checkpoint)) {
    throw new ChainUnavailableError("The indexer has not indexed a block of the chain yet.");
  }
  return { timestamp: BigInt(checkpoint.slice(0, 10)), blockNumber: BigInt(checkpoint.slice(26, 42)) };
}
