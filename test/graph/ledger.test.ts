import { expect } from "chai";
import {
  ZeroAddress,
  ZeroHash,
  encodeBytes32String,
  getAddress,
  id,
  toBeHex,
  type ContractTransactionResponse,
  type Signer,
} from "ethers";

import { Role, attest, ethers, eventsOf, graphFixture, metadata, networkHelpers, skillData } from "../helpers/graph.ts";
import {
  ContributionLedger__factory,
  type ContributionLedger,
  type IContributionLedger,
} from "../../types/ethers-contracts/index.js";

const { loadFixture, time } = networkHelpers;

const A = 1n;
const B = 2n;
const MISSION_A = 1n;
const MISSION_B = 2n;
const EXECUTION_KIND = encodeBytes32String("execution");
const PAYOUT_KIND = encodeBytes32String("bounty-payout");
const MAX_ACCOUNTS = 64n;

const coder = ethers.AbiCoder.defaultAbiCoder();
const DEFAULT_MAX_EXECUTION_POINTS = 100n;
const MAX_POINTS_CAP = 1_000_000n;

/** The ledger an attestation names: the first two fields of both execution schemas. */
interface LedgerBinding {
  readonly chainId: bigint;
  readonly ledger: string;
}

/** An execution record's data: the `executionRecord` schema's fields, in order. */
function executionData(
  binding: LedgerBinding,
  actor: string,
  sovereignId: bigint,
  missionId: bigint,
  taskRef = id("task"),
): string {
  return coder.encode(
    ["uint256", "address", "address", "uint64", "uint64", "bytes32", "bytes32", "bytes32", "string", "bytes32"],
    [
      binding.chainId,
      binding.ledger,
      actor,
      sovereignId,
      missionId,
      taskRef,
      id("input"),
      id("output"),
      "ipfs://evidence",
      id("model"),
    ],
  );
}

/** A verification's data: the `executionVerification` schema's fields, in order. */
function verificationData(binding: LedgerBinding, approved: boolean, points: bigint, comment = "checked"): string {
  return coder.encode(
    ["uint256", "address", "bool", "uint64", "string"],
    [binding.chainId, binding.ledger, approved, points, comment],
  );
}

async function impersonate(address: string): Promise<Signer> {
  await networkHelpers.impersonateAccount(address);
  await networkHelpers.setBalance(address, ethers.parseEther("10"));
  return ethers.getSigner(address);
}

/** Decoded arguments of every `name` event `contract` emitted in `tx`, in order. */
async function timestampOf(tx: ContractTransactionResponse): Promise<bigint> {
  const receipt = (await tx.wait())!;
  return BigInt((await ethers.provider.getBlock(receipt.blockNumber))!.timestamp);
}

/**
 * Sovereign A (admin alice) with members carol and dave, agent `agent` (operated by alice) and
 * `verifier` holding the Verifier role; sovereign B (admin bob) with its own verifier
 * `foreignVerifier`; mission 1 in A and mission 2 in B; `recorder` named by governance.
 */
async function ledgerFixture() {
  const f = await graphFixture();
  const { registry, ledger, alice, bob, carol, dave, signers } = f;
  const [recorder, agent, verifier, foreignVerifier, stranger] = signers.slice(6, 11);
  const governance = await impersonate(await f.timelock.getAddress());

  await registry.connect(alice).register("alpha", metadata("alpha").uri, metadata("alpha").hash);
  await registry.connect(bob).register("beta", metadata("beta").uri, metadata("beta").hash);
  for (const member of [carol, dave, verifier]) {
    await registry.connect(alice).invite(A, member.address);
    await registry.connect(member).acceptInvitation(A);
  }
  await registry.connect(alice).grantRole(A, verifier.address, Role.Verifier);
  await registry.connect(alice).registerAgent(A, agent.address, alice.address);
  await registry.connect(bob).invite(B, foreignVerifier.address);
  await registry.connect(foreignVerifier).acceptInvitation(B);
  await registry.connect(bob).grantRole(B, foreignVerifier.address, Role.Verifier);
  await registry.connect(alice).createMission(A, 0n, metadata("mission-a").uri, metadata("mission-a").hash);
  await registry.connect(bob).createMission(B, 0n, metadata("mission-b").uri, metadata("mission-b").hash);

  await ledger.connect(governance).setRecorder(recorder.address, true);
  const binding: LedgerBinding = {
    chainId: (await ethers.provider.getNetwork()).chainId,
    ledger: await ledger.getAddress(),
  };
  const proposalGuardian = signers[17];
  return { ...f, governance, recorder, agent, verifier, foreignVerifier, stranger, proposalGuardian, binding };
}

type Ledger = Awaited<ReturnType<typeof ledgerFixture>>;

/** An outcome of A / mission 1 carrying `amount` and `points`. */
function outcome(overrides: Partial<IContributionLedger.OutcomeStruct> = {}): IContributionLedger.OutcomeStruct {
  return {
    sovereignId: A,
    missionId: MISSION_A,
    kind: PAYOUT_KIND,
    token: getAddress(toBeHex(0xe20, 20)),
    amount: 1_000n,
    points: 30n,
    evidence: id("evidence"),
    ...overrides,
  };
}

/**
 * An execution record of `actor` (attested by `attester`, default the actor) in A / mission 1,
 * naming this chain and ledger unless `binding` says otherwise.
 */
async function executionRecord(
  f: Ledger,
  actor: Signer,
  attester: Signer = actor,
  sovereignId = A,
  missionId = MISSION_A,
  binding: LedgerBinding = f.binding,
) {
  const address = await actor.getAddress();
  return attest(
    f.eas,
    attester,
    f.schemas.executionRecord,
    address,
    executionData(binding, address, sovereignId, missionId),
  );
}

