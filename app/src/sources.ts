/**
 * Where the page reads lists from: the indexer's REST API when it answers, otherwise the chain
 * through the SDK (slower: one `getProposal` per proposal). Right after a write the page reads
 * the chain, which already holds the write; an indexer may still be catching up.
 */
import { getAddress, type Address } from "viem";

import { PROPOSAL_STATES, type AtlasClient, type governance, type ProposalState } from "@atlas-os/sdk";

/** The page's SDK client: the governance layer only, so the bundle carries no other layer. */
export type GovernanceClient = AtlasClient<{ governance: typeof governance }>;

export interface ProposalRow {
  readonly id: bigint;
  readonly proposer: Address;
  readonly description: string;
  readonly state: ProposalState;
  readonly votes: { readonly for: bigint; readonly against: bigint; readonly abstain: bigint };
  /** Timepoint (a timestamp for AtlasToken's clock) after which voting opens. */
  readonly voteStart: bigint;
  /** Last timepoint at which votes count, late-quorum extension included. */
  readonly deadline: bigint;
  readonly eta: bigint | undefined;
}

export interface AccountRow {
  readonly address: Address;
  readonly votingPower: bigint;
  /** `undefined` while the account has never delegated (its tokens do not vote). */
  readonly delegate: Address | undefined;
}

export interface GovernanceSource {
  readonly kind: "indexer" | "chain";
  proposals(): Promise<ProposalRow[]>;
  account(address: Address): Promise<AccountRow>;
}

/** The chain, read through the SDK. */
export function chainSource(atlas: GovernanceClient): GovernanceSource & {
  /** A listed proposal re-read at the latest block: state, tallies and deadline. */
  refreshed(row: ProposalRow): Promise<ProposalRow>;
} {
  const governance = atlas.governance;
  return {
    kind: "chain",
    async proposals() {
      const created = await governance.getProposals();
      const read = await Promise.all(created.map((p) => governance.getProposal({ proposalId: p.proposalId })));
      // Newest first.
      return read
        .map((p, i) => ({
          id: p.proposalId,
          proposer: p.proposer,
          description: created[i].description,
          state: p.state,
          votes: p.votes,
          voteStart: created[i].voteStart,
          deadline: p.deadline,
          eta: p.eta,
        }))
        .reverse();
    },
    async refreshed(row) {
      const p = await governance.getProposal({ proposalId: row.id });
      return { ...row, state: p.state, votes: p.votes, deadline: p.deadline, eta: p.eta };
    },
    async account(address) {
      const [votingPower, delegate] = await Promise.all([
        governance.getVotes({ account: address }),
        governance.getDelegate({ account: address }),
      ]);
      return { address, votingPower, delegate };
    },
  };
}

/** The fields the page reads of indexer/src/api/json.ts `ProposalJson` (bigints as decimal strings). */
interface IndexedProposal {
  id: string;
  proposer: string;
  description: string;
  state: string;
  voteStart: string;
  deadline: string;
  tally: { against: string; for: string; abstain: string };
  eta: string | null;
}

/** The fields the page reads of indexer/src/api/json.ts `AccountJson`. */
interface IndexedAccount {
  address: string;
  votingPower: string;
  delegate: string | null;
}

/**
 * The indexer's REST API, if it answers `GET /proposals` within `timeoutMs`; `undefined` otherwise.
 */
export async function indexerSource(indexerUrl: string, timeoutMs = 3_000): Promise<GovernanceSource | undefined> {
  const get = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${indexerUrl}${path}`, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: "application/json" },
    });
    if (!response.ok) throw new Error(`${indexerUrl}${path} answered HTTP ${response.status}`);
    return (await response.json()) as T;
  };
  const toRow = (p: IndexedProposal): ProposalRow => ({
    id: BigInt(p.id),
    proposer: getAddress(p.proposer),
    description: p.description,
    state: stateOf(p.state),
    votes: { for: BigInt(p.tally.for), against: BigInt(p.tally.against), abstain: BigInt(p.tally.abstain) },
    voteStart: BigInt(p.voteStart),
    deadline: BigInt(p.deadline),
    eta: p.eta === null ? undefined : BigInt(p.eta),
  });
  // The indexer lists oldest first; the page shows the newest first.
  const proposals = async () =>
    (await get<{ proposals: IndexedProposal[] }>("/proposals")).proposals.map(toRow).reverse();
  try {
    await proposals();
  } catch {
    return undefined;
  }
  return {
    kind: "indexer",
    proposals,
    async account(address) {
      const a = await get<IndexedAccount>(`/accounts/${address}`);
      return {
        address: getAddress(a.address),
        votingPower: BigInt(a.votingPower),
        delegate: a.delegate === null ? undefined : getAddress(a.delegate),
      };
    },
  };
}

/** The indexer reports the SDK's state names (matched ignoring case); an unknown one is an error to surface. */
function stateOf(state: string): ProposalState {
  const found = PROPOSAL_STATES.find((s) => s.toLowerCase() === state.toLowerCase());
  if (found === undefined) throw new Error(`The indexer reported an unknown proposal state "${state}".`);
  return found;
}
