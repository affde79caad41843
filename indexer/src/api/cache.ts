/**
 * What the API computes once per indexed block. Every answer is a function of the indexed state at
 * the last indexed block (the head) and, for a few routes, of chain reads at that block: whatever
 * the number of requests, each is computed once per head and shared until the indexer moves on.
 *
 * - `coalesced`: one read of the head at a time, shared by every request that arrived before it
 *   started (a request never gets a head read that started before it arrived, so an answer is
 *   never older than the request).
 * - `HeadCache`: values keyed by the head they were computed at, one generation of heads kept;
 *   concurrent requests for a value share one computation (a failed one is not kept).
 *
 * Pure (no Ponder, no database): the routes (index.ts, capital.ts) and the response cache
 * (responseCache.ts) wire it to the database and the chain.
 */

/** What a cached value depends on: the head as one read of the checkpoint row saw it. */
export interface HeadVersion {
  /**
   * The indexed head's identity: changes with every block the indexer indexes and with the new
   * branch after a reorganisation (even one that reaches the same block number and time), not
   * when it only finalizes an older block.
   */
  readonly key: string;
  /** Order of the reads (1, 2, …): a later read saw the same or a newer head. */
  readonly seq: number;
}

/** Ponder's checkpoint row of the chain, as read: its version (`xmin`) and its checkpoints. */
export interface CheckpointRow {
  readonly version: string;
  readonly latest: string;
  readonly finalized: string;
  readonly safe: string;
}

/**
 * Turns successive reads of the checkpoint row into head keys. The latest checkpoint (block time,
 * chain, number) names a block, but not which branch: after a reorganisation the new branch may
 * reach the same number at the same time. Every write makes a new row version, so a new version
 * whose checkpoints are all unchanged is a write this tracker cannot explain (Ponder writes the
 * row when it indexes a block of the new branch): it starts a new branch number. A new version
 * that only moved the finalized (and safe) checkpoint keeps the key: finalizing an older block
 * changes no answer.
 */
export class HeadTracker {
  private last: (CheckpointRow & { branch: number }) | undefined;
  private reads = 0;

  observe(row: CheckpointRow): HeadVersion {
    const last = this.last;
    let branch = last?.branch ?? 0;
    if (
      last !== undefined &&
      row.version !== last.version &&
      row.latest === last.latest &&
      row.finalized === last.finalized &&
      row.safe === last.safe
    ) {
      branch += 1;
    }
    this.last = { ...row, branch };
    return { key: `${branch}:${row.latest}`, seq: ++this.reads };
  }
}

/**
 * Wraps `read` so that at most one call runs at a time and every caller gets the result of a call
 * that started after it called: a caller arriving while a read runs waits for the next one, which
 * starts when the running one ends and serves every caller that arrived meanwhile.
 */
export function coalesced<T>(read: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | undefined;
  let queued: Promise<T> | undefined;
  const start = (): Promise<T> => {
    const current: Promise<T> = read().finally(() => {
      if (running === current) running = undefined;
    });
    running = current;
    return current;
  };
  const settled = () => undefined;
  return () => {
    if (running === undefined) return start();
    queued ??= running.then(settled, settled).then(() => {
      queued = undefined;
      return start();
    });
    return queued;
  };
}

/** Entries kept per head at most: past it the oldest go first (a flood of distinct URLs stays bounded). */
const DEFAULT_MAX_ENTRIES = 5_000;

/**
 * Values computed at a head, by name. Only the newest head seen (highest `seq`) is kept: a value
 * for an older head is computed but not stored, so a slow request never brings back an old head's
 * answers. A computation in progress is shared; one that fails is forgotten at once.
 */
export class HeadCache<V> {
  private generation: { key: string; seq: number; entries: Map<string, Promise<V>> } | undefined;

  constructor(private readonly maxEntries = DEFAULT_MAX_ENTRIES) {}

  /** The value of `name` at `head`: cached, being computed, or computed now by `load`. */
  get(head: HeadVersion, name: string, load: () => Promise<V>): Promise<V> {
    const entries = this.entriesFor(head);
    if (entries === undefined) return load();
    const cached = entries.get(name);
    if (cached !== undefined) return cached;
    const loading = load();
    entries.set(name, loading);
    if (entries.size > this.maxEntries) entries.delete(entries.keys().next().value!);
    loading.catch(() => {
      if (entries.get(name) === loading) entries.delete(name);
    });
    return loading;
  }

  /** Forgets `name` at `head` (a value that turned out not to be the head's). */
  delete(head: HeadVersion, name: string): void {
    if (this.generation?.key === head.key) this.generation.entries.delete(name);
  }

  /** The number of values kept (for tests). */
  get size(): number {
    return this.generation?.entries.size ?? 0;
  }

  private entriesFor(head: HeadVersion): Map<string, Promise<V>> | undefined {
    const generation = this.generation;
    if (generation !== undefined && generation.key === head.key) return generation.entries;
    if (generation !== undefined && head.seq < generation.seq) return undefined;
    this.generation = { key: head.key, seq: head.seq, entries: new Map() };
    return this.generation.entries;
  }
}
