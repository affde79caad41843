/**
 * What the end-to-end suites start, counted: every chain (a Hardhat node) and every indexer (a
 * `ponder start`) that a helper starts is appended to test-output/e2e-starts.jsonl, marked new
 * or restart, with the suite that asked for it and why.
 *
 * The counting rule: a chain is a node started on a new genesis (a node that replays a chain
 * that already ran is a restart of that chain); an indexer is an indexer database created (a
 * process started again on its own database is a restart of that indexer). A whole `npm test`
 * starts at most {@link E2E_BUDGET} of each: {@link recordStart} throws before a helper would
 * start one more, so the suite asking for it fails loudly.
 *
 * The test runner calls {@link reset} before the end-to-end half and prints
 * {@link formatStarts}({@link summarizeStarts}()) after it.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** The log, one JSON object a line; ATLAS_E2E_STARTS moves it. */
export const startsFile = (): string =>
  path.resolve(ROOT, process.env.ATLAS_E2E_STARTS ?? path.join("test-output", "e2e-starts.jsonl"));

/** At most this many chains and indexers in a whole run. */
export const E2E_BUDGET = { chain: 3, indexer: 3 } as const;

export type StartKind = keyof typeof E2E_BUDGET;

export interface E2eStart {
  readonly kind: StartKind;
  /** What is started, stable across its restarts: a chain's name, an indexer's database. */
  readonly id: string;
  /** "new": a new genesis or a new database; "restart": the same chain or database again. */
  readonly start: "new" | "restart";
  /** The suite that asked for it. */
  readonly suite: string;
  readonly reason: string;
  /**
   * The run it belongs to: ATLAS_E2E_RUN (a runner sets it once for all its processes), else the
   * id of the test process. The budget is checked per run.
   */
  readonly run: string;
  readonly at: string;
}

/** The run this process belongs to: a main job started by a test inherits its run. */
export function currentRun(): string {
  return process.env.ATLAS_E2E_RUN ?? `pid-${process.pid}`;
}

/** Every start recorded since the last {@link reset}. */
export function readStarts(): E2eStart[] {
  const file = startsFile();
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as E2eStart);
}

/**
 * Records a start. A new chain or indexer beyond the run's budget throws instead (nothing is
 * recorded): the helper must not start it.
 */
export function recordStart(entry: Omit<E2eStart, "run" | "at">): E2eStart {
  const run = currentRun();
  if (entry.start === "new") {
    const already = readStarts().filter((s) => s.run === run && s.kind === entry.kind && s.start === "new");
    if (already.length >= E2E_BUDGET[entry.kind]) {
      throw new Error(
        `end-to-end budget: ${entry.suite} would start a ${ordinal(already.length + 1)} ${entry.kind} ` +
          `(${entry.id}: ${entry.reason}), but a run starts at most ${E2E_BUDGET[entry.kind]}: ` +
          already.map((s) => `${s.id} (${s.suite})`).join(", "),
      );
    }
  }
  const recorded: E2eStart = { ...entry, run, at: new Date().toISOString() };
  const file = startsFile();
  mkdirSync(path.dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify(recorded)}\n`);
  return recorded;
}

export interface StartsSummary {
  /** Nodes started on a new genesis. */
  readonly chains: number;
  /** Node processes, restarts included. */
  readonly chainProcesses: number;
  /** Indexer databases created. */
  readonly indexers: number;
  /** Indexer processes, restarts included. */
  readonly indexerProcesses: number;
}

/** Counts the starts recorded since the last {@link reset} (all runs). */
export function summarizeStarts(starts: readonly E2eStart[] = readStarts()): StartsSummary {
  const count = (kind: StartKind, start?: "new") =>
    starts.filter((s) => s.kind === kind && (start === undefined || s.start === start)).length;
  return {
    chains: count("chain", "new"),
    chainProcesses: count("chain"),
    indexers: count("indexer", "new"),
    indexerProcesses: count("indexer"),
  };
}

/** "end-to-end: 3 chains (4 node processes), 3 indexers (6 processes)". */
export function formatStarts(summary: StartsSummary = summarizeStarts()): string {
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return (
    `end-to-end: ${count(summary.chains, "chain", "chains")} ` +
    `(${count(summary.chainProcesses, "node process", "node processes")}), ` +
    `${count(summary.indexers, "indexer", "indexers")} ` +
    `(${count(summary.indexerProcesses, "process", "processes")})`
  );
}

/** Forgets every recorded start (before a run). */
export function reset(): void {
  rmSync(startsFile(), { force: true });
}

function ordinal(n: number): string {
  return n === 1 ? "1st" : n === 2 ? "2nd" : n === 3 ? "3rd" : `${n}th`;
}
