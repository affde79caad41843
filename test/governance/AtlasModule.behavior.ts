/**
 * What every AtlasModule promises about its pause (IAtlasModule, rule 13 of issue 11), run against
 * each deployed module: a pause ends by itself after the maximum duration unless governance
 * extends it, the guardian cannot pause again before its cooldown, governance sets the maximum,
 * and the module clock (`pauseState().moduleTime`) stands still while the module is paused.
 */
import { expect } from "chai";
import type { ContractTransactionResponse, Signer } from "ethers";

import { networkHelpers } from "../helpers/graph.ts";
import type { AtlasModule } from "../../types/ethers-contracts/index.js";

const { loadFixture, time } = networkHelpers;

export const DAY = 86_400n;
/** AtlasModule's DEFAULT_MAX_PAUSE_DURATION and the bounds of setMaxPauseDuration. */
export const DEFAULT_MAX_PAUSE_DURATION = 14n * DAY;
export const MIN_PAUSE_DURATION = DAY;
export const MAX_PAUSE_DURATION = 90n * DAY;

/** Enough gas for any call below: sent with it, a call is mined (at a set time) even when it reverts. */
const GAS = { gasLimit: 1_000_000n };

/** The accounts the suite acts with, on the deployed stack. */
export interface PauseActors {
  /** The timelock, impersonated. */
  readonly governance: Signer;
  /** The modules' pauser. */
  readonly guardian: Signer;
  /** The governor's proposal guardian: never the pauser. */
  readonly proposalGuardian: Signer;
  /** An account governance names guardian in the tests of setGuardian. */
  readonly newGuardian: Signer;
  readonly stranger: Signer;
}

/** A deployed module and one of its user calls that a pause stops. */
export interface PausableModule<F extends PauseActors> {
  readonly name: string;
  readonly fixture: () => Promise<F>;
  readonly module: (f: F) => AtlasModule;
  /** A call by an ordinary user that the pause stops. */
  readonly userCall: (f: F, caller: Signer) => Promise<ContractTransactionResponse>;
  /** Asserts what `call` (made by `caller`) does when the module is not paused: it gets past the pause. */
  readonly expectOpen: (f: F, call: Promise<ContractTransactionResponse>, caller: string) => Promise<void>;
}

/** IAtlasModule.PauseState as a plain object. */
interface PauseState {
  pauseEndsAt: bigint;
  guardianReadyAt: bigint;
  maxPauseDuration: bigint;
  pausedDuration: bigint;
  moduleTime: bigint;
}

async function pauseStateOf(module: AtlasModule): Promise<PauseState> {
  const s = await module.pauseState();
  return {
    pauseEndsAt: s.pauseEndsAt,
    guardianReadyAt: s.guardianReadyAt,
    maxPauseDuration: s.maxPauseDuration,
    pausedDuration: s.pausedDuration,
    moduleTime: s.moduleTime,
  };
}

async function timestampOf(tx: Promise<ContractTransactionResponse>): Promise<bigint> {
  const receipt = (await (await tx).wait())!;
  return BigInt((await receipt.getBlock()).timestamp);
}

const now = async () => BigInt(await time.latest());