/** `verifier`'s verification of `executionUID`, naming this chain and ledger unless `binding` says otherwise. */
async function verification(
  f: Ledger,
  verifier: Signer,
  executionUID: string,
  approved = true,
  points = 40n,
  binding: LedgerBinding = f.binding,
) {
  return attest(
    f.eas,
    verifier,
    f.schemas.executionVerification,
    ZeroAddress,
    verificationData(binding, approved, points),
    { refUID: executionUID },
  );
}

describe("ContributionLedger", function () {
  describe("recordContribution", function () {
    it("credits a single account the whole amount and points", async function () {
      const { ledger, recorder, carol } = await loadFixture(ledgerFixture);
      const o = outcome();
      const tx = await ledger.connect(recorder).recordContribution(o, [carol.address], [7]);
      const timestamp = await timestampOf(tx);
      expect(await eventsOf(tx, ledger, "OutcomeRecorded")).to.deep.equal([
        [1n, A, MISSION_A, o.kind, o.token, 1_000n, 30n, o.evidence, recorder.address, 1n],
      ]);
      expect(await eventsOf(tx, ledger, "ContributionRecorded")).to.deep.equal([
        [1n, carol.address, A, 1_000n, 30n, 7n, 30n, timestamp],
      ]);
      expect(await ledger.reputationOf(A, carol.address), "carol's reputation").to.equal(30n);
      expect(await ledger.outcomeCount(), "outcome count").to.equal(1n);
    });

    it("shares by weight, rounding down, with the dust to the first account", async function () {
      const { ledger, recorder, carol, dave, agent } = await loadFixture(ledgerFixture);
      const o = outcome({ amount: 100n, points: 10n });
      const accounts = [carol.address, dave.address, agent.address];
      const tx = await ledger.connect(recorder).recordContribution(o, accounts, [1, 2, 4]);
      const timestamp = await timestampOf(tx);
      // amount 100 / 7: 14, 28, 57 (99) → carol +1; points 10 / 7: 1, 2, 5 (8) → carol +2.
      expect(await eventsOf(tx, ledger, "ContributionRecorded")).to.deep.equal([
        [1n, carol.address, A, 15n, 3n, 1n, 3n, timestamp],
        [1n, dave.address, A, 28n, 2n, 2n, 2n, timestamp],
        [1n, agent.address, A, 57n, 5n, 4n, 5n, timestamp],
      ]);
      expect(await eventsOf(tx, ledger, "OutcomeRecorded")).to.deep.equal([
        [1n, A, MISSION_A, o.kind, o.token, 100n, 10n, o.evidence, recorder.address, 3n],
      ]);
      expect(await ledger.reputationOf(A, carol.address), "carol").to.equal(3n);
      expect(await ledger.reputationOf(A, dave.address), "dave").to.equal(2n);
      expect(await ledger.reputationOf(A, agent.address), "agent").to.equal(5n);
    });

    it("gives equal weights equal shares and the whole dust to the first account", async function () {
      const { ledger, recorder, carol, dave, agent } = await loadFixture(ledgerFixture);
      const tx = await ledger
        .connect(recorder)
        .recordContribution(
          outcome({ amount: 1_000n, points: 2n }),
          [carol.address, dave.address, agent.address],
          [5, 5, 5],
        );
      const shares = (await eventsOf(tx, ledger, "ContributionRecorded")).map((args) => [args[3], args[4]]);
      expect(shares).to.deep.equal([
        [334n, 2n],
        [333n, 0n],
        [333n, 0n],
      ]);
    });

    it("records points without money (no token, amount 0) and money without points", async function () {
      const { ledger, recorder, carol } = await loadFixture(ledgerFixture);
      await ledger
        .connect(recorder)
        .recordContribution(outcome({ token: ZeroAddress, amount: 0n, points: 9n }), [carol.address], [1]);
      const tx = await ledger.connect(recorder).recordContribution(outcome({ points: 0n }), [carol.address], [1]);
      expect((await eventsOf(tx, ledger, "ContributionRecorded"))[0].slice(3, 7)).to.deep.equal([1_000n, 0n, 1n, 9n]);
      expect(await ledger.reputationOf(A, carol.address)).to.equal(9n);
    });

    it("accepts an outcome without a mission (missionId 0)", async function () {
      const { ledger, recorder, carol } = await loadFixture(ledgerFixture);
      const tx = await ledger.connect(recorder).recordContribution(outcome({ missionId: 0n }), [carol.address], [1]);
      expect((await eventsOf(tx, ledger, "OutcomeRecorded"))[0][2]).to.equal(0n);
    });

    it("accumulates reputation per (sovereign, account) and numbers outcomes from 1", async function () {
      const { ledger, recorder, carol, dave } = await loadFixture(ledgerFixture);
      await ledger.connect(recorder).recordContribution(outcome({ points: 30n }), [carol.address], [1]);
      await ledger
        .connect(recorder)
        .recordContribution(outcome({ points: 12n }), [carol.address, dave.address], [1, 1]);
      const tx = await ledger
        .connect(recorder)
        .recordContribution(outcome({ sovereignId: B, missionId: MISSION_B, points: 50n }), [carol.address], [1]);
      const [[outcomeId, account, sovereignId, , points, , reputation]] = await eventsOf(
        tx,
        ledger,
        "ContributionRecorded",
      );
      expect([outcomeId, account, sovereignId, points, reputation]).to.deep.equal([3n, carol.address, B, 50n, 50n]);
      expect(await ledger.reputationOf(A, carol.address), "carol in A").to.equal(36n);
      expect(await ledger.reputationOf(A, dave.address), "dave in A").to.equal(6n);
      expect(await ledger.reputationOf(B, carol.address), "carol in B").to.equal(50n);
      expect(await ledger.reputationOf(B, dave.address), "dave in B").to.equal(0n);
      expect(await ledger.outcomeCount()).to.equal(3n);
    });

    it("reports the running reputation in each event", async function () {
      const { ledger, recorder, carol } = await loadFixture(ledgerFixture);
      await ledger.connect(recorder).recordContribution(outcome({ points: 30n }), [carol.address], [1]);
      const tx = await ledger.connect(recorder).recordContribution(outcome({ points: 5n }), [carol.address], [1]);
      expect((await eventsOf(tx, ledger, "ContributionRecorded"))[0][6]).to.equal(35n);
    });

    it("takes up to 64 accounts", async function () {
      const { ledger, recorder } = await loadFixture(ledgerFixture);
      const accounts = Array.from({ length: 64 }, (_, i) => getAddress(toBeHex(0x100 + i, 20)));
      const tx = await ledger
        .connect(recorder)
        .recordContribution(outcome({ points: 64n }), accounts, Array(64).fill(1));
      expect(await eventsOf(tx, ledger, "ContributionRecorded")).to.have.length(64);
      expect(await ledger.reputationOf(A, accounts[63])).to.equal(1n);
    });

    describe("errors", function () {
      it("rejects a caller that is not a recorder", async function () {
        const { ledger, stranger, carol } = await loadFixture(ledgerFixture);
        await expect(ledger.connect(stranger).recordContribution(outcome(), [carol.address], [1]))
          .to.be.revertedWithCustomError(ledger, "LedgerNotRecorder")
          .withArgs(stranger.address);
      });

      it("rejects a recorder that governance disallowed", async function () {
        const { ledger, governance, recorder, carol } = await loadFixture(ledgerFixture);
        await ledger.connect(governance).setRecorder(recorder.address, false);
        await expect(ledger.connect(recorder).recordContribution(outcome(), [carol.address], [1]))
          .to.be.revertedWithCustomError(ledger, "LedgerNotRecorder")
          .withArgs(recorder.address);
      });

      it("rejects 0 and 65 accounts", async function () {
        const { ledger, recorder } = await loadFixture(ledgerFixture);
        await expect(ledger.connect(recorder).recordContribution(outcome(), [], []))
          .to.be.revertedWithCustomError(ledger, "LedgerInvalidAccountCount")
          .withArgs(0n, MAX_ACCOUNTS);
        const accounts = Array.from({ length: 65 }, (_, i) => getAddress(toBeHex(0x100 + i, 20)));
        await expect(ledger.connect(recorder).recordContribution(outcome(), accounts, Array(65).fill(1)))
          .to.be.revertedWithCustomError(ledger, "LedgerInvalidAccountCount")
          .withArgs(65n, MAX_ACCOUNTS);
      });

      it("rejects accounts and weights of different lengths", async function () {
        const { ledger, recorder, carol, dave } = await loadFixture(ledgerFixture);
        await expect(ledger.connect(recorder).recordContribution(outcome(), [carol.address, dave.address], [1]))
          .to.be.revertedWithCustomError(ledger, "LedgerLengthMismatch")
          .withArgs(2n, 1n);
      });

      it("names the index of a zero account", async function () {
        const { ledger, recorder, carol } = await loadFixture(ledgerFixture);
        await expect(ledger.connect(recorder).recordContribution(outcome(), [carol.address, ZeroAddress], [1, 1]))
          .to.be.revertedWithCustomError(ledger, "LedgerZeroAccount")
          .withArgs(1n);
      });

      it("names the index of a zero weight", async function () {
        const { ledger, recorder, carol, dave } = await loadFixture(ledgerFixture);
        await expect(
          ledger
            .connect(recorder)
            .recordContribution(outcome(), [carol.address, dave.address, carol.address], [3, 1, 0]),
        )
          .to.be.revertedWithCustomError(ledger, "LedgerZeroWeight")
          .withArgs(2n);
      });

      it("rejects an outcome with neither amount nor points", async function () {
        const { ledger, recorder, carol } = await loadFixture(ledgerFixture);
        await expect(
          ledger.connect(recorder).recordContribution(outcome({ amount: 0n, points: 0n }), [carol.address], [1]),
        ).to.be.revertedWithCustomError(ledger, "LedgerEmptyOutcome");
      });

      it("rejects an unknown sovereign", async function () {
        const { ledger, recorder, carol } = await loadFixture(ledgerFixture);
        await expect(
          ledger
            .connect(recorder)
            .recordContribution(outcome({ sovereignId: 99n, missionId: 0n }), [carol.address], [1]),
        )
          .to.be.revertedWithCustomError(ledger, "LedgerInactiveSovereign")
          .withArgs(99n);
      });

      it("rejects a suspended sovereign", async function () {
        const { ledger, registry, governance, recorder, carol } = await loadFixture(ledgerFixture);
        await registry.connect(governance).suspendSovereign(A);
        await expect(ledger.connect(recorder).recordContribution(outcome(), [carol.address], [1]))
          .to.be.revertedWithCustomError(ledger, "LedgerInactiveSovereign")
          .withArgs(A);
      });

      it("rejects a mission of another sovereign", async function () {
        const { ledger, recorder, carol } = await loadFixture(ledgerFixture);
        await expect(
          ledger.connect(recorder).recordContribution(outcome({ missionId: MISSION_B }), [carol.address], [1]),
        )
          .to.be.revertedWithCustomError(ledger, "LedgerMissionNotInSovereign")
          .withArgs(MISSION_B, A);
      });

      it("passes on the registry's error for an unknown mission", async function () {
        const { ledger, registry, recorder, carol } = await loadFixture(ledgerFixture);
        await expect(ledger.connect(recorder).recordContribution(outcome({ missionId: 99n }), [carol.address], [1]))
          .to.be.revertedWithCustomError(registry, "RegistryUnknownMission")
          .withArgs(99n);
      });

      it("rejects recording while paused", async function () {
        const { ledger, guardian, recorder, carol } = await loadFixture(ledgerFixture);
        await ledger.connect(guardian).pause();
        await expect(
          ledger.connect(recorder).recordContribution(outcome(), [carol.address], [1]),
        ).to.be.revertedWithCustomError(ledger, "EnforcedPause");
      });
    });
  });

  describe("recordVerifiedExecution", function () {
    it("an execution record by an agent member, validated by a verifier's attestation, leads to a recorded contribution", async function () {
      const f = await loadFixture(ledgerFixture);
      const { ledger, agent, verifier, stranger } = f;
      const executionUID = await executionRecord(f, agent);
      const verificationUID = await verification(f, verifier, executionUID, true, 40n);

      const tx = await ledger.connect(stranger).recordVerifiedExecution(executionUID, verificationUID);
      const timestamp = await timestampOf(tx);
      expect(await eventsOf(tx, ledger, "ExecutionRecorded")).to.deep.equal([
        [executionUID, verificationUID, 1n, agent.address, verifier.address],
      ]);
      expect(await eventsOf(tx, ledger, "OutcomeRecorded")).to.deep.equal([
        [1n, A, MISSION_A, EXECUTION_KIND, ZeroAddress, 0n, 40n, verificationUID, stranger.address, 1n],
      ]);
      expect(await eventsOf(tx, ledger, "ContributionRecorded")).to.deep.equal([
        [1n, agent.address, A, 0n, 40n, 1n, 40n, timestamp],
      ]);
      expect(await ledger.reputationOf(A, agent.address), "agent's reputation").to.equal(40n);
      expect(await ledger.executionOutcome(executionUID), "execution's outcome").to.equal(1n);
      expect(await ledger.outcomeCount()).to.equal(1n);
    });

    it("adds to the reputation the actor already has and works for a human member too", async function () {
      const f = await loadFixture(ledgerFixture);
      const { ledger, recorder, carol, verifier } = f;
      await ledger.connect(recorder).recordContribution(outcome({ points: 5n }), [carol.address], [1]);
      const executionUID = await executionRecord(f, carol);
      await ledger.recordVerifiedExecution(executionUID, await verification(f, verifier, executionUID, true, 7n));
      expect(await ledger.reputationOf(A, carol.address)).to.equal(12n);
      expect(await ledger.executionOutcome(executionUID)).to.equal(2n);
    });

    describe("errors", function () {
      it("rejects an unknown execution record", async function () {
        const f = await loadFixture(ledgerFixture);
        const { ledger, agent, verifier, schemas } = f;
        const verificationUID = await verification(f, verifier, await executionRecord(f, agent));
        const unknown = id("no such record");
        await expect(f.ledger.recordVerifiedExecution(unknown, verificationUID))
          .to.be.revertedWithCustomError(ledger, "LedgerInvalidAttestation")
          .withArgs(unknown, schemas.executionRecord);
      });

      it("rejects an execution record of another schema", async function () {
        const f = await loadFixture(ledgerFixture);
        const { ledger, eas, agent, verifier, schemas } = f;
        const skill = await attest(eas, agent, schemas.skillCredential, agent.address, skillData("ops", 1));
        const verificationUID = await verification(f, verifier, skill);
        await expect(ledger.recordVerifiedExecution(skill, verificationUID))
          .to.be.revertedWithCustomError(ledger, "LedgerInvalidAttestation")
          .withArgs(skill, schemas.executionRecord);
      });

      it("rejects a revoked execution record", async function () {
        const f = await loadFixture(ledgerFixture);
        const { ledger, eas, agent, verifier, schemas } = f;
        const executionUID = await executionRecord(f, agent);
        const verificationUID = await verification(f, verifier, executionUID);
        await eas.connect(agent).revoke({ schema: schemas.executionRecord, data: { uid: executionUID, value: 0n } });
        await expect(ledger.recordVerifiedExecution(executionUID, verificationUID))
          .to.be.revertedWithCustomError(ledger, "LedgerInvalidAttestation")
          .withArgs(executionUID, schemas.executionRecord);
      });

      it("rejects an expired execution record", async function () {
        const f = await loadFixture(ledgerFixture);
        const { ledger, eas, agent, verifier, schemas } = f;
        const expiration = BigInt(await time.latest()) + 3_600n;
        const executionUID = await attest(
          eas,
          agent,
          schemas.executionRecord,
          agent.address,
          executionData(f.binding, agent.address, A, MISSION_A),
          { expirationTime: expiration },
        );
        const verificationUID = await verification(f, verifier, executionUID);
        await time.increaseTo(expiration);
        await expect(ledger.recordVerifiedExecution(executionUID, verificationUID))
          .to.be.revertedWithCustomError(ledger, "LedgerInvalidAttestation")
          .withArgs(executionUID, schemas.executionRecord);
      });

      it("names malformed data in either attestation (EAS does not check data against the schema)", async function () {
        const f = await loadFixture(ledgerFixture);
        const { ledger, eas, agent, verifier, schemas } = f;
        const word = (value: bigint) => coder.encode(["uint256"], [value]);
        // Every attestation names this chain and ledger first.
        const words = (...values: bigint[]) =>
          `0x${[f.binding.chainId, BigInt(f.binding.ledger), ...values].map((v) => word(v).slice(2)).join("")}`;
        const actor = BigInt(agent.address);
        // Too short for the execution record's head; an actor word above 160 bits; a mission above 64.
        for (const data of [
          words(actor, A, MISSION_A),
          words(actor | (1n << 160n), A, MISSION_A, 0n, 0n, 0n, 0x140n, 0n, 0n),
          words(actor, A, 1n << 64n, 0n, 0n, 0n, 0x140n, 0n, 0n),
        ]) {
          const executionUID = await attest(eas, agent, schemas.executionRecord, agent.address, data);
          await expect(ledger.recordVerifiedExecution(executionUID, await verification(f, verifier, executionUID)))
            .to.be.revertedWithCustomError(ledger, "LedgerInvalidAttestation")
            .withArgs(executionUID, schemas.executionRecord);
        }
        // A verification too short, with a bool word of 2, or with points above 64 bits.
        const executionUID = await executionRecord(f, agent);
        for (const data of [words(1n, 40n), words(2n, 40n, 0xa0n, 0n), words(1n, 1n << 64n, 0xa0n, 0n)]) {
          const verificationUID = await attest(eas, verifier, schemas.executionVerification, ZeroAddress, data, {
            refUID: executionUID,
          });
          await expect(ledger.recordVerifiedExecution(executionUID, verificationUID))
            .to.be.revertedWithCustomError(ledger, "LedgerInvalidAttestation")
            .withArgs(verificationUID, schemas.executionVerification);
        }
      });

      it("rejects an unknown, mis-schemed or revoked verification", async function () {
        const f = await loadFixture(ledgerFixture);
        const { ledger, eas, agent, verifier, schemas } = f;
        const executionUID = await executionRecord(f, agent);
        const unknown = id("no such verification");
        await expect(ledger.recordVerifiedExecution(executionUID, unknown))
          .to.be.revertedWithCustomError(ledger, "LedgerInvalidAttestation")
          .withArgs(unknown, schemas.executionVerification);
        // A second execution record in the verification's place: right reference, wrong schema.
        const misSchemed = await attest(
          eas,
          verifier,
          schemas.executionRecord,
          agent.address,
          executionData(f.binding, agent.address, A, MISSION_A),
          {
            refUID: executionUID,
          },
        );
        await expect(ledger.recordVerifiedExecution(executionUID, misSchemed))
          .to.be.revertedWithCustomError(ledger, "LedgerInvalidAttestation")
          .withArgs(misSchemed, schemas.executionVerification);
        const revoked = await verification(f, verifier, executionUID);
        await eas
          .connect(verifier)
          .revoke({ schema: schemas.executionVerification, data: { uid: revoked, value: 0n } });
        await expect(ledger.recordVerifiedExecution(executionUID, revoked))
          .to.be.revertedWithCustomError(ledger, "LedgerInvalidAttestation")
          .withArgs(revoked, schemas.executionVerification);
      });

      it("rejects a record attested by someone other than its actor", async function () {
        const f = await loadFixture(ledgerFixture);
        const { ledger, agent, carol, verifier } = f;
        const executionUID = await executionRecord(f, agent, carol);
        const verificationUID = await verification(f, verifier, executionUID);
        await expect(ledger.recordVerifiedExecution(executionUID, verificationUID))
          .to.be.revertedWithCustomError(ledger, "LedgerActorNotAttester")
          .withArgs(agent.address, carol.address);
      });

      it("rejects an actor that is not a member of the record's sovereign", async function () {
        const f = await loadFixture(ledgerFixture);
        const { ledger, stranger, verifier } = f;
        const executionUID = await executionRecord(f, stranger);
        const verificationUID = await verification(f, verifier, executionUID);
        await expect(ledger.recordVerifiedExecution(executionUID, verificationUID))
          .to.be.revertedWithCustomError(ledger, "LedgerActorNotMember")
          .withArgs(A, stranger.address);
      });

      it("checks membership when recording: an actor removed after attesting is rejected", async function () {
        const f = await loadFixture(ledgerFixture);
        const { ledger, registry, alice, carol, verifier } = f;
        const executionUID = await executionRecord(f, carol);
        const verificationUID = await verification(f, verifier, executionUID);
        await registry.connect(alice).removeMember(A, carol.address);
        await expect(ledger.recordVerifiedExecution(executionUID, verificationUID))
          .to.be.revertedWithCustomError(ledger, "LedgerActorNotMember")
          .withArgs(A, carol.address);
      });

      it("rejects a verification that refers to another record", async function () {
        const f = await loadFixture(ledgerFixture);
        const { ledger, agent, carol, verifier } = f;
        const executionUID = await executionRecord(f, agent);
        const otherUID = await executionRecord(f, carol);
        const verificationUID = await verification(f, verifier, otherUID);
        await expect(ledger.recordVerifiedExecution(executionUID, verificationUID))
          .to.be.revertedWithCustomError(ledger, "LedgerVerificationMismatch")
          .withArgs(verificationUID, executionUID);
      });

      it("rejects a verifier without the Verifier role in the record's sovereign", async function () {
        const f = await loadFixture(ledgerFixture);
        const { ledger, agent, dave, foreignVerifier } = f;
        const executionUID = await executionRecord(f, agent);
        for (const notVerifier of [dave, foreignVerifier]) {
          const verificationUID = await verification(f, notVerifier, executionUID);
          await expect(ledger.recordVerifiedExecution(executionUID, verificationUID))
            .to.be.revertedWithCustomError(ledger, "LedgerNotVerifier")
            .withArgs(A, notVerifier.address);
        }
      });

      it("rejects a verifier verifying its own record, even with the Verifier role", async function () {
        const f = await loadFixture(ledgerFixture);
        const { ledger, registry, alice, agent } = f;
        await registry.connect(alice).grantRole(A, agent.address, Role.Verifier);
        const executionUID = await executionRecord(f, agent);
        const verificationUID = await verification(f, agent, executionUID);
        await expect(ledger.recordVerifiedExecution(executionUID, verificationUID))
          .to.be.revertedWithCustomError(ledger, "LedgerNotVerifier")
          .withArgs(A, agent.address);
      });

      it("rejects a verification that does not approve", async function () {
        const f = await loadFixture(ledgerFixture);
        const { ledger, agent, verifier } = f;
        const executionUID = await executionRecord(f, agent);
        const verificationUID = await verification(f, verifier, executionUID, false, 40n);
        await expect(ledger.recordVerifiedExecution(executionUID, verificationUID))
          .to.be.revertedWithCustomError(ledger, "LedgerExecutionRejected")
          .withArgs(executionUID);
      });

      it("records each execution once, whatever verification is offered the second time", async function () {
        const f = await loadFixture(ledgerFixture);
        const { ledger, agent, verifier } = f;
        const executionUID = await executionRecord(f, agent);
        await ledger.recordVerifiedExecution(executionUID, await verification(f, verifier, executionUID));
        const second = await verification(f, verifier, executionUID, true, 99n);
        await expect(ledger.recordVerifiedExecution(executionUID, second))
          .to.be.revertedWithCustomError(ledger, "LedgerExecutionAlreadyRecorded")
          .withArgs(executionUID);
        expect(await ledger.reputationOf(A, agent.address)).to.equal(40n);
      });

      it("rejects a record whose sovereign is suspended", async function () {
        const f = await loadFixture(ledgerFixture);
        const { ledger, registry, governance, agent, verifier } = f;
        const executionUID = await executionRecord(f, agent);
        const verificationUID = await verification(f, verifier, executionUID);
        await registry.connect(governance).suspendSovereign(A);
        await expect(ledger.recordVerifiedExecution(executionUID, verificationUID))
          .to.be.revertedWithCustomError(ledger, "LedgerInactiveSovereign")
          .withArgs(A);
      });

      it("rejects recording while paused", async function () {
        const f = await loadFixture(ledgerFixture);
        const { ledger, guardian, agent, verifier } = f;
        const executionUID = await executionRecord(f, agent);
        const verificationUID = await verification(f, verifier, executionUID);
        await ledger.connect(guardian).pause();
        await expect(ledger.recordVerifiedExecution(executionUID, verificationUID)).to.be.revertedWithCustomError(
          ledger,
          "EnforcedPause",
        );
      });
    });
  });

  describe("recordVerifiedExecution: the attestations name this ledger", function () {
    /** A second ledger on the same chain, EAS, schemas and registry: another deployment. */
    async function otherDeployment(f: Ledger): Promise<ContributionLedger> {
      const implementation = await ethers.deployContract("ContributionLedger", [await f.eas.getAddress()]);
      const init = implementation.interface.encodeFunctionData("initialize", [
        f.deployer.address,
        f.guardian.address,
        await f.registry.getAddress(),
        f.schemas.executionRecord,
        f.schemas.executionVerification,
      ]);
      const proxy = await ethers.deployContract("ERC1967Proxy", [await implementation.getAddress(), init]);
      return ContributionLedger__factory.connect(await proxy.getAddress(), f.deployer);
    }

    it("an execution record attested for another ledger cannot be recorded here", async function () {
      const f = await loadFixture(ledgerFixture);
      const { ledger, agent, verifier } = f;
      const other = await otherDeployment(f);
      const otherBinding = { chainId: f.binding.chainId, ledger: await other.getAddress() };
      // The agent and the verifier attest a pair for the other deployment, which records it...
      const executionUID = await executionRecord(f, agent, agent, A, MISSION_A, otherBinding);
      const verificationUID = await verification(f, verifier, executionUID, true, 40n, otherBinding);
      await expect(other.recordVerifiedExecution(executionUID, verificationUID))
        .to.emit(other, "ExecutionRecorded")
        .withArgs(executionUID, verificationUID, 1n, agent.address, verifier.address);
      expect(await other.reputationOf(A, agent.address), "reputation in the other deployment").to.equal(40n);

      // ...and the same pair replayed here is refused: it names the other ledger.
      await expect(ledger.recordVerifiedExecution(executionUID, verificationUID))
        .to.be.revertedWithCustomError(ledger, "LedgerAttestationForOtherLedger")
        .withArgs(executionUID, f.binding.chainId, await other.getAddress());
      expect(await ledger.reputationOf(A, agent.address), "no reputation here").to.equal(0n);
      expect(await ledger.executionOutcome(executionUID), "not recorded here").to.equal(0n);
    });

    it("refuses an execution record naming another chain", async function () {
      const f = await loadFixture(ledgerFixture);
      const { ledger, agent, verifier } = f;
      for (const chainId of [1n, f.binding.chainId + 1n, 2n ** 256n - 1n]) {
        const executionUID = await executionRecord(f, agent, agent, A, MISSION_A, {
          chainId,
          ledger: f.binding.ledger,
        });
        const verificationUID = await verification(f, verifier, executionUID);
        await expect(ledger.recordVerifiedExecution(executionUID, verificationUID))
          .to.be.revertedWithCustomError(ledger, "LedgerAttestationForOtherLedger")
          .withArgs(executionUID, chainId, f.binding.ledger);
      }
    });

    it("refuses a verification naming another ledger or another chain", async function () {
      const f = await loadFixture(ledgerFixture);
      const { ledger, agent, verifier } = f;
      const other = await (await otherDeployment(f)).getAddress();
      const executionUID = await executionRecord(f, agent);
      for (const binding of [
        { chainId: f.binding.chainId, ledger: other },
        { chainId: 10n, ledger: f.binding.ledger },
      ]) {
        const verificationUID = await verification(f, verifier, executionUID, true, 40n, binding);
        await expect(ledger.recordVerifiedExecution(executionUID, verificationUID))
          .to.be.revertedWithCustomError(ledger, "LedgerAttestationForOtherLedger")
          .withArgs(verificationUID, binding.chainId, binding.ledger);
      }
      // The verification made for this ledger records the same execution record.
      const verificationUID = await verification(f, verifier, executionUID);
      await expect(ledger.recordVerifiedExecution(executionUID, verificationUID))
        .to.emit(ledger, "ExecutionRecorded")
        .withArgs(executionUID, verificationUID, 1n, agent.address, verifier.address);
    });

    it("refuses a ledger word above 160 bits, naming the address it truncates to", async function () {
      const f = await loadFixture(ledgerFixture);
      const { ledger, eas, agent, verifier, schemas } = f;
      const word = (value: bigint) => coder.encode(["uint256"], [value]).slice(2);
      const dirty = BigInt(f.binding.ledger) | (1n << 160n);
      const valid = executionData(f.binding, agent.address, A, MISSION_A);
      // The valid data with its second word (the ledger) given a bit above the address.
      const data = `0x${valid.slice(2, 66)}${word(dirty)}${valid.slice(130)}`;
      const executionUID = await attest(eas, agent, schemas.executionRecord, agent.address, data);
      await expect(ledger.recordVerifiedExecution(executionUID, await verification(f, verifier, executionUID)))
        .to.be.revertedWithCustomError(ledger, "LedgerAttestationForOtherLedger")
        .withArgs(executionUID, f.binding.chainId, f.binding.ledger);
    });
  });

  describe("recordVerifiedExecution: the points cap", function () {
    it("a verifier's points above the cap are refused", async function () {
      const f = await loadFixture(ledgerFixture);
      const { ledger, agent, verifier } = f;
      // A verifier trying to mint a large reputation with one attestation.
      for (const points of [2n ** 64n - 1n, 1_000_000n, DEFAULT_MAX_EXECUTION_POINTS + 1n]) {
        const executionUID = await executionRecord(f, agent);
        const verificationUID = await verification(f, verifier, executionUID, true, points);
        await expect(ledger.recordVerifiedExecution(executionUID, verificationUID))
          .to.be.revertedWithCustomError(ledger, "LedgerPointsAboveCap")
          .withArgs(points, DEFAULT_MAX_EXECUTION_POINTS);
      }
      expect(await ledger.reputationOf(A, agent.address), "nothing minted").to.equal(0n);
    });

    it("accepts exactly the cap, 100 points by default", async function () {
      const f = await loadFixture(ledgerFixture);
      const { ledger, agent, verifier } = f;
      expect(await ledger.DEFAULT_MAX_EXECUTION_POINTS()).to.equal(DEFAULT_MAX_EXECUTION_POINTS);
      expect(await ledger.maxExecutionPoints()).to.equal(DEFAULT_MAX_EXECUTION_POINTS);
      const executionUID = await executionRecord(f, agent);
      const verificationUID = await verification(f, verifier, executionUID, true, DEFAULT_MAX_EXECUTION_POINTS);
      const tx = await ledger.recordVerifiedExecution(executionUID, verificationUID);
      expect(await eventsOf(tx, ledger, "ContributionRecorded")).to.deep.equal([
        [1n, agent.address, A, 0n, 100n, 1n, 100n, await timestampOf(tx)],
      ]);
    });

    it("applies the cap in force when recording: lowering it refuses a verification attested before", async function () {
      const f = await loadFixture(ledgerFixture);
      const { ledger, governance, agent, verifier } = f;
      const executionUID = await executionRecord(f, agent);
      const verificationUID = await verification(f, verifier, executionUID, true, 80n);
      await ledger.connect(governance).setMaxExecutionPoints(50n);
      await expect(ledger.recordVerifiedExecution(executionUID, verificationUID))
        .to.be.revertedWithCustomError(ledger, "LedgerPointsAboveCap")
        .withArgs(80n, 50n);
      await ledger.connect(governance).setMaxExecutionPoints(80n);
      await ledger.recordVerifiedExecution(executionUID, verificationUID);
      expect(await ledger.reputationOf(A, agent.address)).to.equal(80n);
    });

    it("checks approval before the cap: a rejection above the cap is a rejection", async function () {
      const f = await loadFixture(ledgerFixture);
      const { ledger, agent, verifier } = f;
      const executionUID = await executionRecord(f, agent);
      const verificationUID = await verification(f, verifier, executionUID, false, 1_000n);
      await expect(ledger.recordVerifiedExecution(executionUID, verificationUID))
        .to.be.revertedWithCustomError(ledger, "LedgerExecutionRejected")
        .withArgs(executionUID);
    });
  });

  describe("setMaxExecutionPoints", function () {
    it("sets the cap, emitting MaxExecutionPointsSet with the previous one", async function () {
      const f = await loadFixture(ledgerFixture);
      const { ledger, governance, agent, verifier } = f;
      await expect(ledger.connect(governance).setMaxExecutionPoints(250n))
        .to.emit(ledger, "MaxExecutionPointsSet")
        .withArgs(DEFAULT_MAX_EXECUTION_POINTS, 250n);
      expect(await ledger.maxExecutionPoints()).to.equal(250n);
      const over = await executionRecord(f, agent);
      await expect(ledger.recordVerifiedExecution(over, await verification(f, verifier, over, true, 251n)))
        .to.be.revertedWithCustomError(ledger, "LedgerPointsAboveCap")
        .withArgs(251n, 250n);
      const at = await executionRecord(f, agent);
      await ledger.recordVerifiedExecution(at, await verification(f, verifier, at, true, 250n));
      expect(await ledger.reputationOf(A, agent.address)).to.equal(250n);
      await expect(ledger.connect(governance).setMaxExecutionPoints(7n))
        .to.emit(ledger, "MaxExecutionPointsSet")
        .withArgs(250n, 7n);
    });

    it("takes 1 to 1,000,000 and reverts with LedgerInvalidPointsCap outside", async function () {
      const { ledger, governance } = await loadFixture(ledgerFixture);
      for (const cap of [0n, MAX_POINTS_CAP + 1n, 2n ** 64n - 1n]) {
        await expect(ledger.connect(governance).setMaxExecutionPoints(cap))
          .to.be.revertedWithCustomError(ledger, "LedgerInvalidPointsCap")
          .withArgs(cap, MAX_POINTS_CAP);
      }
      await expect(ledger.connect(governance).setMaxExecutionPoints(1n))
        .to.emit(ledger, "MaxExecutionPointsSet")
        .withArgs(DEFAULT_MAX_EXECUTION_POINTS, 1n);
      await expect(ledger.connect(governance).setMaxExecutionPoints(MAX_POINTS_CAP))
        .to.emit(ledger, "MaxExecutionPointsSet")
        .withArgs(1n, MAX_POINTS_CAP);
      expect(await ledger.maxExecutionPoints()).to.equal(MAX_POINTS_CAP);
    });

    it("is governance only: the pauser, the proposal guardian, a verifier and a sovereign admin are rejected", async function () {
      const { ledger, guardian, proposalGuardian, verifier, alice } = await loadFixture(ledgerFixture);
      for (const caller of [guardian, proposalGuardian, verifier, alice]) {
        await expect(ledger.connect(caller).setMaxExecutionPoints(1_000n))
          .to.be.revertedWithCustomError(ledger, "ModuleOnlyGovernance")
          .withArgs(caller.address);
      }
      expect(await ledger.maxExecutionPoints()).to.equal(DEFAULT_MAX_EXECUTION_POINTS);
    });
  });

  describe("setRecorder", function () {
    it("allows and disallows a recorder, emitting RecorderSet", async function () {
      const { ledger, governance, stranger } = await loadFixture(ledgerFixture);
      await expect(ledger.connect(governance).setRecorder(stranger.address, true))
        .to.emit(ledger, "RecorderSet")
        .withArgs(stranger.address, true);
      expect(await ledger.isRecorder(stranger.address)).to.equal(true);
      await expect(ledger.connect(governance).setRecorder(stranger.address, false))
        .to.emit(ledger, "RecorderSet")
        .withArgs(stranger.address, false);
      expect(await ledger.isRecorder(stranger.address)).to.equal(false);
    });

    it("rejects the zero address", async function () {
      const { ledger, governance } = await loadFixture(ledgerFixture);
      await expect(ledger.connect(governance).setRecorder(ZeroAddress, true)).to.be.revertedWithCustomError(
        ledger,
        "LedgerZeroRecorder",
      );
    });

    it("is governance only", async function () {
      const { ledger, alice, guardian, stranger } = await loadFixture(ledgerFixture);
      for (const caller of [alice, guardian]) {
        await expect(ledger.connect(caller).setRecorder(stranger.address, true))
          .to.be.revertedWithCustomError(ledger, "ModuleOnlyGovernance")
          .withArgs(caller.address);
      }
    });
  });

  describe("setExecutionSchemas", function () {
    it("sets both schemas, emitting ExecutionSchemasSet", async function () {
      const { ledger, governance } = await loadFixture(ledgerFixture);
      const [record, check] = [id("record schema v2"), id("verification schema v2")];
      await expect(ledger.connect(governance).setExecutionSchemas(record, check))
        .to.emit(ledger, "ExecutionSchemasSet")
        .withArgs(record, check);
      expect(await ledger.executionSchemas()).to.deep.equal([record, check]);
    });

    it("makes records of the previous schema invalid", async function () {
      const f = await loadFixture(ledgerFixture);
      const { ledger, governance, agent, verifier, schemas } = f;
      const executionUID = await executionRecord(f, agent);
      const verificationUID = await verification(f, verifier, executionUID);
      const record = id("record schema v2");
      await ledger.connect(governance).setExecutionSchemas(record, schemas.executionVerification);
      await expect(ledger.recordVerifiedExecution(executionUID, verificationUID))
        .to.be.revertedWithCustomError(ledger, "LedgerInvalidAttestation")
        .withArgs(executionUID, record);
    });

    it("is governance only", async function () {
      const { ledger, alice } = await loadFixture(ledgerFixture);
      await expect(ledger.connect(alice).setExecutionSchemas(ZeroHash, ZeroHash))
        .to.be.revertedWithCustomError(ledger, "ModuleOnlyGovernance")
        .withArgs(alice.address);
    });
  });

  describe("views", function () {
    it("report the deployment's configuration and an empty ledger", async function () {
      const { ledger, registry, timelock, guardian, schemas, recorder, carol } = await loadFixture(ledgerFixture);
      expect(await ledger.registry()).to.equal(await registry.getAddress());
      expect(await ledger.executionSchemas()).to.deep.equal([schemas.executionRecord, schemas.executionVerification]);
      expect(await ledger.maxAccountsPerOutcome()).to.equal(MAX_ACCOUNTS);
      expect(await ledger.EXECUTION_KIND()).to.equal(EXECUTION_KIND);
      expect(await ledger.governance()).to.equal(await timelock.getAddress());
      expect(await ledger.guardian()).to.equal(guardian.address);
      expect(await ledger.outcomeCount()).to.equal(0n);
      expect(await ledger.isRecorder(recorder.address)).to.equal(true);
      expect(await ledger.isRecorder(carol.address)).to.equal(false);
      expect(await ledger.reputationOf(A, carol.address)).to.equal(0n);
      expect(await ledger.executionOutcome(id("anything"))).to.equal(0n);
    });
  });
});
