import { expect } from "chai";

import { graphFixture } from "../helpers/graph.ts";
import { AtlasModule__factory } from "../../types/ethers-contracts/index.js";
import {
  ATLAS,
  ProposalState,
  Support,
  descriptionHash,
  endVoting,
  ethers,
  governanceFixture,
  networkHelpers,
  passAndExecute,
  propose,
  proposal,
  signBallot,
  signDelegation,
  startVoting,
  type Proposal,
} from "../helpers/governance.ts";

const { loadFixture, time } = networkHelpers;

/** The fixture with alice, bob and the wallet holding delegated votes (wallet: 30,000 ATLAS). */
async function delegatedFixture() {
  const f = await governanceFixture();
  const { token, alice, bob, dave, wallet } = f;
  await token.connect(alice).delegate(alice.address);
  await token.connect(bob).delegate(bob.address);
  await token.connect(dave).transfer(wallet.address, 30_000n * ATLAS);
  await dave.sendTransaction({ to: wallet.address, value: ethers.parseEther("1") });
  await token.connect(wallet).delegate(wallet.address);
  await f.deployer.sendTransaction({ to: await f.timelock.getAddress(), value: ethers.parseEther("10") });
  return f;
}

/** A treasury transfer of 10,000 ATLAS and 1 ETH to eve. */
async function treasuryTransfer(f: Awaited<ReturnType<typeof governanceFixture>>, description: string) {
  return proposal(
    [
      {
        target: await f.token.getAddress(),
        data: f.token.interface.encodeFunctionData("transfer", [f.eve.address, 10_000n * ATLAS]),
      },
      { target: f.eve.address, value: ethers.parseEther("1"), data: "0x" },
    ],
    description,
  );
}

