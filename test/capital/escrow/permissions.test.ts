/**
 * Permission matrix of the milestone escrow and the Arbitration module: every function that only
 * some accounts may call, from every kind of account, on a state where the right caller
 * succeeds. Each cell starts from the same snapshot; a refused call must revert with the exact
 * error naming the caller.
 */
import { expect } from "chai";
import { ZeroAddress, id, type BaseContract, type ContractTransactionResponse, type Signer } from "ethers";

import {
  DAY,
  MISSION,
  REVIEW_WINDOW,
  SOUTH,
  NORTH,
  WEST,
  createEscrow,
  escrowFixture,
  ethers,
  lump,
  networkHelpers,
  now,
  stream,
  terms,
} from "./fixtures.ts";
import { impersonate } from "../../helpers/graph.ts";

const EVIDENCE = { uri: "ipfs://work", hash: id("work") };

/**
 * Escrows: 1 funded lump (index 0) and stream (index 1, started); 2 unfunded lump, its terms not
 * accepted yet; 3 funded lump past its deadline; 4 submitted lump past its review window; 5
 * disputed (dispute 1, west arbiter assigned); 6 disputed and ruled (dispute 2, in its appeal
 * window); 7 submitted lump in its review window. The contributor accepted every escrow but 2; none
 * is endorsed. Fresh implementations for the upgrade cells.
 */
async function matrixFixture() {
  const f = await escrowFixture();
  const { escrow, arbitration } = f;
  const t = await now();
  const far = t + 30n * DAY;
  await createEscrow(f, terms(f), [lump(1_000n, far), stream(600n, t, t + 60n * DAY)]);
  await escrow.connect(f.contributor).acceptEscrow(1n);
  await createEscrow(f, terms(f, { fund: false }), [lump(100n, far)]);
  await createEscrow(f, terms(f), [lump(100n, t + 3_600n)]);
  await escrow.connect(f.contributor).acceptEscrow(3n);
  await createEscrow(f, terms(f), [lump(100n, far)]);
  await escrow.connect(f.contributor).acceptEscrow(4n);
  await escrow.connect(f.contributor).submitMilestone(4n, 0n, EVIDENCE.uri, EVIDENCE.hash);
  for (const escrowId of [5n, 6n]) {
    await createEscrow(f, terms(f), [lump(100n, far)]);
    await escrow.connect(f.contributor).acceptEscrow(escrowId);
    await escrow.connect(f.contributor).submitMilestone(escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash);
    await escrow.connect(f.funder).dispute(escrowId, 0n, EVIDENCE.uri, EVIDENCE.hash);
    await arbitration.proposeArbiter(escrowId - 4n, f.arbiter.address, WEST);
  }
  await networkHelpers.time.increase(REVIEW_WINDOW + 1n);
  // Escrow 7 comes after the wait, so that its review window is still open.
  await createEscrow(f, terms(f), [lump(100n, far)]);
  await escrow.connect(f.contributor).acceptEscrow(7n);
  await escrow.connect(f.contributor).submitMilestone(7n, 0n, EVIDENCE.uri, EVIDENCE.hash);
  await arbitration.connect(f.arbiter).rule(2n, 500_000n);

  const registry = await f.registry.getAddress();
  const escrowImplementation = await ethers.deployContract("MilestoneEscrow", [
    registry,
    await f.ledger.getAddress(),
    await arbitration.getAddress(),
    await f.eas.getAddress(),
  ]);
  const arbitrationImplementation = await ethers.deployContract("Arbitration", [registry]);
  return {
    ...f,
    escrowAsCaller: await impersonate(await escrow.getAddress()),
    arbitrationAsCaller: await impersonate(await arbitration.getAddress()),
    escrowImplementation: await escrowImplementation.getAddress(),
    arbitrationImplementation: await arbitrationImplementation.getAddress(),
  };
}

type Fixture = Awaited<ReturnType<typeof matrixFixture>>;

const ACTORS = {
  "random account": (f: Fixture) => f.stranger,
  funder: (f: Fixture) => f.funder,
  contributor: (f: Fixture) => f.contributor,
  verifier: (f: Fixture) => f.verifier,
  "round arbiter": (f: Fixture) => f.arbiter,
  "other arbiter": (f: Fixture) => f.arbiter2,
  "mission manager": (f: Fixture) => f.manager,
  guardian: (f: Fixture) => f.guardian,
  governance: (f: Fixture) => f.governance,
  deployer: (f: Fixture) => f.deployer,
  "escrow contract": (f: Fixture) => f.escrowAsCaller,
  "arbitration contract": (f: Fixture) => f.arbitrationAsCaller,
} as const satisfies Record<string, (f: Fixture) => Signer>;

type Actor = keyof typeof ACTORS;

interface Cell {
  /** Who may call. */
  readonly allowed: readonly Actor[];
  readonly call: (f: Fixture, caller: Signer) => Promise<ContractTransactionResponse>;
  /** The contract whose error a refusal raises, its name and its arguments for `caller`. */
  readonly refusal: (f: Fixture, caller: string) => [BaseContract, string, unknown[]];
}

