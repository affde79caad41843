/**
 * The indexed chain's RPC options for Ponder 0.16.10 (`chains.<name>` in ponder.config.ts): which
 * endpoints, how often to poll, and how many blocks one `eth_getLogs` may span. Measured with
 * `npm run bench:indexer` (indexer/README.md "Benchmarks"). Pure: read by ponder.config.ts (through
 * settings.ts) and printed by the benchmark.
 *
 * Ponder 0.16 has no request-rate option that works: `maxRequestsPerSecond` is deprecated and
 * ignored ("handled automatically"; node_modules/ponder/src/rpc/index.ts). Its limiter gives each
 * endpoint a budget that starts at 20 requests/s and grows 5% after 5 × budget successful requests
 * over ≥ 10 saturated seconds (to 500 at most), and shrinks 5% on each 429. A remote provider is best served by that. A local node answers thousands
 * of requests a second, and a cold sync needs one `eth_getBlockByNumber` per block with events:
 * for a local chain the node's URL is listed `LOCAL_RPC.endpoints` times, which gives the limiter
 * that many budgets from the start.
 */

export interface RpcOptions {
  /** Ponder's `rpc`: one URL, or several (Ponder balances requests among them). */
  readonly rpc: string | string[];
  readonly pollingInterval: number;
  /** Undefined: Ponder finds the range from the provider's error messages. */
  readonly ethGetLogsBlockRange: number | undefined;
}

/** A local node (Hardhat, Anvil): no rate limit, no range limit, blocks on demand. */
export const LOCAL_RPC = {
  /** Budgets of 20 requests/s each at start: 500 requests/s, Ponder's ceiling for one endpoint. */
  endpoints: 25,
  /**
   * The node answers any range. Without a value Ponder starts at 500 blocks and learns a range only
   * from a provider's "range too large" error, which a local node never sends; 2,000 blocks puts
   * the benchmark's whole load (~340 blocks of 300 transactions) in one request per contract.
   * Measured no slower than 50 blocks (cold sync on PostgreSQL, 55,000 events: 3,165 against
   * 2,843 events/s, on a loaded machine).
   */
  ethGetLogsBlockRange: 2_000,
  /** Blocks come on demand: follow them within a fraction of a second. */
  pollingInterval: 100,
} as const;

/**
 * A public chain through a provider. Providers cap requests per key and the `eth_getLogs` range per
 * plan (from 10 blocks to unlimited), and say so in their errors: Ponder's adaptive limiter (backs
 * off on 429) and its range learnt from those errors fit every plan, where a fixed value would be
 * too high for one and too low for another (ATLAS_RPC_GETLOGS_RANGE sets one when a plan is known).
 * One poll a second: under an L2's 2-second blocks, and Ponder's default.
 */
export const REMOTE_RPC = { pollingInterval: 1_000 } as const;

export function rpcOptions({
  urls,
  local,
  ethGetLogsBlockRange,
  localEndpoints = LOCAL_RPC.endpoints,
}: {
  /** The endpoints (ATLAS_RPC_URL, comma-separated). */
  readonly urls: readonly string[];
  readonly local: boolean;
  /** ATLAS_RPC_GETLOGS_RANGE: overrides the block range on any chain. */
  readonly ethGetLogsBlockRange?: number;
  /** ATLAS_RPC_LOCAL_ENDPOINTS: overrides `LOCAL_RPC.endpoints`. */
  readonly localEndpoints?: number;
}): RpcOptions {
  if (urls.length === 0) throw new Error("No RPC URL for the indexed chain.");
  if (local) {
    const copies = Math.max(1, Math.ceil(localEndpoints / urls.length));
    return {
      rpc: urls.flatMap((url) => Array.from({ length: copies }, () => url)),
      pollingInterval: LOCAL_RPC.pollingInterval,
      ethGetLogsBlockRange: ethGetLogsBlockRange ?? LOCAL_RPC.ethGetLogsBlockRange,
    };
  }
  return {
    rpc: urls.length === 1 ? urls[0]! : [...urls],
    pollingInterval: REMOTE_RPC.pollingInterval,
    ethGetLogsBlockRange,
  };
}
