/**
 * The governance scenario the indexer tests index, driven through the SDK, and the checks that
 * the indexer's API says what the chain says.
 */
import { expect } from "chai";
import { type CreatedProposal, type ProposeParameters } from "@atlas-os/sdk";
import { atlasGovernorAbi, atlasTokenAbi } from "@atlas-os/sdk/abi";
import { encodeFunctionData, getAddress, parseEther, type Address, type Hex } from "viem";

import { ATLAS, type DeployedChain } from "./chain.ts";
import { getJson, graphqlQuery, sqlQuery } from "./harness.ts";

/** What the scenario leaves behind, by name. */
export interface ScenarioResult {
  /** Executed: pays eve 10,000 ATLAS and 1 ETH from the treasury. */
  readonly executed: CreatedProposal;
  /** Canceled by its proposer while pending. */
  readonly canceled: CreatedProposal;
  /** Voted late, so its deadline was extended; succeeded, never queued. */
  readonly extended: CreatedProposal;
  /** Created last: still pending. */
  readonly pending: CreatedProposal;
}

function treasuryTransfer(chain: DeployedChain, description: string, atlas = 10_000n, eth = "1"): ProposeParameters {
  const { eve } = chain.accounts;
  return {
    targets: [chain.book.contracts.token.address, eve],
    values: [0n, parseEther(eth)],
    calldatas: [encodeFunctionData({ abi: atlasTokenAbi, functionName: "transfer", args: [eve, atlas * ATLAS] }), "0x"],
    description,
  };
}

async function created(chain: DeployedChain, proposalId: bigint): Promise<CreatedProposal> {
  const all = await chain.reader.governance.getProposals({
    fromBlock: BigInt(chain.book.contracts.governor.blockNumber),
  });
  const found = all.find((p) => p.proposalId === proposalId);
  if (found === undefined) throw new Error(`proposal ${proposalId} not found on chain`);
  return found;
}

/**
 * Delegations (by transaction and by signature, to oneself and to another), four proposals, votes
 * by transaction (with and without a reason) and by signature, a late-quorum extension, a cancel,
 * and a treasury transfer queued and executed.
 */
export async function runGovernanceScenario(chain: DeployedChain): Promise<ScenarioResult> {
  const { deployer, alice, bob, carol, dave, eve } = chain.accounts;
  const { voter, publicClient } = chain;
  const gov = (account: Address | typeof voter) => chain.as(account).governance;
  const wait = async (hash: Hex) => {
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    expect(receipt.status, `transaction ${hash}`).to.equal("success");
  };

  // Setup: the local voter gets ETH for nothing but the record and 30,000 ATLAS; the treasury gets 10 ETH.
  const daveWallet = chain.as(dave).walletClient!;
  await wait(
    await daveWallet.sendTransaction({ account: dave, chain: null, to: voter.address, value: parseEther("1") }),
  );
  await wait(
    await daveWallet.writeContract({
      account: dave,
      chain: null,
      address: chain.book.contracts.token.address,
      abi: atlasTokenAbi,
      functionName: "transfer",
      args: [voter.address, 30_000n * ATLAS],
    }),
  );
  const deployerWallet = chain.as(deployer).walletClient!;
  await wait(
    await deployerWallet.sendTransaction({
      account: deployer,
      chain: null,
      to: chain.book.contracts.timelock.address,
      value: parseEther("10"),
    }),
  );

  // Delegations: to oneself by transaction, by signature relayed by carol, and carol to alice.
  await gov(alice).delegate({ delegatee: alice });
  await gov(bob).delegate({ delegatee: bob });
  await gov(dave).delegate({ delegatee: dave });
  const now = (await publicClient.getBlock()).timestamp;
  const delegation = await gov(voter).signDelegation({ delegatee: voter.address, expiry: now + 3_600n });
  await gov(carol).delegateBySig(delegation);
  await gov(carol).delegate({ delegatee: alice });
  await chain.testClient.mine({ blocks: 1 }); // propose counts votes at the previous timepoint

  // Proposals.
  const executedId = (await gov(alice).propose(treasuryTransfer(chain, "Pay eve for the audit"))).proposalId;
  const canceledParameters = treasuryTransfer(chain, "Withdrawn by alice", 5_000n, "0");
  const canceledId = (await gov(alice).propose(canceledParameters)).proposalId;
  await gov(alice).cancel(canceledParameters);
  const extendedId = (await gov(alice).propose(treasuryTransfer(chain, "Voted at the last minute", 1_000n, "0")))
    .proposalId;

  // Votes on the first: for without a reason, against with one, for by signature, abstain.
  const first = await chain.reader.governance.getProposal({ proposalId: executedId });
  await chain.increaseTo(first.snapshot + 1n);
  await gov(alice).castVote({ proposalId: executedId, support: "for" });
  await gov(bob).castVote({ proposalId: executedId, support: "against", reason: "too generous" });
  const ballot = await gov(voter).signBallot({ proposalId: executedId, support: "for" });
  await gov(dave).castVoteBySig(ballot);
  await gov(dave).castVote({ proposalId: executedId, support: "abstain", reason: "conflict of interest" });

  // The third reaches quorum an hour before its deadline: late quorum extends it by a day.
  const third = await chain.reader.governance.getProposal({ proposalId: extendedId });
  await chain.increaseTo(third.deadline - 3_600n);
  await gov(dave).castVote({ proposalId: extendedId, support: "for", reason: "small and useful" });
  await gov(bob).castVote({ proposalId: extendedId, support: "abstain" });
  const extendedDeadline = (await chain.reader.governance.getProposal({ proposalId: extendedId })).deadline;
  expect(extendedDeadline > third.deadline, "late quorum extended the deadline").to.equal(true);

  // Queue and execute the first.
  await chain.increaseTo(first.deadline + 1n);
  const executed = await created(chain, executedId);
  const { eta } = await gov(eve).queue(executed);
  await chain.increaseTo(eta);
  await gov(dave).execute(executed);
  expect(await chain.reader.governance.getProposalState({ proposalId: executedId })).to.equal("Executed");

  // After execution: eve spends part of her payment, and alice makes one more proposal.
  const eveWallet = chain.as(eve).walletClient!;
  await wait(
    await eveWallet.writeContract({
      account: eve,
      chain: null,
      address: chain.book.contracts.token.address,
      abi: atlasTokenAbi,
      functionName: "transfer",
      args: [bob, 2_500n * ATLAS],
    }),
  );
  const pendingId = (await gov(alice).propose(treasuryTransfer(chain, "Next quarter's audit"))).proposalId;

  return {
    executed,
    canceled: await created(chain, canceledId),
    extended: await created(chain, extendedId),
    pending: await created(chain, pendingId),
  };
}

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
export async function chainVotes(chain: DeployedChain): Promise<ApiVote[]> {
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
export async function expectIndexerAgreesWithChain(indexerUrl: string, chain: DeployedChain): Promise<void> {
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

  // Accounts: every address the token has seen, plus the dev accounts and the local voter.
  const transfers = await chain.publicClient.getContractEvents({
    address: token.address,
    abi: atlasTokenAbi,
    eventName: "Transfer",
    fromBlock,
    strict: true,
  });
  const addresses = new Set<Address>([...(Object.values(chain.accounts) as Address[]), chain.voter.address]);
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
  chain: DeployedChain,
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