const GOVERNANCE: readonly Actor[] = ["governance"];
const PAUSERS: readonly Actor[] = ["guardian", "governance"];
const PARTIES: readonly Actor[] = ["funder", "contributor"];

const onlyGovernance =
  (contract: (f: Fixture) => BaseContract) =>
  (f: Fixture, caller: string): [BaseContract, string, unknown[]] => [contract(f), "ModuleOnlyGovernance", [caller]];

const MATRIX: Record<string, Cell> = {
  "MilestoneEscrow.setProtocolFee": {
    allowed: GOVERNANCE,
    call: (f, c) => f.escrow.connect(c).setProtocolFee(100),
    refusal: onlyGovernance((f) => f.escrow),
  },
  "MilestoneEscrow.pause": {
    allowed: PAUSERS,
    call: (f, c) => f.escrow.connect(c).pause(),
    refusal: (f, c) => [f.escrow, "ModuleOnlyGuardian", [c]],
  },
  "MilestoneEscrow.unpause": {
    allowed: GOVERNANCE,
    call: async (f, c) => {
      await f.escrow.connect(f.guardian).pause();
      return f.escrow.connect(c).unpause();
    },
    refusal: onlyGovernance((f) => f.escrow),
  },
  "MilestoneEscrow.setGuardian": {
    allowed: GOVERNANCE,
    call: (f, c) => f.escrow.connect(c).setGuardian(ZeroAddress),
    refusal: onlyGovernance((f) => f.escrow),
  },
  "MilestoneEscrow.extendPause": {
    allowed: GOVERNANCE,
    call: async (f, c) => {
      await f.escrow.connect(f.guardian).pause();
      return f.escrow.connect(c).extendPause((await now()) + 30n * DAY);
    },
    refusal: onlyGovernance((f) => f.escrow),
  },
  "MilestoneEscrow.setMaxPauseDuration": {
    allowed: GOVERNANCE,
    call: (f, c) => f.escrow.connect(c).setMaxPauseDuration(7n * DAY),
    refusal: onlyGovernance((f) => f.escrow),
  },
  "MilestoneEscrow.upgradeToAndCall": {
    allowed: GOVERNANCE,
    call: (f, c) => f.escrow.connect(c).upgradeToAndCall(f.escrowImplementation, "0x"),
    refusal: onlyGovernance((f) => f.escrow),
  },
  "MilestoneEscrow.acceptEscrow": {
    allowed: ["contributor"],
    call: (f, c) => f.escrow.connect(c).acceptEscrow(2n),
    refusal: (f, c) => [f.escrow, "EscrowOnlyContributor", [2n, c]],
  },
  "MilestoneEscrow.endorseEscrow": {
    allowed: ["mission manager"],
    call: (f, c) => f.escrow.connect(c).endorseEscrow(1n),
    refusal: (f, c) => [f.escrow, "EscrowNotMissionManager", [MISSION, c]],
  },
  "MilestoneEscrow.fundMilestone": {
    allowed: ["funder"],
    call: (f, c) => f.escrow.connect(c).fundMilestone(2n, 0n),
    refusal: (f, c) => [f.escrow, "EscrowOnlyFunder", [2n, c]],
  },
  "MilestoneEscrow.approveMilestone": {
    allowed: ["funder"],
    call: (f, c) => f.escrow.connect(c).approveMilestone(1n, 0n),
    refusal: (f, c) => [f.escrow, "EscrowOnlyFunder", [1n, c]],
  },
  "MilestoneEscrow.reclaimMilestone": {
    allowed: ["funder"],
    call: (f, c) => f.escrow.connect(c).reclaimMilestone(3n, 0n),
    refusal: (f, c) => [f.escrow, "EscrowOnlyFunder", [3n, c]],
  },
  "MilestoneEscrow.submitMilestone": {
    allowed: ["contributor"],
    call: (f, c) => f.escrow.connect(c).submitMilestone(1n, 0n, EVIDENCE.uri, EVIDENCE.hash),
    refusal: (f, c) => [f.escrow, "EscrowOnlyContributor", [1n, c]],
  },
  "MilestoneEscrow.claim": {
    allowed: ["contributor"],
    call: (f, c) => f.escrow.connect(c).claim(1n, 1n),
    refusal: (f, c) => [f.escrow, "EscrowOnlyContributor", [1n, c]],
  },
  "MilestoneEscrow.releaseOptimistic": {
    allowed: ["contributor"],
    call: (f, c) => f.escrow.connect(c).releaseOptimistic(4n, 0n),
    refusal: (f, c) => [f.escrow, "EscrowOnlyContributor", [4n, c]],
  },
  "MilestoneEscrow.cancelStream": {
    allowed: PARTIES,
    call: (f, c) => f.escrow.connect(c).cancelStream(1n, 1n),
    refusal: (f, c) => [f.escrow, "EscrowOnlyParty", [1n, c]],
  },
  "MilestoneEscrow.dispute": {
    allowed: PARTIES,
    call: (f, c) => f.escrow.connect(c).dispute(7n, 0n, EVIDENCE.uri, EVIDENCE.hash),
    refusal: (f, c) => [f.escrow, "EscrowOnlyParty", [7n, c]],
  },
  "MilestoneEscrow.onRuling": {
    allowed: ["arbitration contract"],
    call: (f, c) => f.escrow.connect(c).onRuling(1n, 500_000n),
    refusal: (f, c) => [f.escrow, "EscrowOnlyArbitration", [c]],
  },
  "Arbitration.setArbitrable": {
    allowed: GOVERNANCE,
    call: (f, c) => f.arbitration.connect(c).setArbitrable(f.stranger.address, true),
    refusal: onlyGovernance((f) => f.arbitration),
  },
  "Arbitration.setPeriods": {
    allowed: GOVERNANCE,
    call: (f, c) => f.arbitration.connect(c).setPeriods(DAY, DAY),
    refusal: onlyGovernance((f) => f.arbitration),
  },
  "Arbitration.pause": {
    allowed: PAUSERS,
    call: (f, c) => f.arbitration.connect(c).pause(),
    refusal: (f, c) => [f.arbitration, "ModuleOnlyGuardian", [c]],
  },
  "Arbitration.unpause": {
    allowed: GOVERNANCE,
    call: async (f, c) => {
      await f.arbitration.connect(f.guardian).pause();
      return f.arbitration.connect(c).unpause();
    },
    refusal: onlyGovernance((f) => f.arbitration),
  },
  "Arbitration.setGuardian": {
    allowed: GOVERNANCE,
    call: (f, c) => f.arbitration.connect(c).setGuardian(ZeroAddress),
    refusal: onlyGovernance((f) => f.arbitration),
  },
  "Arbitration.extendPause": {
    allowed: GOVERNANCE,
    call: async (f, c) => {
      await f.arbitration.connect(f.guardian).pause();
      return f.arbitration.connect(c).extendPause((await now()) + 30n * DAY);
    },
    refusal: onlyGovernance((f) => f.arbitration),
  },
  "Arbitration.setMaxPauseDuration": {
    allowed: GOVERNANCE,
    call: (f, c) => f.arbitration.connect(c).setMaxPauseDuration(7n * DAY),
    refusal: onlyGovernance((f) => f.arbitration),
  },
  "Arbitration.setFallbackArbiter": {
    allowed: GOVERNANCE,
    call: (f, c) => f.arbitration.connect(c).setFallbackArbiter(f.stranger.address, true),
    refusal: onlyGovernance((f) => f.arbitration),
  },
  "Arbitration.upgradeToAndCall": {
    allowed: GOVERNANCE,
    call: (f, c) => f.arbitration.connect(c).upgradeToAndCall(f.arbitrationImplementation, "0x"),
    refusal: onlyGovernance((f) => f.arbitration),
  },
  "Arbitration.openDispute": {
    allowed: ["escrow contract"],
    call: (f, c) =>
      f.arbitration.connect(c).openDispute({
        claimant: f.funder.address,
        respondent: f.contributor.address,
        token: f.tokenAddress,
        amount: 1n,
        claimantSovereign: NORTH,
        respondentSovereign: SOUTH,
        namedArbiter: ZeroAddress,
        evidenceURI: EVIDENCE.uri,
        evidenceHash: EVIDENCE.hash,
      }),
    refusal: (f, c) => [f.arbitration, "ArbitrationNotArbitrable", [c]],
  },
  "Arbitration.rule": {
    allowed: ["round arbiter"],
    call: (f, c) => f.arbitration.connect(c).rule(1n, 500_000n),
    refusal: (f, c) => [f.arbitration, "ArbitrationNotArbiter", [1n, c]],
  },
  "Arbitration.appeal": {
    allowed: PARTIES,
    call: (f, c) => f.arbitration.connect(c).appeal(2n),
    refusal: (f, c) => [f.arbitration, "ArbitrationNotParty", [2n, c]],
  },
  "Arbitration.submitEvidence": {
    allowed: PARTIES,
    call: (f, c) => f.arbitration.connect(c).submitEvidence(1n, EVIDENCE.uri, EVIDENCE.hash),
    refusal: (f, c) => [f.arbitration, "ArbitrationNotParty", [1n, c]],
  },
};

describe("permission matrix: milestone escrow and arbitration", function () {
  for (const [fn, cell] of Object.entries(MATRIX)) {
    describe(fn, function () {
      for (const actor of Object.keys(ACTORS) as Actor[]) {
        const allowed = cell.allowed.includes(actor);
        it(`${allowed ? "accepts" : "refuses"} the ${actor}`, async function () {
          const f = await networkHelpers.loadFixture(matrixFixture);
          const caller = ACTORS[actor](f);
          const sent = cell.call(f, caller);
          if (allowed) {
            await expect(sent).not.to.be.revert(ethers);
          } else {
            const [contract, error, args] = cell.refusal(f, await caller.getAddress());
            await expect(sent)
              .to.be.revertedWithCustomError(contract, error)
              .withArgs(...args);
          }
        });
      }
    });
  }
});
