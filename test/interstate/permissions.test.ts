/**
 * Permission matrix of the Arbitration module on its own (a MockArbitrable as the deal-holding
 * module): every function, from every kind of account, on a state where the right caller
 * succeeds. Each cell starts from the same snapshot; an allowed call must emit the function's
 * event, a refused one must revert with the function's own error naming the caller. The public
 * entry points (drawing into an empty round, a fallback arbiter included, finalizing) are in the
 * matrix too, allowed to all.
 */
import { expect } from "chai";
import { ZeroAddress, id, type BaseContract, type ContractTransactionResponse, type Signer } from "ethers";

import type { IArbitration } from "../../types/ethers-contracts/index.js";
import {
  APPEAL_WINDOW,
  DAY,
  NORTH,
  SOUTH,
  WEST,
  escrowFixture,
  ethers,
  networkHelpers,
  now,
} from "../capital/escrow/fixtures.ts";
import { impersonate } from "../helpers/graph.ts";

const EVIDENCE = { uri: "ipfs://claim", hash: id("claim") };

/**
 * Disputes of funder (claimant, north) against contributor (respondent, south), all opened by a
 * MockArbitrable: 1 ruled, its appeal window closed (finalizable); 2 with the west `arbiter` drawn
 * by a keeper (not the claimant: the claimant may replace it); 3 ruled by `arbiter`, in its appeal
 * window (an even ruling: whoever appeals first moves round 2); 4 without an arbiter. A fresh
 * implementation for the upgrade cell, and a pause end for the extendPause cell.
 */
async function matrixFixture() {
  const f = await escrowFixture();
  const arbitrable = await ethers.deployContract("MockArbitrable", [await f.arbitration.getAddress()]);
  const arbitrableAddress = await arbitrable.getAddress();
  await f.arbitration.connect(f.governance).setArbitrable(arbitrableAddress, true);
  const keeper = f.verifier;
  const params: IArbitration.DisputeParamsStruct = {
    claimant: f.funder.address,
    respondent: f.contributor.address,
    token: f.tokenAddress,
    amount: 1_000n,
    claimantSovereign: NORTH,
    respondentSovereign: SOUTH,
    namedArbiter: ZeroAddress,
    evidenceURI: EVIDENCE.uri,
    evidenceHash: EVIDENCE.hash,
  };
  const open = () => arbitrable.getFunction("open")(params);

  await open();
  await f.arbitration.connect(keeper).proposeArbiter(1n, f.arbiter.address, WEST);
  await f.arbitration.connect(f.arbiter).rule(1n, 250_000n);
  await networkHelpers.time.increase(APPEAL_WINDOW + 1n);
  for (let i = 0; i < 3; ++i) await open();
  await f.arbitration.connect(keeper).proposeArbiter(2n, f.arbiter.address, WEST);
  await f.arbitration.connect(keeper).proposeArbiter(3n, f.arbiter.address, WEST);
  await f.arbitration.connect(f.arbiter).rule(3n, 500_000n);

  const implementation = await ethers.deployContract("Arbitration", [await f.registry.getAddress()]);
  return {
    ...f,
    arbitrable,
    params,
    keeper,
    arbitrableAsCaller: await impersonate(arbitrableAddress),
    nextImplementation: await implementation.getAddress(),
    pauseEnd: (await now()) + 30n * DAY,
  };
}

type Fixture = Awaited<ReturnType<typeof matrixFixture>>;

/** Every kind of account the matrix calls from. */
const ACTORS = {
  "random account": (f: Fixture) => f.stranger,
  claimant: (f: Fixture) => f.funder,
  respondent: (f: Fixture) => f.contributor,
  "keeper that drew the arbiter": (f: Fixture) => f.keeper,
  "round arbiter": (f: Fixture) => f.arbiter,
  "other arbiter of the same sovereign": (f: Fixture) => f.arbiter2,
  "arbiter of a sovereign only the claimant's recognizes": (f: Fixture) => f.eastArbiter,
  "arbiter of the claimant's sovereign": (f: Fixture) => f.northArbiter,
  "member without the role": (f: Fixture) => f.westMember,
  "mission manager": (f: Fixture) => f.manager,
  guardian: (f: Fixture) => f.guardian,
  governance: (f: Fixture) => f.governance,
  deployer: (f: Fixture) => f.deployer,
  "arbitrable contract": (f: Fixture) => f.arbitrableAsCaller,
  "fallback arbiter": (f: Fixture) => f.fallbackArbiter,
} as const satisfies Record<string, (f: Fixture) => Signer>;