describe("AtlasGovernor", function () {
  describe("deployment", function () {
    it("is configured as the governance config says and speaks the standard Governor dialect", async function () {
      const { governor, token, timelock, config, guardian } = await loadFixture(governanceFixture);
      expect(await governor.name()).to.equal("AtlasGovernor");
      expect(await governor.version()).to.equal("1");
      expect(await governor.token()).to.equal(await token.getAddress());
      expect(await governor.timelock()).to.equal(await timelock.getAddress());
      expect(await governor.votingDelay()).to.equal(config.votingDelay);
      expect(await governor.votingPeriod()).to.equal(config.votingPeriod);
      expect(await governor.proposalThreshold()).to.equal(config.proposalThreshold);
      expect(await governor["quorumNumerator()"]()).to.equal(config.quorumPercent);
      expect(await governor.lateQuorumVoteExtension()).to.equal(config.voteExtension);
      expect(await governor.proposalGuardian()).to.equal(guardian.address);
      expect(await governor.CLOCK_MODE()).to.equal("mode=timestamp");
      expect(await governor.clock()).to.equal(await time.latest());
      expect(await governor.COUNTING_MODE()).to.equal("support=bravo&quorum=for,abstain");
      // IGovernor interface id as OpenZeppelin 5 computes it, and ERC-165 itself.
      expect(await governor.supportsInterface("0x65455a86")).to.equal(true);
      expect(await governor.supportsInterface("0x01ffc9a7")).to.equal(true);
      expect(await governor.supportsInterface("0xffffffff")).to.equal(false);
    });

    it("quorum is the configured percent of the supply at the timepoint", async function () {
      const { governor, token } = await loadFixture(governanceFixture);
      const timepoint = (await time.latest()) - 1;
      expect(await governor.quorum(timepoint)).to.equal(((await token.totalSupply()) * 4n) / 100n);
    });
  });

  describe("propose", function () {
    it("rejects a proposer below the proposal threshold", async function () {
      const f = await loadFixture(delegatedFixture);
      const p = await treasuryTransfer(f, "from eve");
      await expect(f.governor.connect(f.eve).propose(p.targets, p.values, p.calldatas, p.description))
        .to.be.revertedWithCustomError(f.governor, "GovernorInsufficientProposerVotes")
        .withArgs(f.eve.address, 0n, f.config.proposalThreshold);
    });

    it("emits ProposalCreated with the vote window on the timestamp clock", async function () {
      const f = await loadFixture(delegatedFixture);
      const p = await treasuryTransfer(f, "window");
      const tx = f.governor.connect(f.alice).propose(p.targets, p.values, p.calldatas, p.description);
      await expect(tx).to.emit(f.governor, "ProposalCreated");
      const proposalId = await f.governor.getProposalId(p.targets, p.values, p.calldatas, descriptionHash(p));
      const created = BigInt(await time.latest());
      expect(await f.governor.proposalSnapshot(proposalId)).to.equal(created + f.config.votingDelay);
      expect(await f.governor.proposalDeadline(proposalId)).to.equal(
        created + f.config.votingDelay + f.config.votingPeriod,
      );
      expect(await f.governor.proposalProposer(proposalId)).to.equal(f.alice.address);
      expect(await f.governor.state(proposalId)).to.equal(ProposalState.Pending);
    });
  });

  describe("full lifecycle", function () {
    it("delegates, votes three ways, queues and executes a treasury transfer through the timelock", async function () {
      const f = await loadFixture(governanceFixture);
      const { token, governor, timelock, alice, bob, carol, eve, wallet } = f;
      const timelockAddress = await timelock.getAddress();
      await f.deployer.sendTransaction({ to: timelockAddress, value: ethers.parseEther("10") });

      // delegate (transaction) and delegateBySig (EIP-712, signed by a wallet key, relayed by carol)
      await expect(token.connect(alice).delegate(alice.address))
        .to.emit(token, "DelegateChanged")
        .withArgs(alice.address, ethers.ZeroAddress, alice.address);
      await token.connect(f.dave).transfer(wallet.address, 30_000n * ATLAS);
      const expiry = BigInt(await time.latest()) + 3_600n;
      const delegation = await signDelegation(await token.getAddress(), "Atlas", wallet, wallet.address, 0n, expiry);
      await expect(
        token.connect(carol).delegateBySig(wallet.address, 0n, expiry, delegation.v, delegation.r, delegation.s),
      )
        .to.emit(token, "DelegateVotesChanged")
        .withArgs(wallet.address, 0n, 30_000n * ATLAS);
      await token.connect(bob).delegate(bob.address);

      const p = await treasuryTransfer(f, "Pay eve for the audit");
      const proposalId = await propose(governor, alice, p);
      await startVoting(governor, proposalId);
      expect(await governor.state(proposalId)).to.equal(ProposalState.Active);

      // castVote, castVoteWithReason, castVoteBySig
      await expect(governor.connect(alice).castVote(proposalId, Support.For))
        .to.emit(governor, "VoteCast")
        .withArgs(alice.address, proposalId, Support.For, 150_000n * ATLAS, "");
      await expect(governor.connect(bob).castVoteWithReason(proposalId, Support.Against, "too expensive"))
        .to.emit(governor, "VoteCast")
        .withArgs(bob.address, proposalId, Support.Against, 150_000n * ATLAS, "too expensive");
      const ballot = await signBallot(governor, wallet, proposalId, Support.For, await governor.nonces(wallet.address));
      await expect(governor.connect(carol).castVoteBySig(proposalId, Support.For, wallet.address, ballot))
        .to.emit(governor, "VoteCast")
        .withArgs(wallet.address, proposalId, Support.For, 30_000n * ATLAS, "");
      expect(await governor.hasVoted(proposalId, wallet.address)).to.equal(true);

      const [against, forVotes, abstain] = await governor.proposalVotes(proposalId);
      expect([against, forVotes, abstain]).to.deep.equal([150_000n * ATLAS, 180_000n * ATLAS, 0n]);

      await endVoting(governor, proposalId);
      expect(await governor.state(proposalId)).to.equal(ProposalState.Succeeded);

      await expect(governor.queue(p.targets, p.values, p.calldatas, descriptionHash(p))).to.emit(
        governor,
        "ProposalQueued",
      );
      expect(await governor.state(proposalId)).to.equal(ProposalState.Queued);
      const eta = await governor.proposalEta(proposalId);
      expect(eta).to.equal(BigInt(await time.latest()) + f.config.timelockDelay);

      // executing before the delay fails in the timelock, with its own error
      await expect(
        governor.execute(p.targets, p.values, p.calldatas, descriptionHash(p)),
      ).to.be.revertedWithCustomError(timelock, "TimelockUnexpectedOperationState");

      await time.increaseTo(eta);
      const treasuryBefore = await token.balanceOf(timelockAddress);
      const tx = governor.connect(eve).execute(p.targets, p.values, p.calldatas, descriptionHash(p));
      await expect(tx).to.emit(governor, "ProposalExecuted").withArgs(proposalId);
      await expect(tx).to.changeEtherBalances(
        ethers,
        [timelockAddress, eve],
        [-ethers.parseEther("1"), ethers.parseEther("1")],
      );
      expect(await token.balanceOf(eve.address)).to.equal(10_000n * ATLAS);
      expect(await token.balanceOf(timelockAddress)).to.equal(treasuryBefore - 10_000n * ATLAS);
      expect(await governor.state(proposalId)).to.equal(ProposalState.Executed);
    });

    it("is Defeated when quorum is not reached", async function () {
      const f = await loadFixture(delegatedFixture);
      const p = await treasuryTransfer(f, "quorum not reached");
      const proposalId = await propose(f.governor, f.alice, p);
      await startVoting(f.governor, proposalId);
      // 30,000 For against a quorum of 40,000
      await f.governor.connect(f.wallet).castVote(proposalId, Support.For);
      await endVoting(f.governor, proposalId);
      expect(await f.governor.quorum(await f.governor.proposalSnapshot(proposalId))).to.equal(40_000n * ATLAS);
      expect(await f.governor.state(proposalId)).to.equal(ProposalState.Defeated);
      await expect(f.governor.queue(p.targets, p.values, p.calldatas, descriptionHash(p)))
        .to.be.revertedWithCustomError(f.governor, "GovernorUnexpectedProposalState")
        .withArgs(proposalId, ProposalState.Defeated, ethers.toBeHex(1n << ProposalState.Succeeded, 32));
    });

    it("is Defeated when the majority votes against, even with quorum", async function () {
      const f = await loadFixture(delegatedFixture);
      const p = await treasuryTransfer(f, "majority against");
      const proposalId = await propose(f.governor, f.alice, p);
      await startVoting(f.governor, proposalId);
      await f.governor.connect(f.wallet).castVote(proposalId, Support.For);
      await f.governor.connect(f.bob).castVoteWithReason(proposalId, Support.Against, "no");
      await f.governor.connect(f.alice).castVote(proposalId, Support.Abstain);
      await endVoting(f.governor, proposalId);
      expect(await f.governor.state(proposalId)).to.equal(ProposalState.Defeated);
    });

    it("extends the deadline when quorum is first reached late (late-quorum protection)", async function () {
      const f = await loadFixture(delegatedFixture);
      const p = await treasuryTransfer(f, "late quorum");
      const proposalId = await propose(f.governor, f.alice, p);
      const deadline = await f.governor.proposalDeadline(proposalId);
      await time.increaseTo(deadline - 60n);
      await expect(f.governor.connect(f.alice).castVote(proposalId, Support.For))
        .to.emit(f.governor, "ProposalExtended")
        .withArgs(proposalId, BigInt(await time.latest()) + 1n + f.config.voteExtension);
      expect(await f.governor.proposalDeadline(proposalId)).to.equal(
        BigInt(await time.latest()) + f.config.voteExtension,
      );
      await time.increaseTo(deadline + 1n);
      expect(await f.governor.state(proposalId)).to.equal(ProposalState.Active);
    });
  });

  describe("proposal guardian", function () {
    it("cancels an active proposal", async function () {
      const f = await loadFixture(delegatedFixture);
      const p = await treasuryTransfer(f, "to cancel");
      const proposalId = await propose(f.governor, f.alice, p);
      await startVoting(f.governor, proposalId);
      await expect(f.governor.connect(f.guardian).cancel(p.targets, p.values, p.calldatas, descriptionHash(p)))
        .to.emit(f.governor, "ProposalCanceled")
        .withArgs(proposalId);
      expect(await f.governor.state(proposalId)).to.equal(ProposalState.Canceled);
    });

    it("cancels a queued proposal, and the timelock operation with it", async function () {
      const f = await loadFixture(delegatedFixture);
      const p = await treasuryTransfer(f, "queued then cancelled");
      const proposalId = await propose(f.governor, f.alice, p);
      await startVoting(f.governor, proposalId);
      await f.governor.connect(f.alice).castVote(proposalId, Support.For);
      await endVoting(f.governor, proposalId);
      await f.governor.queue(p.targets, p.values, p.calldatas, descriptionHash(p));
      // GovernorTimelockControl salts operations with bytes20(governor) ^ descriptionHash.
      const salt = ethers.toBeHex((BigInt(await f.governor.getAddress()) << 96n) ^ BigInt(descriptionHash(p)), 32);
      const operationId = await f.timelock.hashOperationBatch(p.targets, p.values, p.calldatas, ethers.ZeroHash, salt);
      expect(await f.timelock.isOperationPending(operationId)).to.equal(true);
      await expect(f.governor.connect(f.guardian).cancel(p.targets, p.values, p.calldatas, descriptionHash(p)))
        .to.emit(f.timelock, "Cancelled")
        .withArgs(operationId);
      expect(await f.timelock.isOperation(operationId)).to.equal(false);
      expect(await f.governor.state(proposalId)).to.equal(ProposalState.Canceled);
    });

    it("cannot be used by anyone else; the proposer may cancel only while Pending", async function () {
      const f = await loadFixture(delegatedFixture);
      const p = await treasuryTransfer(f, "not yours");
      const proposalId = await propose(f.governor, f.alice, p);
      const args = [p.targets, p.values, p.calldatas, descriptionHash(p)] as const;
      await expect(f.governor.connect(f.bob).cancel(...args))
        .to.be.revertedWithCustomError(f.governor, "GovernorUnableToCancel")
        .withArgs(proposalId, f.bob.address);
      await startVoting(f.governor, proposalId);
      await expect(f.governor.connect(f.alice).cancel(...args))
        .to.be.revertedWithCustomError(f.governor, "GovernorUnableToCancel")
        .withArgs(proposalId, f.alice.address);

      const q = await treasuryTransfer(f, "withdrawn while pending");
      const qId = await propose(f.governor, f.alice, q);
      await expect(f.governor.connect(f.alice).cancel(q.targets, q.values, q.calldatas, descriptionHash(q)))
        .to.emit(f.governor, "ProposalCanceled")
        .withArgs(qId);
    });

    it("is removed by governance; proposers gain no extra cancel right", async function () {
      const f = await loadFixture(delegatedFixture);
      const governorAddress = await f.governor.getAddress();
      const removal = proposal(
        [
          {
            target: governorAddress,
            data: f.governor.interface.encodeFunctionData("setProposalGuardian", [ethers.ZeroAddress]),
          },
        ],
        "Remove the proposal guardian",
      );
      await passAndExecute(f.governor, f.alice, [f.alice], removal);
      expect(await f.governor.proposalGuardian()).to.equal(ethers.ZeroAddress);

      const p = await treasuryTransfer(f, "after removal");
      const proposalId = await propose(f.governor, f.alice, p);
      await startVoting(f.governor, proposalId);
      const args = [p.targets, p.values, p.calldatas, descriptionHash(p)] as const;
      await expect(f.governor.connect(f.guardian).cancel(...args))
        .to.be.revertedWithCustomError(f.governor, "GovernorUnableToCancel")
        .withArgs(proposalId, f.guardian.address);
      await expect(f.governor.connect(f.alice).cancel(...args))
        .to.be.revertedWithCustomError(f.governor, "GovernorUnableToCancel")
        .withArgs(proposalId, f.alice.address);
    });

    it("emits ProposalGuardianSet when governance replaces it", async function () {
      const f = await loadFixture(delegatedFixture);
      const replacement = proposal(
        [
          {
            target: await f.governor.getAddress(),
            data: f.governor.interface.encodeFunctionData("setProposalGuardian", [f.carol.address]),
          },
        ],
        "New guardian",
      );
      const proposalId = await propose(f.governor, f.alice, replacement);
      await startVoting(f.governor, proposalId);
      await f.governor.connect(f.alice).castVote(proposalId, Support.For);
      await endVoting(f.governor, proposalId);
      const args = [
        replacement.targets,
        replacement.values,
        replacement.calldatas,
        descriptionHash(replacement),
      ] as const;
      await f.governor.queue(...args);
      await time.increaseTo(await f.governor.proposalEta(proposalId));
      await expect(f.governor.execute(...args))
        .to.emit(f.governor, "ProposalGuardianSet")
        .withArgs(f.guardian.address, f.carol.address);
    });
  });

  describe("cancel: guardian-proof proposals", function () {
    /**
     * The deployed stack (pauser: dev account 1; proposal guardian: dev account 17), holders'
     * votes delegated, and every module paused by its pauser.
     */
    async function pausedStackFixture() {
      const f = await graphFixture();
      for (const holder of [f.alice, f.bob]) await f.token.connect(holder).delegate(holder.address);
      const modules = [f.registry, f.ledger, f.bountyBoard, f.escrow, f.arbitration];
      for (const module of modules) await module.connect(f.guardian).pause();
      const [newPauser, newProposalGuardian, proposalGuardian] = f.signers.slice(15, 18);
      return { ...f, modules, proposalGuardian, newPauser, newProposalGuardian };
    }
    type PausedStack = Awaited<ReturnType<typeof pausedStackFixture>>;

    /** Governance's way out: unpause every module, name a new pauser and a new proposal guardian. */
    async function rescue(f: PausedStack) {
      const calls = [];
      for (const module of f.modules) {
        calls.push({ target: await module.getAddress(), data: module.interface.encodeFunctionData("unpause") });
      }
      for (const module of f.modules) {
        calls.push({
          target: await module.getAddress(),
          data: module.interface.encodeFunctionData("setGuardian", [f.newPauser.address]),
        });
      }
      calls.push({
        target: await f.governor.getAddress(),
        data: f.governor.interface.encodeFunctionData("setProposalGuardian", [f.newProposalGuardian.address]),
      });
      return proposal(calls, "Unpause every module and replace both guardians");
    }

    /** `p` with one more call: a transfer of 1 ATLAS from the treasury to `to`. */
    async function withTransfer(f: PausedStack, p: Proposal, to: string): Promise<Proposal> {
      return {
        targets: [...p.targets, await f.token.getAddress()],
        values: [...p.values, 0n],
        calldatas: [...p.calldatas, f.token.interface.encodeFunctionData("transfer", [to, ATLAS])],
        description: `${p.description}, and pay ${to}`,
      };
    }

    const argsOf = (p: Proposal) => [p.targets, p.values, p.calldatas, descriptionHash(p)] as const;

    it("the proposal guardian cannot cancel a proposal that only unpauses or replaces guardians", async function () {
      const f = await loadFixture(pausedStackFixture);
      const { governor, proposalGuardian, alice, bob } = f;
      expect(await governor.proposalGuardian(), "dev account 17").to.equal(proposalGuardian.address);
      const p = await rescue(f);
      expect(await governor.isGuardianProof(p.targets, p.values, p.calldatas)).to.equal(true);
      const proposalId = await propose(governor, alice, p);
      const attempt = () => governor.connect(proposalGuardian).cancel(...argsOf(p));

      await expect(attempt(), "Pending")
        .to.be.revertedWithCustomError(governor, "AtlasGovernorProposalGuardianProof")
        .withArgs(proposalId);
      await startVoting(governor, proposalId);
      await expect(attempt(), "Active")
        .to.be.revertedWithCustomError(governor, "AtlasGovernorProposalGuardianProof")
        .withArgs(proposalId);
      await governor.connect(alice).castVote(proposalId, Support.For);
      await governor.connect(bob).castVote(proposalId, Support.For);
      await endVoting(governor, proposalId);
      await expect(attempt(), "Succeeded")
        .to.be.revertedWithCustomError(governor, "AtlasGovernorProposalGuardianProof")
        .withArgs(proposalId);
      await governor.queue(...argsOf(p));
      await expect(attempt(), "Queued")
        .to.be.revertedWithCustomError(governor, "AtlasGovernorProposalGuardianProof")
        .withArgs(proposalId);
      expect(await governor.state(proposalId)).to.equal(ProposalState.Queued);
    });

    it("governance's guardian-proof proposal then unpauses every module and replaces both guardians", async function () {
      const f = await loadFixture(pausedStackFixture);
      const { governor, alice, bob } = f;
      for (const module of f.modules) expect(await module.paused(), "paused by the pauser").to.equal(true);
      const p = await rescue(f);
      const proposalId = await passAndExecute(governor, alice, [alice, bob], p);
      expect(await governor.state(proposalId)).to.equal(ProposalState.Executed);
      for (const module of f.modules) {
        expect(await module.paused(), "unpaused").to.equal(false);
        expect(await module.guardian(), "new pauser").to.equal(f.newPauser.address);
      }
      expect(await governor.proposalGuardian()).to.equal(f.newProposalGuardian.address);
    });

    it("a mixed proposal stays cancellable: guardian-proof calls next to a treasury transfer", async function () {
      const f = await loadFixture(pausedStackFixture);
      const { governor, proposalGuardian, alice } = f;
      const eve = f.signers[16];
      const p = await withTransfer(f, await rescue(f), eve.address);
      expect(await governor.isGuardianProof(p.targets, p.values, p.calldatas)).to.equal(false);
      const proposalId = await propose(governor, alice, p);
      await startVoting(governor, proposalId);
      await expect(governor.connect(proposalGuardian).cancel(...argsOf(p)))
        .to.emit(governor, "ProposalCanceled")
        .withArgs(proposalId);
    });

    it("a proposal sending value, or with any other calldata, stays cancellable", async function () {
      const f = await loadFixture(pausedStackFixture);
      const { governor, registry, proposalGuardian, alice } = f;
      const target = await registry.getAddress();
      const unpause = registry.interface.encodeFunctionData("unpause");
      const setGuardian = registry.interface.encodeFunctionData("setGuardian", [alice.address]);
      const cases: [string, { target: string; value?: bigint; data: string }][] = [
        ["unpause() sending 1 wei", { target, value: 1n, data: unpause }],
        ["unpause() with a byte more", { target, data: `${unpause}00` }],
        ["setGuardian(address) with a word more", { target, data: `${setGuardian}${"00".repeat(32)}` }],
        ["setGuardian's selector alone", { target, data: setGuardian.slice(0, 10) }],
        ["pause()", { target, data: registry.interface.encodeFunctionData("pause") }],
        ["extendPause(uint256)", { target, data: registry.interface.encodeFunctionData("extendPause", [2n ** 39n]) }],
        [
          "setMaxPauseDuration(uint32)",
          { target, data: registry.interface.encodeFunctionData("setMaxPauseDuration", [90n * 86_400n]) },
        ],
        ["a plain call", { target: alice.address, data: "0x" }],
      ];
      for (const [label, call] of cases) {
        const p = proposal([call], `Cancellable: ${label}`);
        expect(await governor.isGuardianProof(p.targets, p.values, p.calldatas), label).to.equal(false);
        const proposalId = await propose(governor, alice, p);
        await expect(governor.connect(proposalGuardian).cancel(...argsOf(p)), label)
          .to.emit(governor, "ProposalCanceled")
          .withArgs(proposalId);
      }
    });

    it("the proposer may still cancel its own guardian-proof proposal while Pending, and only then", async function () {
      const f = await loadFixture(pausedStackFixture);
      const { governor, alice, bob } = f;
      const p = await rescue(f);
      const proposalId = await propose(governor, alice, p);
      await expect(governor.connect(bob).cancel(...argsOf(p)), "another holder")
        .to.be.revertedWithCustomError(governor, "GovernorUnableToCancel")
        .withArgs(proposalId, bob.address);
      await expect(governor.connect(alice).cancel(...argsOf(p)))
        .to.emit(governor, "ProposalCanceled")
        .withArgs(proposalId);

      const q = proposal(
        [{ target: await f.registry.getAddress(), data: f.registry.interface.encodeFunctionData("unpause") }],
        "Unpause the registry",
      );
      const qId = await propose(governor, alice, q);
      await startVoting(governor, qId);
      await expect(governor.connect(alice).cancel(...argsOf(q)), "Active")
        .to.be.revertedWithCustomError(governor, "GovernorUnableToCancel")
        .withArgs(qId, alice.address);
    });

    it("a proposal guardian that proposed a guardian-proof proposal cancels it as its proposer while Pending", async function () {
      const f = await loadFixture(pausedStackFixture);
      const { governor, token, proposalGuardian, carol } = f;
      await token.connect(carol).transfer(proposalGuardian.address, 1_000n * ATLAS);
      await token.connect(proposalGuardian).delegate(proposalGuardian.address);
      await networkHelpers.mine();
      const p = await rescue(f);
      const proposalId = await propose(governor, proposalGuardian, p);
      await expect(governor.connect(proposalGuardian).cancel(...argsOf(p)))
        .to.emit(governor, "ProposalCanceled")
        .withArgs(proposalId);
    });
  });

  describe("isGuardianProof", function () {
    it("is true for proposals made only of unpause(), setGuardian(address) and setProposalGuardian(address), sending nothing", async function () {
      const f = await loadFixture(governanceFixture);
      const target = await f.token.getAddress();
      const module = AtlasModule__factory.createInterface();
      const unpause = module.encodeFunctionData("unpause");
      const setGuardian = module.encodeFunctionData("setGuardian", [f.eve.address]);
      const removeGuardian = module.encodeFunctionData("setGuardian", [ethers.ZeroAddress]);
      const setProposalGuardian = f.governor.interface.encodeFunctionData("setProposalGuardian", [f.eve.address]);
      for (const calldatas of [
        [unpause],
        [setGuardian],
        [removeGuardian],
        [setProposalGuardian],
        [unpause, setGuardian, setProposalGuardian, unpause],
      ]) {
        const targets = calldatas.map(() => target);
        const values = calldatas.map(() => 0n);
        expect(await f.governor.isGuardianProof(targets, values, calldatas), calldatas.join(",")).to.equal(true);
      }
    });

    it("is false for anything else", async function () {
      const f = await loadFixture(governanceFixture);
      const target = await f.token.getAddress();
      const module = AtlasModule__factory.createInterface();
      const unpause = module.encodeFunctionData("unpause");
      const setGuardian = module.encodeFunctionData("setGuardian", [f.eve.address]);
      const transfer = f.token.interface.encodeFunctionData("transfer", [f.eve.address, 1n]);
      const cases: [string, string[], bigint[], string[]][] = [
        ["no call", [], [], []],
        ["fewer values than targets", [target, target], [0n], [unpause, unpause]],
        ["fewer calldatas than targets", [target, target], [0n, 0n], [unpause]],
        ["a value", [target], [1n], [unpause]],
        ["unpause() with a byte more", [target], [0n], [`${unpause}00`]],
        ["unpause's selector with an argument", [target], [0n], [`${unpause}${"00".repeat(32)}`]],
        ["setGuardian's selector alone", [target], [0n], [setGuardian.slice(0, 10)]],
        ["setGuardian(address) with a word more", [target], [0n], [`${setGuardian}${"00".repeat(32)}`]],
        ["pause()", [target], [0n], [module.encodeFunctionData("pause")]],
        ["extendPause(uint256)", [target], [0n], [module.encodeFunctionData("extendPause", [1n])]],
        ["setMaxPauseDuration(uint32)", [target], [0n], [module.encodeFunctionData("setMaxPauseDuration", [1n])]],
        ["empty calldata", [target], [0n], ["0x"]],
        ["a transfer after an unpause", [target, target], [0n, 0n], [unpause, transfer]],
      ];
      for (const [label, targets, values, calldatas] of cases) {
        expect(await f.governor.isGuardianProof(targets, values, calldatas), label).to.equal(false);
      }
    });
  });

  describe("attacks", function () {
    it("rejects a replayed vote signature", async function () {
      const f = await loadFixture(delegatedFixture);
      const p = await treasuryTransfer(f, "replay");
      const proposalId = await propose(f.governor, f.alice, p);
      await startVoting(f.governor, proposalId);
      const signature = await signBallot(f.governor, f.wallet, proposalId, Support.For, 0n);
      await f.governor.connect(f.carol).castVoteBySig(proposalId, Support.For, f.wallet.address, signature);
      await expect(f.governor.connect(f.carol).castVoteBySig(proposalId, Support.For, f.wallet.address, signature))
        .to.be.revertedWithCustomError(f.governor, "GovernorInvalidSignature")
        .withArgs(f.wallet.address);
    });

    it("rejects a vote signature made for another voter", async function () {
      const f = await loadFixture(delegatedFixture);
      const p = await treasuryTransfer(f, "forged voter");
      const proposalId = await propose(f.governor, f.alice, p);
      await startVoting(f.governor, proposalId);
      const signature = await signBallot(f.governor, f.wallet, proposalId, Support.For, 0n);
      await expect(f.governor.castVoteBySig(proposalId, Support.For, f.alice.address, signature))
        .to.be.revertedWithCustomError(f.governor, "GovernorInvalidSignature")
        .withArgs(f.alice.address);
    });

    it("gives no weight to tokens received after the snapshot (flash-loan style)", async function () {
      const f = await loadFixture(delegatedFixture);
      const p = await treasuryTransfer(f, "flash loan");
      const proposalId = await propose(f.governor, f.alice, p);
      await startVoting(f.governor, proposalId);
      const snapshot = await f.governor.proposalSnapshot(proposalId);
      // Alice lends all her tokens to eve after the snapshot; eve delegates to herself and votes.
      await f.token.connect(f.alice).transfer(f.eve.address, 150_000n * ATLAS);
      await f.token.connect(f.eve).delegate(f.eve.address);
      expect(await f.token.getVotes(f.eve.address)).to.equal(150_000n * ATLAS);
      await expect(f.governor.connect(f.eve).castVote(proposalId, Support.For))
        .to.be.revertedWithCustomError(f.governor, "AtlasGovernorZeroVotingPower")
        .withArgs(proposalId, f.eve.address, snapshot);
      // Alice's weight is what she held at the snapshot, counted once.
      await expect(f.governor.connect(f.alice).castVote(proposalId, Support.For))
        .to.emit(f.governor, "VoteCast")
        .withArgs(f.alice.address, proposalId, Support.For, 150_000n * ATLAS, "");
    });

    it("rejects a second vote from the same account", async function () {
      const f = await loadFixture(delegatedFixture);
      const p = await treasuryTransfer(f, "double vote");
      const proposalId = await propose(f.governor, f.alice, p);
      await startVoting(f.governor, proposalId);
      await f.governor.connect(f.alice).castVote(proposalId, Support.For);
      await expect(f.governor.connect(f.alice).castVote(proposalId, Support.Against))
        .to.be.revertedWithCustomError(f.governor, "GovernorAlreadyCastVote")
        .withArgs(f.alice.address);
    });

    it("rejects votes outside the voting window", async function () {
      const f = await loadFixture(delegatedFixture);
      const p = await treasuryTransfer(f, "window closed");
      const proposalId = await propose(f.governor, f.alice, p);
      await expect(f.governor.connect(f.alice).castVote(proposalId, Support.For))
        .to.be.revertedWithCustomError(f.governor, "GovernorUnexpectedProposalState")
        .withArgs(proposalId, ProposalState.Pending, ethers.toBeHex(1n << ProposalState.Active, 32));
    });
  });
});
