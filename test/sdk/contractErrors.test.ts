import { expect } from "chai";
import { concatHex, encodeFunctionData, numberToHex, pad, toHex, zeroHash } from "viem";

import { AtlasContractError, type ProposeParameters } from "../../sdk/src/index.ts";
import { atlasModuleAbi, timelockControllerAbi } from "../../sdk/src/abi/index.ts";
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
} from "./fixtures.ts";

const { loadFixture, mine, time } = networkHelpers;

// Hardhat's default dev accounts, as the fixture names them.
const ALICE = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
const BOB = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";
const EVE = "0x976EA74026E726554dB657fA54763abd0C3a0aa9";
// The local account of signerKey.
const VOTER = "0xd035684C117556099f14B553870Af601Fb0E77bf";

/** A proposal state bitmap as the governor and the timelock encode them (`1 << state`, bytes32). */
const bitmap = (...states: number[]) => pad(toHex(states.reduce((bits, s) => bits | (1n << BigInt(s)), 0n)));

/** alice, bob and the local voter delegated to themselves; alice's treasury transfer is open for votes. */
async function activeProposal() {
  const t = await testbed(await atlasFixture());
  await fundAccounts(t);
  for (const account of [t.accounts.alice, t.accounts.bob])
    await t.as(account).governance.delegate({ delegatee: account });
  await t.as(voter).governance.delegate({ delegatee: voter.address });
  await mine();
  const proposal: ProposeParameters = treasuryTransfer(t, "Pay eve");
  const { proposalId, voteStart, voteEnd, descriptionHash } = await t.as(t.accounts.alice).governance.propose(proposal);
  await time.increaseTo(voteStart + 1n);
  return { ...t, proposal, proposalId, voteEnd, descriptionHash };
}

