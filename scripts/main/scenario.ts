/**
 * The main job's scenario, driven only through @atlas-os/sdk over JSON-RPC: step 10 of the
 * coordination loop (DESIGN.md) for now — delegate (by transaction and by signature), propose a
 * treasury transfer, vote by transaction (with reasons) and by signature, queue, execute — then a
 * second proposal left open for the governance page. Later layers add their steps here.
 */
import {
  createPublicClient,
  createTestClient,
  createWalletClient,
  encodeFunctionData,
  formatUnits,
  http,
  parseEther,
  type Address,
  type Hash,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { hardhat } from "viem/chains";

import { addressesOf, allLayers, createAtlasClient, type AddressBook, type AtlasClient } from "../../sdk/src/index.ts";
import { atlasTokenAbi } from "../../sdk/src/abi/index.ts";

/** The key of the scenario's off-chain signer (a "wallet" that signs, never sends). */
const SIGNER_KEY = "0x6a0b0f5d5c1f0a3e0c4d7b2a9e8f1c3d5b7a9c1e3f5a7b9d1c3e5f7a9b1d3c5e" as const;

export interface ScenarioSummary {
  readonly executedProposalId: bigint;
  readonly openProposalId: bigint;
  readonly grantee: Address;
  readonly granteeBalance: bigint;
  readonly steps: readonly { step: string; detail: string; tx?: Hash }[];
}

export async function runGovernanceScenario(
  url: string,
  book: AddressBook,
  log: (line: string) => void,
): Promise<ScenarioSummary> {
  const publicClient = createPublicClient({ chain: hardhat, transport: http(url) });
  const testClient = createTestClient({ chain: hardhat, mode: "hardhat", transport: http(url) });
  const accounts = await createWalletClient({ chain: hardhat, transport: http(url) }).getAddresses();
  const [, , alice, bob, carol, dave, grantee] = accounts;
  const signer = privateKeyToAccount(SIGNER_KEY);
  const clientFor = (account: Address): AtlasClient =>
    createAtlasClient({
      publicClient,
      walletClient: createWalletClient({ chain: hardhat, transport: http(url), account }),
      addresses: addressesOf(book),
      layers: allLayers,
    });
  const atlas = { alice: clientFor(alice), bob: clientFor(bob), carol: clientFor(carol), dave: clientFor(dave) };
  const steps: { step: string; detail: string; tx?: Hash }[] = [];
  const done = (step: string, detail: string, tx?: Hash) => {
    steps.push({ step, detail, ...(tx ? { tx } : {}) });
    log(`  ✓ ${step.padEnd(26)} ${detail}${tx ? `  (${tx.slice(0, 10)}…)` : ""}`);
  };
  const atlasAmount = (value: bigint) => `${formatUnits(value, 18)} ATLAS`;
  const travelTo = async (timestamp: bigint) => {
    await testClient.setNextBlockTimestamp({ timestamp });
    await testClient.mine({ blocks: 1 });
  };

  log("Governance scenario (coordination loop step 10)");
  for (const [name, who] of [
    ["alice", alice],
    ["bob", bob],
    ["carol", carol],
  ] as const) {
    const { hash } = await atlas[name].governance.delegate({ delegatee: who });
    done(`delegate: ${name}`, `${name} delegates to herself`, hash);
  }
  // A wallet that only signs: dave funds it, it signs a delegation, dave relays the signature.
  const daveWallet = createWalletClient({ chain: hardhat, transport: http(url), account: dave });
  await daveWallet.sendTransaction({ to: signer.address, value: parseEther("1") });
  await daveWallet.writeContract({
    address: book.contracts.token.address,
    abi: atlasTokenAbi,
    functionName: "transfer",
    args: [signer.address, parseEther("50000")],
  });
  const signerClient = createAtlasClient({
    publicClient,
    walletClient: createWalletClient({ chain: hardhat, transport: http(url), account: signer }),
    addresses: addressesOf(book),
    layers: allLayers,
  });
  const delegation = await signerClient.governance.signDelegation({
    delegatee: signer.address,
    expiry: (await publicClient.getBlock()).timestamp + 3_600n,
  });
  const relayedDelegation = await atlas.dave.governance.delegateBySig(delegation);
  done(
    "delegateBySig: signer",
    `signed off-chain by ${signer.address.slice(0, 10)}…, relayed by dave`,
    relayedDelegation.hash,
  );

  const grant = 25_000n * 10n ** 18n;
  const proposalCalls = {
    targets: [book.contracts.token.address],
    values: [0n],
    calldatas: [encodeFunctionData({ abi: atlasTokenAbi, functionName: "transfer", args: [grantee, grant] })],
    description: "Grant 25,000 ATLAS from the treasury to the indexer operators",
  };
  const proposed = await atlas.alice.governance.propose(proposalCalls);
  done("propose", `proposal ${String(proposed.proposalId).slice(0, 12)}… by alice`, proposed.hash);
  const proposalId = proposed.proposalId;

  const before = await atlas.alice.governance.getProposal({ proposalId });
  await travelTo(before.snapshot + 1n);
  done("time travel", `to the vote start (+${(await atlas.alice.governance.getGovernanceSettings()).votingDelay} s)`);

  const aliceVote = await atlas.alice.governance.castVote({ proposalId, support: "for" });
  done("castVote: alice", `for, weight ${atlasAmount(aliceVote.weight)}`, aliceVote.hash);
  const bobVote = await atlas.bob.governance.castVote({
    proposalId,
    support: "against",
    reason: "Too early: ship the indexer first",
  });
  done("castVoteWithReason: bob", `against, weight ${atlasAmount(bobVote.weight)}, with a reason`, bobVote.hash);
  const carolVote = await atlas.carol.governance.castVote({
    proposalId,
    support: "for",
    reason: "Operators keep our data",
  });
  done("castVoteWithReason: carol", `for, weight ${atlasAmount(carolVote.weight)}`, carolVote.hash);
  const ballot = await signerClient.governance.signBallot({ proposalId, support: "abstain" });
  const bySig = await atlas.dave.governance.castVoteBySig(ballot);
  done("castVoteBySig: signer", `abstain, weight ${atlasAmount(bySig.weight)}, relayed by dave`, bySig.hash);

  const afterVotes = await atlas.alice.governance.getProposal({ proposalId });
  await travelTo(afterVotes.deadline + 1n);
  const queued = await atlas.alice.governance.queue(proposalCalls);
  done(
    "queue",
    `state ${await atlas.alice.governance.getProposalState({ proposalId })}, eta ${queued.eta}`,
    queued.hash,
  );
  await travelTo(queued.eta);
  const executed = await atlas.alice.governance.execute(proposalCalls);
  const granteeBalance = await publicClient.readContract({
    address: book.contracts.token.address,
    abi: atlasTokenAbi,
    functionName: "balanceOf",
    args: [grantee],
  });
  done("execute", `treasury paid ${atlasAmount(granteeBalance)} to ${grantee.slice(0, 10)}…`, executed.hash);

  const open = await atlas.bob.governance.propose({
    targets: [book.contracts.token.address],
    values: [0n],
    calldatas: [
      encodeFunctionData({ abi: atlasTokenAbi, functionName: "transfer", args: [grantee, 1_000n * 10n ** 18n] }),
    ],
    description: "Grant 1,000 ATLAS to the governance page's designers (vote on it in the page)",
  });
  const openProposal = await atlas.bob.governance.getProposal({ proposalId: open.proposalId });
  await travelTo(openProposal.snapshot + 1n);
  done("propose (left open)", `proposal ${String(open.proposalId).slice(0, 12)}… is Active for the page`, open.hash);

  return { executedProposalId: proposalId, openProposalId: open.proposalId, grantee, granteeBalance, steps };
}