type Actor = keyof typeof ACTORS;
const EVERYONE = Object.keys(ACTORS) as Actor[];
const GOVERNANCE: readonly Actor[] = ["governance"];
const PARTIES: readonly Actor[] = ["claimant", "respondent"];

interface Cell {
  readonly allowed: readonly Actor[];
  readonly call: (f: Fixture, caller: Signer) => Promise<ContractTransactionResponse>;
  /** The event an allowed call emits (on Arbitration), with its arguments for `caller`. */
  readonly emits: (f: Fixture, caller: string) => [string, unknown[]];
  /** The error a refused call raises (on Arbitration), with its arguments for `caller`. */
  readonly refusal?: (f: Fixture, caller: string) => [string, unknown[]];
}

const onlyGovernance = (_f: Fixture, caller: string): [string, unknown[]] => ["ModuleOnlyGovernance", [caller]];

const MATRIX: Record<string, Cell> = {
  openDispute: {
    allowed: ["arbitrable contract"],
    call: (f, c) => f.arbitration.connect(c).openDispute(f.params),
    emits: (f, c) => [
      "DisputeOpened",
      [5n, c, f.funder.address, f.contributor.address, f.tokenAddress, 1_000n, NORTH, SOUTH],
    ],
    refusal: (_f, c) => ["ArbitrationNotArbitrable", [c]],
  },
  "proposeArbiter (an empty round)": {
    allowed: EVERYONE,
    call: (f, c) => f.arbitration.connect(c).proposeArbiter(4n, f.arbiter2.address, WEST),
    emits: (f, c) => ["ArbiterAssigned", [4n, 1n, f.arbiter2.address, WEST, c]],
  },
  "proposeArbiter (a fallback arbiter into an empty round)": {
    allowed: EVERYONE,
    call: (f, c) => f.arbitration.connect(c).proposeArbiter(4n, f.fallbackArbiter2.address, 0n),
    emits: (f, c) => ["ArbiterAssigned", [4n, 1n, f.fallbackArbiter2.address, 0n, c]],
  },
  "proposeArbiter (replacing an arbiter the claimant did not draw, within its ruling period)": {
    allowed: ["claimant"],
    call: (f, c) => f.arbitration.connect(c).proposeArbiter(2n, f.arbiter2.address, WEST),
    emits: (f, c) => ["ArbiterAssigned", [2n, 1n, f.arbiter2.address, WEST, c]],
    refusal: (f) => ["ArbitrationArbiterAlreadyAssigned", [2n, f.arbiter.address]],
  },
  rule: {
    allowed: ["round arbiter"],
    call: (f, c) => f.arbitration.connect(c).rule(2n, 600_000n),
    emits: (f, c) => ["DisputeRuled", [2n, 1n, c, 600_000n, undefined]],
    refusal: (_f, c) => ["ArbitrationNotArbiter", [2n, c]],
  },
  appeal: {
    allowed: PARTIES,
    call: (f, c) => f.arbitration.connect(c).appeal(3n),
    emits: (_f, c) => ["DisputeAppealed", [3n, c, c, undefined]],
    refusal: (_f, c) => ["ArbitrationNotParty", [3n, c]],
  },
  submitEvidence: {
    allowed: PARTIES,
    call: (f, c) => f.arbitration.connect(c).submitEvidence(2n, "ipfs://reply", id("reply")),
    emits: (_f, c) => ["EvidenceSubmitted", [2n, c, "ipfs://reply", id("reply")]],
    refusal: (_f, c) => ["ArbitrationNotParty", [2n, c]],
  },
  finalize: {
    allowed: EVERYONE,
    call: (f, c) => f.arbitration.connect(c).finalize(1n),
    emits: () => ["DisputeFinalized", [1n, 250_000n, 1n]],
  },
  setArbitrable: {
    allowed: GOVERNANCE,
    call: (f, c) => f.arbitration.connect(c).setArbitrable(f.stranger.address, true),
    emits: (f) => ["ArbitrableSet", [f.stranger.address, true]],
    refusal: onlyGovernance,
  },
  setPeriods: {
    allowed: GOVERNANCE,
    call: (f, c) => f.arbitration.connect(c).setPeriods(7_200, 7_200),
    emits: () => ["PeriodsSet", [7_200n, 7_200n]],
    refusal: onlyGovernance,
  },
  setFallbackArbiter: {
    allowed: GOVERNANCE,
    call: (f, c) => f.arbitration.connect(c).setFallbackArbiter(f.stranger.address, true),
    emits: (f) => ["FallbackArbiterSet", [f.stranger.address, true]],
    refusal: onlyGovernance,
  },
  setGuardian: {
    allowed: GOVERNANCE,
    call: (f, c) => f.arbitration.connect(c).setGuardian(ZeroAddress),
    emits: (f) => ["GuardianChanged", [f.guardian.address, ZeroAddress]],
    refusal: onlyGovernance,
  },
  pause: {
    allowed: ["guardian", "governance"],
    call: (f, c) => f.arbitration.connect(c).pause(),
    emits: (_f, c) => ["Paused", [c]],
    refusal: (_f, c) => ["ModuleOnlyGuardian", [c]],
  },
  unpause: {
    allowed: GOVERNANCE,
    call: async (f, c) => {
      await f.arbitration.connect(f.guardian).pause();
      return f.arbitration.connect(c).unpause();
    },
    emits: (_f, c) => ["Unpaused", [c]],
    refusal: onlyGovernance,
  },
  extendPause: {
    allowed: GOVERNANCE,
    call: async (f, c) => {
      await f.arbitration.connect(f.guardian).pause();
      return f.arbitration.connect(c).extendPause(f.pauseEnd);
    },
    emits: (f) => ["PauseEndSet", [f.pauseEnd]],
    refusal: onlyGovernance,
  },
  setMaxPauseDuration: {
    allowed: GOVERNANCE,
    call: (f, c) => f.arbitration.connect(c).setMaxPauseDuration(7n * DAY),
    emits: () => ["MaxPauseDurationSet", [14n * DAY, 7n * DAY]],
    refusal: onlyGovernance,
  },
  upgradeToAndCall: {
    allowed: GOVERNANCE,
    call: (f, c) => f.arbitration.connect(c).upgradeToAndCall(f.nextImplementation, "0x"),
    emits: (f) => ["Upgraded", [f.nextImplementation]],
    refusal: onlyGovernance,
  },
};

