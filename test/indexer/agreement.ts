/**
 * The indexer's governance API against the chain: the API's shapes as documented, and a check
 * that every proposal, vote, delegation, voting-power change, transfer and account the indexer
 * serves is what the chain (through the SDK) says.
 */
import { expect } from "chai";
import { getAddress, type Address, type Hex } from "viem";

import { atlasGovernorAbi, atlasTokenAbi } from "../../sdk/src/abi/index.ts";
import { accountAddresses } from "../../scripts/scenario/context.ts";
import type { World } from "../e2e/world.ts";
import { getJson, graphqlQuery, sqlQuery } from "./harness.ts";

/**
 * The REST API's shapes as documented in indexer/README.md, written out again on purpose: the
 * test checks the API against its documentation, not against the API's own types (which also
 * need Ponder's virtual modules to type-check).
 */
export interface ApiProposal {
  readonly id: string;
  readonly proposer: Address;
  readonly targets: readonly Address[];
  readonly values: readonly string[];
  readonly calldatas: readonly Hex[];
  readonly signatures: readonly string[];
  readonly description: string;
  readonly state: string;
  readonly voteStart: string;
  readonly voteEnd: string;
  readonly deadline: string;
  readonly extended: boolean;
  readonly tally: { readonly against: string; readonly for: string; readonly abstain: string };
  readonly voteCount: number;
  readonly eta: string | null;
  readonly queuedBlock: string | null;
  readonly queuedTransaction: Hex | null;
  readonly executed: boolean;
  readonly executedBlock: string | null;
  readonly executedTransaction: Hex | null;
  readonly canceled: boolean;
  readonly canceledBlock: string | null;
  readonly canceledTransaction: Hex | null;
  readonly createdBlock: string;
  readonly createdTimestamp: string;
  readonly createdTransaction: Hex;
}

export interface ApiVote {
  readonly proposalId: string;
  readonly voter: Address;
  readonly support: "against" | "for" | "abstain";
  readonly weight: string;
  readonly reason: string;
  readonly params: Hex | null;
  readonly blockNumber: string;
  readonly timestamp: string;
  readonly transactionHash: Hex;
  readonly logIndex: number;
}

export interface ApiAccount {
  readonly address: Address;
  readonly votingPower: string;
  readonly delegate: Address | null;
  readonly balance: string;
  readonly votes: readonly ApiVote[];
  /** The Sovereign Graph's part, shaped in graph.behavior.ts. */
  readonly memberships: readonly unknown[];
  readonly reputation: readonly unknown[];
  readonly contributions: readonly unknown[];
}

const SUPPORT = ["against", "for", "abstain"] as const;

/** Every ballot the governor has logged, as the API should render it, in chain order. */
export async function chainVotes(chain: World): Promise<ApiVote[]> {
  const fromBlock = BigInt(chain.book.contracts.governor.blockNumber);
  const address = chain.book.contracts.governor.address;
  const [plain, withParams] = await Promise.all([
    chain.publicClient.getContractEvents({
      address,
      abi: atlasGovernorAbi,
      eventName: "VoteCast",
      fromBlock,
      strict: true,
    }),
    chain.publicClient.getContractEvents({
      address,
      abi: atlasGovernorAbi,
      eventName: "VoteCastWithParams",
      fromBlock,
      strict: true,
    }),
  ]);
  const logs = [
    ...plain.map((log) => ({ log, params: null as Hex | null })),
    ...withParams.map((log) => ({ log, params: log.args.params })),
  ].sort((a, b) => Number(a.log.blockNumber - b.log.blockNumber) || a.log.logIndex - b.log.logIndex);
  const timestamps = new Map<bigint, bigint>();
  for (const { log } of logs) {
    if (!timestamps.has(log.blockNumber))
      timestamps.set(log.blockNumber, (await chain.publicClient.getBlock({ blockNumber: log.blockNumber })).timestamp);
  }
  return logs.map(({ log, params }) => ({
    proposalId: log.args.proposalId.toString(),
    voter: getAddress(log.args.voter),
    support: SUPPORT[log.args.support],
    weight: log.args.weight.toString(),
    reason: log.args.reason,
    params,
    blockNumber: log.blockNumber.toString(),
    timestamp: timestamps.get(log.blockNumber)!.toString(),
    transactionHash: log.transactionHash,
    logIndex: log.logIndex,
  }));
}