describe("SDK contract errors", function () {
  describe("castVoteBySig", function () {
    it("surfaces a replayed ballot signature as GovernorInvalidSignature naming the voter", async function () {
      const t = await loadFixture(activeProposal);
      const ballot = await t.as(voter).governance.signBallot({ proposalId: t.proposalId, support: "for" });
      await t.as(t.accounts.dave).governance.castVoteBySig(ballot);
      const error = await rejection(t.as(t.accounts.eve).governance.castVoteBySig(ballot), AtlasContractError);
      expect(error.errorName).to.equal("GovernorInvalidSignature");
      expect(error.args).to.deep.equal([VOTER]);
      expect(error.shortMessage).to.equal(
        "The signature is not a valid, unused signature by 0xd035684C117556099f14B553870Af601Fb0E77bf (already used, or signed for other data).",
      );
      expect(error.metaMessages).to.deep.equal([`Contract error: GovernorInvalidSignature(${VOTER})`]);
    });

    it("rejects a ballot signed for other data (another support) as GovernorInvalidSignature", async function () {
      const t = await loadFixture(activeProposal);
      const ballot = await t.as(voter).governance.signBallot({ proposalId: t.proposalId, support: "for" });
      const error = await rejection(
        t.as(t.accounts.dave).governance.castVoteBySig({ ...ballot, support: "against" }),
        AtlasContractError,
      );
      expect(error.errorName).to.equal("GovernorInvalidSignature");
      expect(error.args).to.deep.equal([VOTER]);
    });
  });

  describe("castVote", function () {
    it("rejects a second vote: GovernorAlreadyCastVote", async function () {
      const t = await loadFixture(activeProposal);
      const alice = t.as(t.accounts.alice).governance;
      await alice.castVote({ proposalId: t.proposalId, support: "for" });
      const error = await rejection(
        alice.castVote({ proposalId: t.proposalId, support: "against" }),
        AtlasContractError,
      );
      expect(error.errorName).to.equal("GovernorAlreadyCastVote");
      expect(error.args).to.deep.equal([ALICE]);
      expect(error.shortMessage).to.equal(`${ALICE} has already voted on this proposal.`);
    });

    it("rejects a vote before voting opens: GovernorUnexpectedProposalState", async function () {
      const t = await loadFixture(activeProposal);
      const { proposalId } = await t.as(t.accounts.alice).governance.propose(treasuryTransfer(t, "Too early"));
      const error = await rejection(
        t.as(t.accounts.bob).governance.castVote({ proposalId, support: "for" }),
        AtlasContractError,
      );
      expect(error.errorName).to.equal("GovernorUnexpectedProposalState");
      expect(error.args).to.deep.equal([proposalId, 0, bitmap(1)]);
      expect(error.shortMessage).to.equal(`Proposal ${proposalId} is Pending; this needs it to be Active.`);
    });

    it("rejects a vote after the deadline: GovernorUnexpectedProposalState", async function () {
      const t = await loadFixture(activeProposal);
      await time.increaseTo(t.voteEnd + 1n);
      const error = await rejection(
        t.as(t.accounts.bob).governance.castVote({ proposalId: t.proposalId, support: "for", reason: "late" }),
        AtlasContractError,
      );
      expect(error.args).to.deep.equal([t.proposalId, 3, bitmap(1)]);
      expect(error.shortMessage).to.equal(`Proposal ${t.proposalId} is Defeated; this needs it to be Active.`);
    });

    it("rejects a vote without voting power at the snapshot: AtlasGovernorZeroVotingPower", async function () {
      const t = await loadFixture(activeProposal);
      const snapshot = t.voteEnd - 7n * 86_400n;
      const error = await rejection(
        t.as(t.accounts.eve).governance.castVote({ proposalId: t.proposalId, support: "for" }),
        AtlasContractError,
      );
      expect(error.errorName).to.equal("AtlasGovernorZeroVotingPower");
      expect(error.args).to.deep.equal([t.proposalId, EVE, snapshot]);
      expect(error.shortMessage).to.equal(
        `${EVE} had no voting power at the snapshot (${snapshot}) of proposal ${t.proposalId}; tokens or delegations received later do not count.`,
      );
    });
  });

  describe("propose", function () {
    it("rejects a proposer below the threshold: GovernorInsufficientProposerVotes", async function () {
      const t = await loadFixture(activeProposal);
      const error = await rejection(
        t.as(t.accounts.eve).governance.propose(treasuryTransfer(t, "From eve")),
        AtlasContractError,
      );
      expect(error.errorName).to.equal("GovernorInsufficientProposerVotes");
      expect(error.args).to.deep.equal([EVE, 0n, 1_000n * ATLAS]);
      expect(error.shortMessage).to.equal(`${EVE} has 0 tokens of voting power; proposing needs 1000 tokens.`);
    });
  });

  describe("queue", function () {
    it("rejects a proposal that has not succeeded: GovernorUnexpectedProposalState", async function () {
      const t = await loadFixture(activeProposal);
      const error = await rejection(t.as(t.accounts.bob).governance.queue(t.proposal), AtlasContractError);
      expect(error.args).to.deep.equal([t.proposalId, 1, bitmap(4)]);
      expect(error.shortMessage).to.equal(`Proposal ${t.proposalId} is Active; this needs it to be Succeeded.`);
    });
  });

  describe("execute", function () {
    it("decodes the timelock's TimelockUnexpectedOperationState, bubbled through the governor, before the delay", async function () {
      const t = await loadFixture(activeProposal);
      const alice = t.as(t.accounts.alice).governance;
      await alice.castVote({ proposalId: t.proposalId, support: "for" });
      await time.increaseTo(t.voteEnd + 1n);
      await alice.queue(t.proposal);
      // The governor's timelock salt: its address in the top 20 bytes, xor the description hash.
      const salt = numberToHex(
        BigInt(concatHex([t.addresses.governor, "0x000000000000000000000000"])) ^ BigInt(t.descriptionHash),
        { size: 32 },
      );
      const operationId = await publicClient.readContract({
        address: t.addresses.timelock,
        abi: timelockControllerAbi,
        functionName: "hashOperationBatch",
        args: [t.proposal.targets, t.proposal.values, t.proposal.calldatas, zeroHash, salt],
      });

      const error = await rejection(alice.execute(t.proposal), AtlasContractError);
      expect(error.errorName).to.equal("TimelockUnexpectedOperationState");
      expect(error.args).to.deep.equal([operationId, bitmap(2)]);
      expect(error.shortMessage).to.equal(
        `Timelock operation ${operationId} is not in the expected state (Ready); before its delay has passed it is only waiting.`,
      );
    });
  });

  describe("cancel", function () {
    it("rejects a cancel by an account that is not the guardian: GovernorUnableToCancel", async function () {
      const t = await loadFixture(activeProposal);
      const error = await rejection(t.as(t.accounts.bob).governance.cancel(t.proposal), AtlasContractError);
      expect(error.errorName).to.equal("GovernorUnableToCancel");
      expect(error.args).to.deep.equal([t.proposalId, BOB]);
      expect(error.shortMessage).to.equal(
        `${BOB} cannot cancel proposal ${t.proposalId}: only the proposal guardian, or the proposer while it is pending, can.`,
      );
    });

    it("the proposal guardian cannot cancel a proposal that only unpauses modules: AtlasGovernorProposalGuardianProof", async function () {
      const t = await loadFixture(activeProposal);
      const unpause = encodeFunctionData({ abi: atlasModuleAbi, functionName: "unpause" });
      const proposal: ProposeParameters = {
        targets: [t.addresses.escrow, t.addresses.bountyBoard],
        values: [0n, 0n],
        calldatas: [unpause, unpause],
        description: "Unpause the capital modules",
      };
      const { proposalId } = await t.as(t.accounts.alice).governance.propose(proposal);
      const error = await rejection(t.as(t.accounts.proposalGuardian).governance.cancel(proposal), AtlasContractError);
      expect(error.errorName).to.equal("AtlasGovernorProposalGuardianProof");
      expect(error.args).to.deep.equal([proposalId]);
      expect(error.shortMessage).to.equal(
        `Proposal ${proposalId} only unpauses modules or replaces guardians: the proposal guardian cannot cancel it.`,
      );
      // Any other proposal, the guardian still cancels.
      expect((await t.as(t.accounts.proposalGuardian).governance.cancel(t.proposal)).proposalId).to.equal(t.proposalId);
    });

    it("rejects a cancel by the proposer once voting has opened: GovernorUnableToCancel", async function () {
      const t = await loadFixture(activeProposal);
      const error = await rejection(t.as(t.accounts.alice).governance.cancel(t.proposal), AtlasContractError);
      expect(error.args).to.deep.equal([t.proposalId, ALICE]);
    });
  });

  describe("delegateBySig", function () {
    it("rejects a replayed delegation: InvalidAccountNonce", async function () {
      const t = await loadFixture(activeProposal);
      const expiry = BigInt(await time.latest()) + 3_600n;
      const signed = await t.as(voter).governance.signDelegation({ delegatee: t.accounts.bob, expiry });
      expect(signed.nonce, "the fixture's delegation used nonce 0? no: it was a transaction").to.equal(0n);
      await t.as(t.accounts.dave).governance.delegateBySig(signed);
      const error = await rejection(t.as(t.accounts.dave).governance.delegateBySig(signed), AtlasContractError);
      expect(error.errorName).to.equal("InvalidAccountNonce");
      expect(error.args).to.deep.equal([VOTER, 1n]);
      expect(error.shortMessage).to.equal(
        `The signature's nonce is not the next one of ${VOTER} (1): it was already used or is out of order.`,
      );
    });

    it("rejects an expired delegation: VotesExpiredSignature", async function () {
      const t = await loadFixture(activeProposal);
      const expiry = BigInt(await time.latest()) + 60n;
      const signed = await t.as(voter).governance.signDelegation({ delegatee: t.accounts.bob, expiry });
      await time.increaseTo(expiry + 1n);
      const error = await rejection(t.as(t.accounts.dave).governance.delegateBySig(signed), AtlasContractError);
      expect(error.errorName).to.equal("VotesExpiredSignature");
      expect(error.args).to.deep.equal([expiry]);
      expect(error.shortMessage).to.equal(`The delegation signature expired at ${expiry}.`);
    });
  });

  describe("reads", function () {
    it("getProposal rejects an unknown id: GovernorNonexistentProposal", async function () {
      const t = await loadFixture(activeProposal);
      const error = await rejection(t.reader.governance.getProposal({ proposalId: 42n }), AtlasContractError);
      expect(error.errorName).to.equal("GovernorNonexistentProposal");
      expect(error.shortMessage).to.equal("No proposal 42 exists.");
      await rejection(t.reader.governance.getProposalState({ proposalId: 42n }), AtlasContractError);
    });

    it("getQuorum and getVotes reject a timepoint not yet past: ERC5805FutureLookup", async function () {
      const t = await loadFixture(activeProposal);
      const now = BigInt(await time.latest());
      const quorum = await rejection(t.reader.governance.getQuorum({ timepoint: now + 100n }), AtlasContractError);
      expect(quorum.errorName).to.equal("ERC5805FutureLookup");
      expect(quorum.args).to.deep.equal([now + 100n, Number(now)]);
      expect(quorum.shortMessage).to.equal(`Timepoint ${now + 100n} is not in the past (the clock is at ${now}).`);
      const votes = await rejection(
        t.reader.governance.getVotes({ account: t.accounts.alice, timepoint: now + 100n }),
        AtlasContractError,
      );
      expect(votes.errorName).to.equal("ERC5805FutureLookup");
    });
  });
});
