import { expect } from "chai";
import { parseEther, parseEventLogs, zeroAddress } from "viem";

import { AtlasContractError, hashDescription, toAtlasError } from "../../sdk/src/index.ts";
import { atlasGovernorAbi, atlasModuleAbi, atlasTokenAbi } from "../../sdk/src/abi/index.ts";
import { networkHelpers } from "../helpers/governance.ts";
import {
  ATLAS,
  atlasFixture,
  fundAccounts,
  publicClient,
  rejection,
  testbed,
  treasuryTransfer,
  voter,
  walletClientOf,
  type Testbed,
} from "./fixtures.ts";

const { loadFixture, mine, time } = networkHelpers;
const DAY = 86_400n;

async function fresh(): Promise<Testbed> {
  const t = await testbed(await loadFixture(atlasFixture));
  await fundAccounts(t);
  return t;
}

const balanceOf = (t: Testbed, account: `0x${string}`) =>
  publicClient.readContract({
    address: t.addresses.token,
    abi: atlasTokenAbi,
    functionName: "balanceOf",
    args: [account],
  });

describe("SDK governance lifecycle", function () {
  it("reads the governor's settings as deployed", async function () {
    const t = await testbed(await loadFixture(atlasFixture));
    expect(await t.reader.governance.getGovernanceSettings()).to.deep.equal({
      votingDelay: DAY,
      votingPeriod: 7n * DAY,
      proposalThreshold: 1_000n * ATLAS,
      quorumNumerator: 4n,
      quorumDenominator: 100n,
      lateQuorumVoteExtension: DAY,
      proposalGuardian: t.accounts.proposalGuardian,
      timelock: t.addresses.timelock,
      timelockDelay: 2n * DAY,
      clockMode: "mode=timestamp",
    });
  });

  it("delegates, proposes a treasury transfer, votes four ways, queues and executes it, all through the SDK", async function () {
    const t = await fresh();
    const { alice, bob, carol, dave, eve } = t.accounts;
    const gov = (account: `0x${string}` | typeof voter) => t.as(account).governance;
    const read = t.reader.governance;

    // Delegation by transaction.
    expect(await read.getDelegate({ account: alice }), "alice's delegate before").to.equal(undefined);
    expect(await read.getVotes({ account: alice }), "alice's votes before").to.equal(0n);
    const delegated = await gov(alice).delegate({ delegatee: alice });
    expect(delegated.receipt.status).to.equal("success");
    expect([delegated.delegator, delegated.fromDelegate, delegated.toDelegate]).to.deep.equal([
      alice,
      zeroAddress,
      alice,
    ]);
    expect(await read.getDelegate({ account: alice }), "alice's delegate").to.equal(alice);
    expect(await read.getVotes({ account: alice }), "alice's votes").to.equal(150_000n * ATLAS);
    await gov(bob).delegate({ delegatee: bob });

    // Delegation by signature: the local account signs, carol pays the gas.
    const expiry = BigInt(await time.latest()) + 3_600n;
    const delegation = await gov(voter).signDelegation({ delegatee: voter.address, expiry });
    expect(delegation.signer, "delegation signer").to.equal(voter.address);
    expect(delegation.nonce, "delegation nonce").to.equal(0n);
    expect(delegation.v, "delegation v").to.be.oneOf([27, 28]);
    expect(delegation.signature.slice(2, 66), "r is the signature's first word").to.equal(delegation.r.slice(2));
    const relayed = await gov(carol).delegateBySig(delegation);
    expect(relayed.receipt.from, "relayer").to.equal(carol.toLowerCase());
    expect([relayed.delegator, relayed.toDelegate]).to.deep.equal([voter.address, voter.address]);
    expect(await read.getVotes({ account: voter.address }), "voter's votes").to.equal(30_000n * ATLAS);

    // A JSON-RPC account signs a delegation too (eth_signTypedData_v4); dave submits it.
    const carolsDelegation = await gov(carol).signDelegation({ delegatee: carol, expiry });
    expect(carolsDelegation.signer).to.equal(carol);
    await gov(dave).delegateBySig(carolsDelegation);
    expect(await read.getDelegate({ account: carol }), "carol's delegate").to.equal(carol);

    // Propose.
    const parameters = treasuryTransfer(t, "Pay eve for the audit");
    const proposed = await gov(alice).propose(parameters);
    const created = BigInt(await time.latest());
    expect(proposed.voteStart, "voteStart").to.equal(created + DAY);
    expect(proposed.voteEnd, "voteEnd").to.equal(created + 8n * DAY);
    expect(proposed.descriptionHash).to.equal(hashDescription("Pay eve for the audit"));
    const { proposalId } = proposed;
    expect(proposalId).to.equal(
      await publicClient.readContract({
        address: t.addresses.governor,
        abi: atlasGovernorAbi,
        functionName: "getProposalId",
        args: [parameters.targets, parameters.values, parameters.calldatas, proposed.descriptionHash],
      }),
    );

    const [listed, ...more] = await read.getProposals();
    expect(more, "one proposal").to.have.length(0);
    expect(listed).to.deep.include({
      proposalId,
      proposer: alice,
      targets: parameters.targets,
      values: parameters.values,
      calldatas: parameters.calldatas,
      voteStart: created + DAY,
      voteEnd: created + 8n * DAY,
      description: "Pay eve for the audit",
      descriptionHash: proposed.descriptionHash,
      blockNumber: proposed.receipt.blockNumber,
      transactionHash: proposed.hash,
    });

    const pending = await read.getProposal({ proposalId });
    expect(pending).to.deep.include({
      proposalId,
      state: "Pending",
      proposer: alice,
      snapshot: created + DAY,
      deadline: created + 8n * DAY,
      eta: undefined,
      quorum: undefined,
      quorumReached: false,
      votes: { against: 0n, for: 0n, abstain: 0n },
    });

    // Vote: with and without a reason, and by signature of the local account relayed by dave.
    await time.increaseTo(pending.snapshot + 1n);
    expect(await read.getProposalState({ proposalId })).to.equal("Active");
    expect(await read.getQuorum({ timepoint: pending.snapshot }), "quorum: 4% of 1,000,000").to.equal(40_000n * ATLAS);
    expect(await read.getVotes({ account: alice, timepoint: pending.snapshot }), "alice at the snapshot").to.equal(
      150_000n * ATLAS,
    );

    expect((await gov(alice).castVote({ proposalId, support: "for" })).weight, "alice's weight").to.equal(
      150_000n * ATLAS,
    );
    const bobs = await gov(bob).castVote({ proposalId, support: "against", reason: "too generous" });
    expect(bobs.weight, "bob's weight").to.equal(150_000n * ATLAS);
    const [bobsVote] = parseEventLogs({ abi: atlasGovernorAbi, eventName: "VoteCast", logs: bobs.receipt.logs });
    expect(bobsVote?.args.reason, "bob's reason").to.equal("too generous");
    await gov(carol).castVote({ proposalId, support: "abstain", reason: "conflict of interest" });
    expect(await read.getProposalVotes({ proposalId })).to.deep.equal({
      against: 150_000n * ATLAS,
      for: 150_000n * ATLAS,
      abstain: 150_000n * ATLAS,
    });

    expect(await read.hasVoted({ proposalId, account: voter.address }), "voter before").to.equal(false);
    const ballot = await gov(voter).signBallot({ proposalId, support: "for" });
    expect(ballot).to.deep.include({ proposalId, support: "for", voter: voter.address, nonce: 0n });
    const bySig = await gov(dave).castVoteBySig(ballot);
    expect(bySig.weight, "voter's weight").to.equal(30_000n * ATLAS);
    expect(await read.hasVoted({ proposalId, account: voter.address }), "voter after").to.equal(true);
    expect(await read.hasVoted({ proposalId, account: dave }), "the relayer did not vote").to.equal(false);

    const active = await read.getProposal({ proposalId });
    expect(active).to.deep.include({
      state: "Active",
      quorum: 40_000n * ATLAS,
      quorumReached: true,
      deadline: created + 8n * DAY,
      votes: { against: 150_000n * ATLAS, for: 180_000n * ATLAS, abstain: 150_000n * ATLAS },
    });

    // Queue (by description) and execute (by description hash), from an account that did not vote.
    await time.increaseTo(active.deadline + 1n);
    expect(await read.getProposalState({ proposalId })).to.equal("Succeeded");
    const queued = await gov(eve).queue(listed);
    expect(queued.proposalId).to.equal(proposalId);
    expect(queued.eta, "eta: queued + timelock delay").to.equal(BigInt(await time.latest()) + 2n * DAY);
    expect(await read.getProposal({ proposalId })).to.deep.include({ state: "Queued", eta: queued.eta });

    const treasuryEthBefore = await publicClient.getBalance({ address: t.addresses.timelock });
    const eveEthBefore = await publicClient.getBalance({ address: eve });
    await time.increaseTo(queued.eta);
    const executed = await gov(dave).execute({
      targets: parameters.targets,
      values: parameters.values,
      calldatas: parameters.calldatas,
      descriptionHash: proposed.descriptionHash,
    });
    expect(executed.proposalId).to.equal(proposalId);
    expect(await read.getProposalState({ proposalId })).to.equal("Executed");

    expect(await balanceOf(t, eve), "eve's ATLAS").to.equal(10_000n * ATLAS);
    expect(await balanceOf(t, t.addresses.timelock), "treasury ATLAS").to.equal(390_000n * ATLAS);
    expect(await publicClient.getBalance({ address: eve }), "eve's ETH").to.equal(eveEthBefore + parseEther("1"));
    expect(await publicClient.getBalance({ address: t.addresses.timelock }), "treasury ETH").to.equal(
      treasuryEthBefore - parseEther("1"),
    );
    expect(treasuryEthBefore, "treasury ETH before").to.equal(parseEther("10"));
  });

  it("reports the deadline late quorum extends", async function () {
    const t = await fresh();
    const { alice } = t.accounts;
    await t.as(alice).governance.delegate({ delegatee: alice });
    await mine(); // propose counts votes at the previous timepoint, and simulates at the latest block
    const { proposalId, voteEnd } = await t.as(alice).governance.propose(treasuryTransfer(t, "Late quorum"));
    await time.increaseTo(voteEnd - 3_600n);
    await t.as(alice).governance.castVote({ proposalId, support: "for" });
    const votedAt = BigInt(await time.latest());
    const proposal = await t.reader.governance.getProposal({ proposalId });
    expect(proposal.deadline, "deadline: vote + one-day extension").to.equal(votedAt + DAY);
    expect(proposal.deadline > voteEnd, "extended past the original deadline").to.equal(true);
  });

  it("lists proposals of a block range only", async function () {
    const t = await fresh();
    const { alice } = t.accounts;
    const governance = t.as(alice).governance;
    await governance.delegate({ delegatee: alice });
    await mine(); // propose counts votes at the previous timepoint, and simulates at the latest block
    const first = await governance.propose(treasuryTransfer(t, "First"));
    const second = await governance.propose(treasuryTransfer(t, "Second"));
    const ids = (proposals: readonly { proposalId: bigint }[]) => proposals.map((p) => p.proposalId);
    expect(ids(await t.reader.governance.getProposals()), "all").to.deep.equal([first.proposalId, second.proposalId]);
    expect(
      ids(await t.reader.governance.getProposals({ fromBlock: second.receipt.blockNumber })),
      "from the second's block",
    ).to.deep.equal([second.proposalId]);
    expect(
      ids(await t.reader.governance.getProposals({ toBlock: first.receipt.blockNumber })),
      "up to the first's block",
    ).to.deep.equal([first.proposalId]);
  });

  it("cancels: the proposer while pending, the proposal guardian while active", async function () {
    const t = await fresh();
    const { alice, proposalGuardian } = t.accounts;
    await t.as(alice).governance.delegate({ delegatee: alice });
    await mine(); // propose counts votes at the previous timepoint, and simulates at the latest block
    const byProposer = treasuryTransfer(t, "Withdrawn by alice");
    const { proposalId: withdrawn } = await t.as(alice).governance.propose(byProposer);
    expect((await t.as(alice).governance.cancel(byProposer)).proposalId).to.equal(withdrawn);
    expect(await t.reader.governance.getProposalState({ proposalId: withdrawn })).to.equal("Canceled");

    const byGuardian = treasuryTransfer(t, "Stopped by the guardian");
    const { proposalId, voteStart } = await t.as(alice).governance.propose(byGuardian);
    await time.increaseTo(voteStart + 1n);
    const canceled = await t.as(proposalGuardian).governance.cancel({
      ...byGuardian,
      descriptionHash: hashDescription(byGuardian.description),
    });
    expect(canceled.proposalId).to.equal(proposalId);
    expect(await t.reader.governance.getProposalState({ proposalId })).to.equal("Canceled");
  });

  it("reads a module's pause state: a guardian's pause stops the module's clock and ends by itself", async function () {
    const t = await testbed(await loadFixture(atlasFixture));
    const { pauser, proposalGuardian } = t.accounts;
    const read = (module: "escrow" | "registry") => t.reader.governance.getPauseState({ module });
    const idle = await read("escrow");
    expect(idle).to.deep.include({
      module: "escrow",
      address: t.addresses.escrow,
      paused: false,
      pauseEndsAt: undefined,
      guardian: pauser,
      guardianReadyAt: undefined,
      maxPauseDuration: 14n * DAY,
      pausedDuration: 0n,
    });
    expect(idle.moduleTime, "the block's time until the first pause").to.equal(
      (await publicClient.getBlock({ blockNumber: idle.blockNumber })).timestamp,
    );
    expect((await read("registry")).guardian, "one pauser for every module, not the proposal guardian").to.equal(
      pauser,
    );
    expect(pauser).not.to.equal(proposalGuardian);

    const pause = { address: t.addresses.escrow, abi: atlasModuleAbi, functionName: "pause" } as const;
    const pauseHash = await walletClientOf(pauser).writeContract(pause);
    const pausedAt = (
      await publicClient.getBlock({
        blockNumber: (await publicClient.waitForTransactionReceipt({ hash: pauseHash })).blockNumber,
      })
    ).timestamp;
    await time.increaseTo(pausedAt + 3n * DAY);
    expect(await read("escrow")).to.deep.include({
      paused: true,
      pauseEndsAt: pausedAt + 14n * DAY,
      guardianReadyAt: pausedAt + 28n * DAY,
      pausedDuration: 3n * DAY,
      moduleTime: pausedAt,
    });

    // The pause ended by itself; the clock runs again, 14 days behind the block's time.
    await time.increaseTo(pausedAt + 20n * DAY);
    expect(await read("escrow")).to.deep.include({
      paused: false,
      pausedDuration: 14n * DAY,
      moduleTime: pausedAt + 6n * DAY,
    });
    const coolingDown = await rejection(
      publicClient.simulateContract({ ...pause, account: pauser }).catch((error: unknown) => {
        throw toAtlasError(error);
      }),
      AtlasContractError,
    );
    expect(coolingDown.errorName).to.equal("ModuleGuardianCoolingDown");
    expect(coolingDown.shortMessage).to.equal(
      `The guardian paused recently: it may pause again from ${new Date(Number(pausedAt + 28n * DAY) * 1000)
        .toISOString()
        .replace(".000Z", "Z")} on (governance may pause at any time).`,
    );
  });
});
