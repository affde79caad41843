/**
 * Permission matrix of the BountyBoard: every privileged function (award and cancel: managers of
 * the bounty's mission; setGuardian, pause, unpause, extendPause, setMaxPauseDuration and
 * upgradeToAndCall: the AtlasModule rules)
 * called by every kind of account, each cell from a fresh snapshot. Allowed callers produce the
 * function's event; the others get the function's own error naming them.
 */
import { expect } from "chai";
import { type ContractTransactionResponse, type Signer } from "ethers";

import { ethers, impersonate, networkHelpers } from "../../helpers/graph.ts";
import { walletAddress } from "../../graph/registry.behavior.ts";
import {
  DAY,
  ETH,
  MAX_PAUSE_DURATION,
  MISSION_ID,
  bountyFixture,
  createBounty,
  submit,
  type BountyWorld,
} from "./fixtures.ts";

const { loadFixture, time } = networkHelpers;

const REWARD = 1_000n;

/**
 * The bounty world plus bounty 1 (ETH, with the contributor's work submitted), bounty 2 (ETH, no
 * submission), a fresh implementation for the upgrade cells, and a pause end 30 days ahead for
 * the extendPause cells.
 */
async function matrixFixture() {
  const f = await bountyFixture();
  const { bountyId: submitted } = await createBounty(f.board, f.funder, ETH, REWARD);
  await submit(f.board, f.contributor, submitted, "contributor");
  const { bountyId: empty } = await createBounty(f.board, f.funder, ETH, REWARD);
  const next = await ethers.deployContract("BountyBoard");
  const pauseEnd = BigInt(await time.latest()) + 30n * DAY;
  return { ...f, submitted, empty, nextImplementation: await next.getAddress(), pauseEnd };
}

type Fixture = Awaited<ReturnType<typeof matrixFixture>>;

/** Every kind of account the matrix calls from. */
const ACTORS = {
  "random account": (f: BountyWorld) => f.stranger,
  funder: (f: BountyWorld) => f.funder,
  "submitting contributor": (f: BountyWorld) => f.contributor,
  member: (f: BountyWorld) => f.member,
  issuer: (f: BountyWorld) => f.issuer,
  verifier: (f: BountyWorld) => f.verifier,
  arbiter: (f: BountyWorld) => f.arbiter,
  operator: (f: BountyWorld) => f.operator,
  agent: (f: BountyWorld) => f.agent,
  "organization member": (f: BountyWorld) => f.orgMember,
  "admin of another sovereign": (f: BountyWorld) => f.otherAdmin,
  "sovereign admin": (f: BountyWorld) => f.admin,
  "organization admin": (f: BountyWorld) => f.orgAdmin,
  "mission owner": (f: BountyWorld) => f.missionOwner,
  guardian: (f: BountyWorld) => f.guardian,
  governance: (f: BountyWorld) => f.governance,
  deployer: (f: BountyWorld) => f.deployer,
} as const satisfies Record<string, (f: BountyWorld) => Signer>;

type Actor = keyof typeof ACTORS;

const MISSION_MANAGERS: readonly Actor[] = ["sovereign admin", "organization admin", "mission owner"];
const NEWCOMER = walletAddress("bounty newcomer");

/** A privileged function: how to call it, who may, what it emits then, and how it rejects the others. */
interface Privileged {
  readonly name: string;
  readonly allowed: readonly Actor[];
  /** Runs after the snapshot is restored, before the call (for every actor alike). */
  readonly setup?: (f: Fixture) => Promise<unknown>;
  readonly call: (f: Fixture, caller: Signer) => Promise<ContractTransactionResponse>;
  readonly emits: (f: Fixture, caller: string) => { event: string; args: unknown[] };
  readonly rejection: (f: Fixture, caller: string) => { error: string; args: unknown[] };
}

const governanceOnly = (row: Omit<Privileged, "allowed" | "rejection">): Privileged => ({
  allowed: ["governance"],
  rejection: (_f, caller) => ({ error: "ModuleOnlyGovernance", args: [caller] }),
  ...row,
});