export function shouldPauseForABoundedTime<F extends PauseActors>(subject: PausableModule<F>): void {
  /** The fixture, the module and the actors' addresses; the timelock impersonated again after a snapshot revert. */
  async function load() {
    const f = await loadFixture(subject.fixture);
    const governanceAddress = await f.governance.getAddress();
    await networkHelpers.impersonateAccount(governanceAddress);
    const m = subject.module(f);
    const address = {
      governance: governanceAddress,
      guardian: await f.guardian.getAddress(),
      proposalGuardian: await f.proposalGuardian.getAddress(),
      newGuardian: await f.newGuardian.getAddress(),
      stranger: await f.stranger.getAddress(),
    };
    return { f, m, address };
  }

  /** The guardian pauses; returns when. */
  async function guardianPause(f: F, m: AtlasModule): Promise<bigint> {
    return timestampOf(m.connect(f.guardian).pause());
  }

  const expectEnforcedPause = async (f: F, m: AtlasModule) =>
    expect(subject.userCall(f, f.stranger), "a user call while paused").to.be.revertedWithCustomError(
      m,
      "EnforcedPause",
    );
  const expectOpen = async (f: F) =>
    subject.expectOpen(f, subject.userCall(f, f.stranger), await f.stranger.getAddress());

  describe(`${subject.name}: a pause for a bounded time`, function () {
    describe("pause", function () {
      it("the guardian's pause stops user calls and is set to end after the maximum duration", async function () {
        const { f, m, address } = await load();
        expect(await m.DEFAULT_MAX_PAUSE_DURATION()).to.equal(DEFAULT_MAX_PAUSE_DURATION);
        const before = await now();
        expect(await pauseStateOf(m), "never paused").to.deep.equal({
          pauseEndsAt: 0n,
          guardianReadyAt: 0n,
          maxPauseDuration: DEFAULT_MAX_PAUSE_DURATION,
          pausedDuration: 0n,
          moduleTime: before,
        });

        const tx = m.connect(f.guardian).pause();
        const t0 = await timestampOf(tx);
        await expect(tx).to.emit(m, "Paused").withArgs(address.guardian);
        await expect(tx)
          .to.emit(m, "PauseEndSet")
          .withArgs(t0 + DEFAULT_MAX_PAUSE_DURATION);
        expect(await m.paused()).to.equal(true);
        expect(await pauseStateOf(m), "just paused").to.deep.equal({
          pauseEndsAt: t0 + DEFAULT_MAX_PAUSE_DURATION,
          guardianReadyAt: t0 + 2n * DEFAULT_MAX_PAUSE_DURATION,
          maxPauseDuration: DEFAULT_MAX_PAUSE_DURATION,
          pausedDuration: 0n,
          moduleTime: t0,
        });
        await expectEnforcedPause(f, m);
      });

      it("a pause ends by itself after its maximum duration", async function () {
        const { f, m } = await load();
        const t0 = await guardianPause(f, m);
        // A call is mined a second after the latest block: this one in the pause's last second.
        await time.increaseTo(t0 + DEFAULT_MAX_PAUSE_DURATION - 2n);
        await expectEnforcedPause(f, m);
        await time.increaseTo(t0 + DEFAULT_MAX_PAUSE_DURATION - 1n);
        expect(await m.paused(), "in the pause's last second").to.equal(true);
        await time.increaseTo(t0 + DEFAULT_MAX_PAUSE_DURATION);
        expect(await m.paused(), "at its end").to.equal(false);
        // Nobody acted: the guardian alone cannot hold the module longer.
        await expectOpen(f);
      });

      it("the module clock stands still while paused and runs again when the pause ends by itself", async function () {
        const { f, m } = await load();
        const t0 = await guardianPause(f, m);
        await time.increaseTo(t0 + 5n * DAY);
        expect(await pauseStateOf(m), "five days into the pause").to.deep.equal({
          pauseEndsAt: t0 + DEFAULT_MAX_PAUSE_DURATION,
          guardianReadyAt: t0 + 2n * DEFAULT_MAX_PAUSE_DURATION,
          maxPauseDuration: DEFAULT_MAX_PAUSE_DURATION,
          pausedDuration: 5n * DAY,
          moduleTime: t0,
        });
        await time.increaseTo(t0 + 20n * DAY);
        expect(await pauseStateOf(m), "six days after the pause ended").to.deep.equal({
          pauseEndsAt: t0 + DEFAULT_MAX_PAUSE_DURATION,
          guardianReadyAt: t0 + 2n * DEFAULT_MAX_PAUSE_DURATION,
          maxPauseDuration: DEFAULT_MAX_PAUSE_DURATION,
          pausedDuration: DEFAULT_MAX_PAUSE_DURATION,
          moduleTime: t0 + 6n * DAY,
        });
      });

      it("the proposal guardian and strangers cannot pause", async function () {
        const { f, m, address } = await load();
        for (const [caller, label] of [
          [f.proposalGuardian, "proposalGuardian"],
          [f.stranger, "stranger"],
        ] as const) {
          await expect(m.connect(caller).pause(), label)
            .to.be.revertedWithCustomError(m, "ModuleOnlyGuardian")
            .withArgs(address[label]);
        }
        expect(await m.paused()).to.equal(false);
      });

      it("governance pauses for the maximum duration too, without starting the guardian's cooldown", async function () {
        const { f, m, address } = await load();
        const tx = m.connect(f.governance).pause();
        const t0 = await timestampOf(tx);
        await expect(tx).to.emit(m, "Paused").withArgs(address.governance);
        await expect(tx)
          .to.emit(m, "PauseEndSet")
          .withArgs(t0 + DEFAULT_MAX_PAUSE_DURATION);
        expect((await pauseStateOf(m)).guardianReadyAt, "guardian ready at once").to.equal(0n);
      });
    });

    describe("unpause", function () {
      it("governance lifts a pause at once, and the module clock runs again", async function () {
        const { f, m, address } = await load();
        const t0 = await guardianPause(f, m);
        await time.setNextBlockTimestamp(t0 + 3n * DAY);
        await expect(m.connect(f.governance).unpause(GAS)).to.emit(m, "Unpaused").withArgs(address.governance);
        expect(await m.paused()).to.equal(false);
        expect(await pauseStateOf(m), "after the unpause").to.deep.equal({
          pauseEndsAt: t0 + 3n * DAY,
          guardianReadyAt: t0 + 2n * DEFAULT_MAX_PAUSE_DURATION,
          maxPauseDuration: DEFAULT_MAX_PAUSE_DURATION,
          pausedDuration: 3n * DAY,
          moduleTime: t0,
        });
        await time.increaseTo(t0 + 4n * DAY);
        expect((await pauseStateOf(m)).moduleTime, "a day later").to.equal(t0 + DAY);
        await expectOpen(f);
      });

      it("pauseState adds up pause, unpause, expiry and a second pause", async function () {
        const { f, m } = await load();
        const t0 = await guardianPause(f, m);
        // Governance lifts the guardian's pause after a day...
        await time.setNextBlockTimestamp(t0 + DAY);
        await m.connect(f.governance).unpause(GAS);
        // ...pauses itself a day later, and lets that pause run out (14 days).
        await time.setNextBlockTimestamp(t0 + 2n * DAY);
        await m.connect(f.governance).pause(GAS);
        await time.increaseTo(t0 + 20n * DAY);
        expect(await pauseStateOf(m), "after an unpaused pause and an expired one").to.deep.equal({
          pauseEndsAt: t0 + 16n * DAY,
          guardianReadyAt: t0 + 2n * DEFAULT_MAX_PAUSE_DURATION,
          maxPauseDuration: DEFAULT_MAX_PAUSE_DURATION,
          pausedDuration: 15n * DAY,
          moduleTime: t0 + 5n * DAY,
        });
        // The guardian pauses again once its cooldown is over.
        await time.setNextBlockTimestamp(t0 + 28n * DAY);
        await m.connect(f.guardian).pause(GAS);
        await time.increaseTo(t0 + 30n * DAY);
        expect(await pauseStateOf(m), "two days into the second guardian pause").to.deep.equal({
          pauseEndsAt: t0 + 42n * DAY,
          guardianReadyAt: t0 + 56n * DAY,
          maxPauseDuration: DEFAULT_MAX_PAUSE_DURATION,
          pausedDuration: 17n * DAY,
          moduleTime: t0 + 13n * DAY,
        });
      });

      it("does nothing when the module was never paused or its pause ended by itself, so a queued unpause still executes", async function () {
        const { f, m } = await load();
        await expect(m.connect(f.governance).unpause()).not.to.emit(m, "Unpaused");
        const t0 = await guardianPause(f, m);
        await time.increaseTo(t0 + DEFAULT_MAX_PAUSE_DURATION);
        const before = await pauseStateOf(m);
        await expect(m.connect(f.governance).unpause()).not.to.emit(m, "Unpaused");
        const after = await pauseStateOf(m);
        // The clock reads the ended pause the same way, one second later.
        expect(after).to.deep.equal({ ...before, moduleTime: before.moduleTime + 1n });
        expect(await m.paused()).to.equal(false);
      });

      it("is governance only: the pauser and the proposal guardian cannot unpause", async function () {
        const { f, m, address } = await load();
        await guardianPause(f, m);
        for (const label of ["guardian", "proposalGuardian", "stranger"] as const) {
          await expect(m.connect(f[label]).unpause(), label)
            .to.be.revertedWithCustomError(m, "ModuleOnlyGovernance")
            .withArgs(address[label]);
        }
      });
    });

    describe("extendPause", function () {
      it("governance can extend a pause beyond the maximum duration", async function () {
        const { f, m } = await load();
        const t0 = await guardianPause(f, m);
        await time.increaseTo(t0 + DAY);
        await expect(m.connect(f.governance).extendPause(t0 + 30n * DAY))
          .to.emit(m, "PauseEndSet")
          .withArgs(t0 + 30n * DAY);
        expect(await pauseStateOf(m), "extended").to.deep.equal({
          pauseEndsAt: t0 + 30n * DAY,
          guardianReadyAt: t0 + 2n * DEFAULT_MAX_PAUSE_DURATION,
          maxPauseDuration: DEFAULT_MAX_PAUSE_DURATION,
          pausedDuration: DAY + 1n,
          moduleTime: t0,
        });
        await time.increaseTo(t0 + 30n * DAY - 2n);
        await expectEnforcedPause(f, m);
        await time.increaseTo(t0 + 30n * DAY - 1n);
        expect(await m.paused(), "past the maximum duration").to.equal(true);
        await time.increaseTo(t0 + 30n * DAY);
        expect(await m.paused(), "at the new end").to.equal(false);
        expect((await pauseStateOf(m)).pausedDuration).to.equal(30n * DAY);
        await expectOpen(f);
      });

      it("governance can also end a pause sooner", async function () {
        const { f, m } = await load();
        const t0 = await guardianPause(f, m);
        await m.connect(f.governance).extendPause(t0 + 3_600n);
        await time.increaseTo(t0 + 3_600n);
        expect(await m.paused()).to.equal(false);
        expect((await pauseStateOf(m)).pausedDuration).to.equal(3_600n);
      });

      it("reverts with ModuleInvalidPauseEnd for an end not in the future or beyond uint40", async function () {
        const { f, m } = await load();
        const t0 = await guardianPause(f, m);
        // An end at the very second of the call, then one a second before it.
        for (const [at, endsAt] of [
          [t0 + DAY, t0 + DAY],
          [t0 + DAY + 2n, t0 + DAY + 1n],
        ]) {
          await time.setNextBlockTimestamp(at);
          await expect(m.connect(f.governance).extendPause(endsAt, GAS))
            .to.be.revertedWithCustomError(m, "ModuleInvalidPauseEnd")
            .withArgs(endsAt);
        }
        await expect(m.connect(f.governance).extendPause(2n ** 40n))
          .to.be.revertedWithCustomError(m, "ModuleInvalidPauseEnd")
          .withArgs(2n ** 40n);
        expect((await pauseStateOf(m)).pauseEndsAt, "unchanged").to.equal(t0 + DEFAULT_MAX_PAUSE_DURATION);
        await expect(m.connect(f.governance).extendPause(2n ** 40n - 1n))
          .to.emit(m, "PauseEndSet")
          .withArgs(2n ** 40n - 1n);
      });

      it("reverts with ExpectedPause when the module is not paused", async function () {
        const { f, m } = await load();
        await expect(m.connect(f.governance).extendPause((await now()) + DAY)).to.be.revertedWithCustomError(
          m,
          "ExpectedPause",
        );
        const t0 = await guardianPause(f, m);
        await time.increaseTo(t0 + DEFAULT_MAX_PAUSE_DURATION);
        // A pause that ended by itself cannot be revived by an extension.
        await expect(m.connect(f.governance).extendPause(t0 + 30n * DAY)).to.be.revertedWithCustomError(
          m,
          "ExpectedPause",
        );
      });

      it("is governance only: the pauser and the proposal guardian cannot prolong a pause", async function () {
        const { f, m, address } = await load();
        const t0 = await guardianPause(f, m);
        for (const label of ["guardian", "proposalGuardian", "stranger"] as const) {
          await expect(m.connect(f[label]).extendPause(t0 + 30n * DAY), label)
            .to.be.revertedWithCustomError(m, "ModuleOnlyGovernance")
            .withArgs(address[label]);
        }
        expect((await pauseStateOf(m)).pauseEndsAt).to.equal(t0 + DEFAULT_MAX_PAUSE_DURATION);
      });
    });

    describe("the guardian's cooldown", function () {
      it("the guardian cannot re-pause before its cooldown", async function () {
        const { f, m } = await load();
        const t0 = await guardianPause(f, m);
        const readyAt = t0 + 2n * DEFAULT_MAX_PAUSE_DURATION;
        // The pause ran out; the guardian tries to pause again at once, and in the cooldown's last second.
        await time.increaseTo(t0 + DEFAULT_MAX_PAUSE_DURATION);
        await expect(m.connect(f.guardian).pause())
          .to.be.revertedWithCustomError(m, "ModuleGuardianCoolingDown")
          .withArgs(readyAt);
        await time.setNextBlockTimestamp(readyAt - 1n);
        await expect(m.connect(f.guardian).pause(GAS))
          .to.be.revertedWithCustomError(m, "ModuleGuardianCoolingDown")
          .withArgs(readyAt);
        expect(await m.paused()).to.equal(false);
      });

      it("the guardian may pause again once its cooldown is over", async function () {
        const { f, m, address } = await load();
        const t0 = await guardianPause(f, m);
        const readyAt = t0 + 2n * DEFAULT_MAX_PAUSE_DURATION;
        await time.setNextBlockTimestamp(readyAt);
        const tx = m.connect(f.guardian).pause(GAS);
        await expect(tx).to.emit(m, "Paused").withArgs(address.guardian);
        await expect(tx)
          .to.emit(m, "PauseEndSet")
          .withArgs(readyAt + DEFAULT_MAX_PAUSE_DURATION);
        expect(await pauseStateOf(m)).to.deep.equal({
          pauseEndsAt: readyAt + DEFAULT_MAX_PAUSE_DURATION,
          guardianReadyAt: readyAt + 2n * DEFAULT_MAX_PAUSE_DURATION,
          maxPauseDuration: DEFAULT_MAX_PAUSE_DURATION,
          pausedDuration: DEFAULT_MAX_PAUSE_DURATION,
          moduleTime: readyAt - DEFAULT_MAX_PAUSE_DURATION,
        });
      });

      it("governance may pause during the guardian's cooldown", async function () {
        const { f, m, address } = await load();
        const t0 = await guardianPause(f, m);
        await time.setNextBlockTimestamp(t0 + 20n * DAY);
        const tx = m.connect(f.governance).pause(GAS);
        await expect(tx).to.emit(m, "Paused").withArgs(address.governance);
        await expect(tx)
          .to.emit(m, "PauseEndSet")
          .withArgs(t0 + 34n * DAY);
        expect((await pauseStateOf(m)).guardianReadyAt, "the guardian's cooldown unchanged").to.equal(
          t0 + 2n * DEFAULT_MAX_PAUSE_DURATION,
        );
      });

      it("setGuardian resets the cooldown: the new guardian may pause as soon as the pause is over", async function () {
        const { f, m, address } = await load();
        const t0 = await guardianPause(f, m);
        await expect(m.connect(f.governance).setGuardian(address.newGuardian))
          .to.emit(m, "GuardianChanged")
          .withArgs(address.guardian, address.newGuardian);
        expect((await pauseStateOf(m)).guardianReadyAt, "cooldown reset").to.equal(0n);
        await time.setNextBlockTimestamp(t0 + DEFAULT_MAX_PAUSE_DURATION);
        await expect(m.connect(f.newGuardian).pause(GAS))
          .to.emit(m, "PauseEndSet")
          .withArgs(t0 + 2n * DEFAULT_MAX_PAUSE_DURATION);
      });

      it("the former guardian cannot pause once replaced", async function () {
        const { f, m, address } = await load();
        await m.connect(f.governance).setGuardian(address.newGuardian);
        await expect(m.connect(f.guardian).pause())
          .to.be.revertedWithCustomError(m, "ModuleOnlyGuardian")
          .withArgs(address.guardian);
      });
    });

    describe("setMaxPauseDuration", function () {
      it("sets the longest pause for pauses that begin later, and the cooldown with it", async function () {
        const { f, m } = await load();
        await expect(m.connect(f.governance).setMaxPauseDuration(3n * DAY))
          .to.emit(m, "MaxPauseDurationSet")
          .withArgs(DEFAULT_MAX_PAUSE_DURATION, 3n * DAY);
        expect((await pauseStateOf(m)).maxPauseDuration).to.equal(3n * DAY);
        const tx = m.connect(f.guardian).pause();
        const t0 = await timestampOf(tx);
        await expect(tx)
          .to.emit(m, "PauseEndSet")
          .withArgs(t0 + 3n * DAY);
        expect((await pauseStateOf(m)).guardianReadyAt).to.equal(t0 + 6n * DAY);
        await time.increaseTo(t0 + 3n * DAY);
        expect(await m.paused()).to.equal(false);
      });

      it("leaves a pause in progress as it is", async function () {
        const { f, m } = await load();
        const t0 = await guardianPause(f, m);
        await m.connect(f.governance).setMaxPauseDuration(2n * DAY);
        expect((await pauseStateOf(m)).pauseEndsAt).to.equal(t0 + DEFAULT_MAX_PAUSE_DURATION);
        await time.increaseTo(t0 + 3n * DAY);
        expect(await m.paused(), "three days in").to.equal(true);
      });

      it("takes 1 to 90 days and reverts with ModuleInvalidPauseDuration outside", async function () {
        const { f, m } = await load();
        for (const duration of [0n, MIN_PAUSE_DURATION - 1n, MAX_PAUSE_DURATION + 1n, 2n ** 32n - 1n]) {
          await expect(m.connect(f.governance).setMaxPauseDuration(duration))
            .to.be.revertedWithCustomError(m, "ModuleInvalidPauseDuration")
            .withArgs(duration, MIN_PAUSE_DURATION, MAX_PAUSE_DURATION);
        }
        await expect(m.connect(f.governance).setMaxPauseDuration(MIN_PAUSE_DURATION))
          .to.emit(m, "MaxPauseDurationSet")
          .withArgs(DEFAULT_MAX_PAUSE_DURATION, MIN_PAUSE_DURATION);
        await expect(m.connect(f.governance).setMaxPauseDuration(MAX_PAUSE_DURATION))
          .to.emit(m, "MaxPauseDurationSet")
          .withArgs(MIN_PAUSE_DURATION, MAX_PAUSE_DURATION);
        expect((await pauseStateOf(m)).maxPauseDuration).to.equal(MAX_PAUSE_DURATION);
      });

      it("is governance only: the pauser and the proposal guardian cannot lengthen their reach", async function () {
        const { f, m, address } = await load();
        for (const label of ["guardian", "proposalGuardian", "stranger"] as const) {
          await expect(m.connect(f[label]).setMaxPauseDuration(MAX_PAUSE_DURATION), label)
            .to.be.revertedWithCustomError(m, "ModuleOnlyGovernance")
            .withArgs(address[label]);
        }
        expect((await pauseStateOf(m)).maxPauseDuration).to.equal(DEFAULT_MAX_PAUSE_DURATION);
      });
    });
  });
}