/**
 * Checks every proposal, vote, delegation, voting-power change, transfer and account of the chain
 * against the indexer's REST, GraphQL and SQL answers. Throws (an assertion error) on the first
 * difference, so it can be polled with `eventually`.
 */
export async function expectIndexerAgreesWithChain(indexerUrl: string, chain: World): Promise<void> {
  const sdk = chain.reader.governance;
  const governor = chain.book.contracts.governor;
  const token = chain.book.contracts.token;
  const fromBlock = BigInt(Math.min(governor.blockNumber, token.blockNumber));

  // Proposals: GET /proposals lists what getProposals finds, with what getProposal reads.
  const onChain = await sdk.getProposals({ fromBlock: BigInt(governor.blockNumber) });
  const { status, body: list } = await getJson<{ blockNumber: string; proposals: ApiProposal[] }>(
    `${indexerUrl}/proposals`,
  );
  expect(status, "GET /proposals").to.equal(200);
  expect(
    list.proposals.map((p) => p.id),
    "proposal ids",
  ).to.deep.equal(onChain.map((p) => p.proposalId.toString()));

  const votes = await chainVotes(chain);
  for (const [i, createdProposal] of onChain.entries()) {
    const { proposalId } = createdProposal;
    const read = await sdk.getProposal({ proposalId });
    const listed = list.proposals[i];
    const label = `proposal ${createdProposal.description}`;
    expect(listed, label).to.deep.include({
      id: proposalId.toString(),
      proposer: createdProposal.proposer,
      targets: createdProposal.targets.map((t) => getAddress(t)),
      values: createdProposal.values.map(String),
      calldatas: createdProposal.calldatas,
      description: createdProposal.description,
      state: read.state,
      voteStart: createdProposal.voteStart.toString(),
      voteEnd: createdProposal.voteEnd.toString(),
      deadline: read.deadline.toString(),
      extended: read.deadline !== createdProposal.voteEnd,
      tally: { against: String(read.votes.against), for: String(read.votes.for), abstain: String(read.votes.abstain) },
      eta: read.eta === undefined ? null : read.eta.toString(),
      executed: read.state === "Executed",
      canceled: read.state === "Canceled",
      createdBlock: createdProposal.blockNumber.toString(),
      createdTransaction: createdProposal.transactionHash,
    });
    expect(read.snapshot.toString(), `${label}: snapshot`).to.equal(listed.voteStart);
    expect(read.proposer, `${label}: proposer`).to.equal(listed.proposer);

    const detail = await getJson<{ proposal: ApiProposal; votes: ApiVote[] }>(`${indexerUrl}/proposals/${proposalId}`);
    expect(detail.status, `GET /proposals/${proposalId}`).to.equal(200);
    expect(detail.body.proposal, `${label}: detail`).to.deep.equal(listed);
    const ballots = votes.filter((v) => v.proposalId === proposalId.toString());
    expect(detail.body.votes, `${label}: votes`).to.deep.equal(ballots);
    expect(listed.voteCount, `${label}: vote count`).to.equal(ballots.length);
    for (const ballot of ballots) {
      expect(await sdk.hasVoted({ proposalId, account: ballot.voter }), `${label}: ${ballot.voter} voted`).to.equal(
        true,
      );
    }
  }

  // Delegations (GraphQL) and DelegateChanged logs.
  const delegationLogs = await chain.publicClient.getContractEvents({
    address: token.address,
    abi: atlasTokenAbi,
    eventName: "DelegateChanged",
    fromBlock,
    strict: true,
  });
  const { delegations } = await graphqlQuery<{
    delegations: {
      totalCount: number;
      items: {
        delegator: string;
        fromDelegate: string;
        toDelegate: string;
        blockNumber: string;
        transactionHash: string;
        logIndex: number;
      }[];
    };
  }>(
    indexerUrl,
    `{ delegations(limit: 1000, orderBy: "blockNumber", orderDirection: "asc") {
         totalCount items { delegator fromDelegate toDelegate blockNumber transactionHash logIndex } } }`,
  );
  expect(delegations.totalCount, "delegations").to.equal(delegationLogs.length);
  const byPosition = <T extends { blockNumber: string; logIndex: number }>(rows: T[]) =>
    [...rows].sort((a, b) => Number(BigInt(a.blockNumber) - BigInt(b.blockNumber)) || a.logIndex - b.logIndex);
  expect(
    byPosition(delegations.items).map((d) => ({
      ...d,
      delegator: getAddress(d.delegator),
      fromDelegate: getAddress(d.fromDelegate),
      toDelegate: getAddress(d.toDelegate),
    })),
    "delegations",
  ).to.deep.equal(
    delegationLogs.map((log) => ({
      delegator: getAddress(log.args.delegator),
      fromDelegate: getAddress(log.args.fromDelegate),
      toDelegate: getAddress(log.args.toDelegate),
      blockNumber: log.blockNumber.toString(),
      transactionHash: log.transactionHash,
      logIndex: log.logIndex,
    })),
  );

  // Voting power history and transfers (SQL over HTTP) against their logs.
  await expectEventTableMatches(indexerUrl, chain, "voting_power", "DelegateVotesChanged", (args) => [
    args.delegate,
    args.previousVotes,
    args.newVotes,
  ]);
  await expectEventTableMatches(indexerUrl, chain, "transfer", "Transfer", (args) => [args.from, args.to, args.value]);

  // Accounts: every address the token has seen, plus the scenario's accounts (dev and local).
  const transfers = await chain.publicClient.getContractEvents({
    address: token.address,
    abi: atlasTokenAbi,
    eventName: "Transfer",
    fromBlock,
    strict: true,
  });
  const addresses = new Set<Address>(accountAddresses(chain.accounts));
  for (const log of transfers) for (const a of [log.args.from, log.args.to]) addresses.add(getAddress(a));
  for (const log of delegationLogs) addresses.add(getAddress(log.args.delegator));
  addresses.delete(getAddress("0x0000000000000000000000000000000000000000"));
  for (const address of addresses) {
    const { status: accountStatus, body } = await getJson<ApiAccount>(
      `${indexerUrl}/accounts/${address.toLowerCase()}`,
    );
    expect(accountStatus, `GET /accounts/${address}`).to.equal(200);
    const balance = await chain.publicClient.readContract({
      address: token.address,
      abi: atlasTokenAbi,
      functionName: "balanceOf",
      args: [address],
    });
    // The governance part of the account (graph.behavior.ts checks memberships, reputation, contributions).
    const { address: a, votingPower, delegate, balance: b, votes: v } = body;
    expect({ address: a, votingPower, delegate, balance: b, votes: v }, `account ${address}`).to.deep.equal({
      address,
      votingPower: (await sdk.getVotes({ account: address })).toString(),
      delegate: (await sdk.getDelegate({ account: address })) ?? null,
      balance: balance.toString(),
      votes: votes.filter((v) => v.voter === address),
    });
  }
}