const PRIVILEGED: readonly Privileged[] = [
  {
    name: "award",
    allowed: MISSION_MANAGERS,
    call: (f, s) => f.board.connect(s).award(f.submitted, [f.contributor.address], [REWARD]),
    emits: (f, caller) => ({
      event: "BountyAwarded",
      args: [f.submitted, f.contributor.address, caller, ETH, REWARD, 0n],
    }),
    rejection: (f, caller) => ({ error: "BountyNotMissionManager", args: [f.submitted, MISSION_ID, caller] }),
  },
  {
    name: "cancel",
    allowed: MISSION_MANAGERS,
    call: (f, s) => f.board.connect(s).cancel(f.empty),
    emits: (f, caller) => ({ event: "BountyCancelled", args: [f.empty, caller] }),
    rejection: (f, caller) => ({ error: "BountyNotMissionManager", args: [f.empty, MISSION_ID, caller] }),
  },
  {
    // Submissions do not lock the funds: the managers cancel a bounty with work submitted too.
    name: "cancel (with a submission)",
    allowed: MISSION_MANAGERS,
    call: (f, s) => f.board.connect(s).cancel(f.submitted),
    emits: (f, caller) => ({ event: "BountyCancelled", args: [f.submitted, caller] }),
    rejection: (f, caller) => ({ error: "BountyNotMissionManager", args: [f.submitted, MISSION_ID, caller] }),
  },
  governanceOnly({
    name: "setGuardian",
    call: (f, s) => f.board.connect(s).setGuardian(NEWCOMER),
    emits: (f) => ({ event: "GuardianChanged", args: [f.guardian.address, NEWCOMER] }),
  }),
  {
    name: "pause",
    allowed: ["guardian", "governance"],
    call: (f, s) => f.board.connect(s).pause(),
    emits: (_f, caller) => ({ event: "Paused", args: [caller] }),
    rejection: (_f, caller) => ({ error: "ModuleOnlyGuardian", args: [caller] }),
  },
  governanceOnly({
    name: "unpause",
    setup: (f) => f.board.connect(f.guardian).pause(),
    call: (f, s) => f.board.connect(s).unpause(),
    emits: (_f, caller) => ({ event: "Unpaused", args: [caller] }),
  }),
  governanceOnly({
    name: "extendPause",
    setup: (f) => f.board.connect(f.guardian).pause(),
    call: (f, s) => f.board.connect(s).extendPause(f.pauseEnd),
    emits: (f) => ({ event: "PauseEndSet", args: [f.pauseEnd] }),
  }),
  governanceOnly({
    name: "setMaxPauseDuration",
    call: (f, s) => f.board.connect(s).setMaxPauseDuration(30n * DAY),
    emits: () => ({ event: "MaxPauseDurationSet", args: [MAX_PAUSE_DURATION, 30n * DAY] }),
  }),
  governanceOnly({
    name: "upgradeToAndCall",
    call: (f, s) => f.board.connect(s).upgradeToAndCall(f.nextImplementation, "0x"),
    emits: (f) => ({ event: "Upgraded", args: [f.nextImplementation] }),
  }),
];

/** The actor's signer; the timelock is impersonated again, in case a snapshot revert forgot it. */
async function signerOf(f: Fixture, actor: Actor): Promise<Signer> {
  return actor === "governance" ? impersonate(f.timelockAddress) : ACTORS[actor](f);
}

describe("BountyBoard permission matrix", function () {
  it("every actor is a distinct account", async function () {
    const f = await loadFixture(matrixFixture);
    const addresses = await Promise.all(Object.values(ACTORS).map((actor) => actor(f).getAddress()));
    expect(new Set(addresses).size).to.equal(Object.keys(ACTORS).length);
  });

  for (const fn of PRIVILEGED) {
    describe(`BountyBoard.${fn.name}`, function () {
      for (const actor of Object.keys(ACTORS) as Actor[]) {
        const allowed = fn.allowed.includes(actor);
        it(allowed ? `succeeds for the ${actor}` : `rejects the ${actor}`, async function () {
          const f = await loadFixture(matrixFixture);
          if (fn.setup) await fn.setup(f);
          const signer = await signerOf(f, actor);
          const caller = await signer.getAddress();
          if (allowed) {
            const { event, args } = fn.emits(f, caller);
            await expect(fn.call(f, signer))
              .to.emit(f.board, event)
              .withArgs(...args);
          } else {
            const { error, args } = fn.rejection(f, caller);
            await expect(fn.call(f, signer))
              .to.be.revertedWithCustomError(f.board, error)
              .withArgs(...args);
          }
        });
      }
    });
  }
});