describe("Arbitration permission matrix", function () {
  it("every actor is a distinct account", async function () {
    const f = await networkHelpers.loadFixture(matrixFixture);
    const addresses = await Promise.all(Object.values(ACTORS).map((actor) => actor(f).getAddress()));
    expect(new Set(addresses).size).to.equal(Object.keys(ACTORS).length);
  });

  for (const [fn, cell] of Object.entries(MATRIX)) {
    describe(`Arbitration.${fn}`, function () {
      for (const actor of EVERYONE) {
        const allowed = cell.allowed.includes(actor);
        it(`${allowed ? "accepts" : "refuses"} the ${actor}`, async function () {
          const f = await networkHelpers.loadFixture(matrixFixture);
          const signer = ACTORS[actor](f);
          const caller = await signer.getAddress();
          const contract: BaseContract = f.arbitration;
          if (allowed) {
            const [event, args] = cell.emits(f, caller);
            const tx = await cell.call(f, signer);
            const logs = (await tx.wait())!.logs
              .map((log) => f.arbitration.interface.parseLog(log))
              .filter((parsed) => parsed?.name === event);
            expect(logs.length, `${event} emitted`).to.equal(1);
            const got = logs[0]!.args.toArray();
            // `undefined` marks a time-dependent argument the cell does not pin.
            args.forEach((want, i) => {
              if (want !== undefined) expect(got[i], `${event} argument ${i}`).to.equal(want);
            });
          } else {
            const [error, args] = cell.refusal!(f, caller);
            await expect(cell.call(f, signer))
              .to.be.revertedWithCustomError(contract, error)
              .withArgs(...args);
          }
        });
      }
    });
  }
});