/** Compares an event table (read through /sql) with the token's logs of `eventName`, row for row. */
async function expectEventTableMatches(
  indexerUrl: string,
  chain: World,
  table: "voting_power" | "transfer",
  eventName: "DelegateVotesChanged" | "Transfer",
  fields: (args: Record<string, unknown>) => unknown[],
): Promise<void> {
  const token = chain.book.contracts.token;
  const logs = await chain.publicClient.getContractEvents({
    address: token.address,
    abi: atlasTokenAbi,
    eventName,
    fromBlock: BigInt(token.blockNumber),
    strict: true,
  });
  const columns = table === "transfer" ? `"from", "to", value` : "account, previous_votes, new_votes";
  const rows = await sqlQuery<unknown[] | Record<string, unknown>>(
    indexerUrl,
    `SELECT ${columns}, block_number, transaction_hash, log_index FROM ${table} ORDER BY block_number, log_index`,
  );
  const normalize = (values: readonly unknown[]) =>
    values.map((v) => (typeof v === "string" ? v.toLowerCase() : String(v)));
  expect(
    rows.map((row) => normalize(Array.isArray(row) ? row : Object.values(row))),
    `${table} rows`,
  ).to.deep.equal(
    logs.map((log) =>
      normalize([...fields(log.args as Record<string, unknown>), log.blockNumber, log.transactionHash, log.logIndex]),
    ),
  );
}
