import { expect } from "chai";
import type { Signer } from "ethers";

import { TIMELOCK_ROLES } from "../../deploy/governance.ts";
import {
  AtlasModule__factory,
  TimelockController__factory,
  type AtlasModule,
} from "../../types/ethers-contracts/index.js";
import { ATLAS, ethers, governanceFixture, networkHelpers, passAndExecute, proposal } from "../helpers/governance.ts";
import { graphFixture } from "../helpers/graph.ts";

const { loadFixture } = networkHelpers;

type Fixture = Awaited<ReturnType<typeof governanceFixture>>;

/** A privileged function: how to call it, and the error every unauthorized caller must get. */
interface Privileged {
  readonly name: string;
  readonly target: (f: Fixture) => Promise<string>;
  readonly data: (f: Fixture) => Promise<string> | string;
  readonly rejection: (
    f: Fixture,
    caller: string,
  ) => { contract: "governor" | "timelock"; error: string; args: unknown[] };
}

const onlyGovernance = (name: string, data: (f: Fixture) => Promise<string> | string): Privileged => ({
  name: `AtlasGovernor.${name}`,
  target: (f) => f.governor.getAddress(),
  data,
  rejection: (_f, caller) => ({ contract: "governor", error: "GovernorOnlyExecutor", args: [caller] }),
});

const timelockRole = (name: string, role: string, data: (f: Fixture) => Promise<string> | string): Privileged => ({
  name: `TimelockController.${name}`,
  target: (f) => f.timelock.getAddress(),
  data,
  rejection: (_f, caller) => ({
    contract: "timelock",
    error: "AccessControlUnauthorizedAccount",
    args: [caller, role],
  }),
});

const gov = (f: Fixture) => f.governor.interface;
const tl = (f: Fixture) => f.timelock.interface;
const emptyBatch = async (f: Fixture): Promise<[string[], bigint[], string[]]> => [
  [await f.token.getAddress()],
  [0n],
  ["0x"],
];

const PRIVILEGED: readonly Privileged[] = [
  onlyGovernance("setVotingDelay", (f) => gov(f).encodeFunctionData("setVotingDelay", [3_600n])),
  onlyGovernance("setVotingPeriod", (f) => gov(f).encodeFunctionData("setVotingPeriod", [3n * 86_400n])),
  onlyGovernance("setProposalThreshold", (f) => gov(f).encodeFunctionData("setProposalThreshold", [5n * ATLAS])),
  onlyGovernance("updateQuorumNumerator", (f) => gov(f).encodeFunctionData("updateQuorumNumerator", [5n])),
  onlyGovernance("setLateQuorumVoteExtension", (f) =>
    gov(f).encodeFunctionData("setLateQuorumVoteExtension", [7_200n]),
  ),
  onlyGovernance("setProposalGuardian", (f) => gov(f).encodeFunctionData("setProposalGuardian", [f.carol.address])),
  onlyGovernance("relay", async (f) =>
    gov(f).encodeFunctionData("relay", [
      await f.token.getAddress(),
      0n,
      f.token.interface.encodeFunctionData("transfer", [f.eve.address, 0n]),
    ]),
  ),
  onlyGovernance("updateTimelock", async (f) =>
    gov(f).encodeFunctionData("updateTimelock", [await f.timelock.getAddress()]),
  ),
  timelockRole("grantRole", TIMELOCK_ROLES.admin, (f) =>
    tl(f).encodeFunctionData("grantRole", [TIMELOCK_ROLES.proposer, f.eve.address]),
  ),
  timelockRole("revokeRole", TIMELOCK_ROLES.admin, async (f) =>
    tl(f).encodeFunctionData("revokeRole", [TIMELOCK_ROLES.proposer, await f.governor.getAddress()]),
  ),
  timelockRole("schedule", TIMELOCK_ROLES.proposer, async (f) =>
    tl(f).encodeFunctionData("schedule", [
      await f.token.getAddress(),
      0n,
      "0x",
      ethers.ZeroHash,
      ethers.ZeroHash,
      2n * 86_400n,
    ]),
  ),
  timelockRole("scheduleBatch", TIMELOCK_ROLES.proposer, async (f) =>
    tl(f).encodeFunctionData("scheduleBatch", [
      ...(await emptyBatch(f)),
      ethers.ZeroHash,
      ethers.ZeroHash,
      2n * 86_400n,
    ]),
  ),
  timelockRole("cancel", TIMELOCK_ROLES.canceller, (f) => tl(f).encodeFunctionData("cancel", [ethers.ZeroHash])),
  {
    name: "TimelockController.updateDelay",
    target: (f) => f.timelock.getAddress(),
    data: (f) => tl(f).encodeFunctionData("updateDelay", [86_400n]),
    rejection: (_f, caller) => ({ contract: "timelock", error: "TimelockUnauthorizedCaller", args: [caller] }),
  },
];

/** Every account that exists after deployment, including the contracts themselves (impersonated). */
async function callers(f: Fixture): Promise<{ label: string; signer: Signer; address: string }[]> {
  const impersonated = async (label: string, address: string) => {
    await networkHelpers.impersonateAccount(address);
    await networkHelpers.setBalance(address, ethers.parseEther("10"));
    return { label, signer: await ethers.getSigner(address), address };
  };
  return [
    { label: "deployer", signer: f.deployer, address: f.deployer.address },
    { label: "guardian", signer: f.guardian, address: f.guardian.address },
    { label: "token holder", signer: f.alice, address: f.alice.address },
    { label: "stranger", signer: f.eve, address: f.eve.address },
    await impersonated("token contract", await f.token.getAddress()),
    await impersonated("governor (direct call)", await f.governor.getAddress()),
  ];
}

describe("permission matrix", function () {
  for (const fn of PRIVILEGED) {
    it(`${fn.name} rejects every caller but its owner, each with a specific error`, async function () {
      const f = await loadFixture(governanceFixture);
      const target = await fn.target(f);
      const data = await fn.data(f);
      for (const caller of await callers(f)) {
        const { contract, error, args } = fn.rejection(f, caller.address);
        // The governor legitimately holds the timelock's proposer and canceller roles.
        const governorHoldsRole =
          caller.address === (await f.governor.getAddress()) &&
          ["TimelockController.schedule", "TimelockController.scheduleBatch", "TimelockController.cancel"].includes(
            fn.name,
          );
        if (governorHoldsRole) continue;
        await expect(caller.signer.sendTransaction({ to: target, data }), `${fn.name} by ${caller.label}`)
          .to.be.revertedWithCustomError(contract === "governor" ? f.governor : f.timelock, error)
          .withArgs(...args);
      }
    });
  }

  it("the governor, and only it, schedules and cancels timelock operations", async function () {
    const f = await loadFixture(governanceFixture);
    // Deployed with delay 0 for the hand-over, which ends by setting the configured delay.
    expect(await f.timelock.getMinDelay()).to.equal(f.config.timelockDelay);
    const governorAddress = await f.governor.getAddress();
    expect(await f.timelock.hasRole(TIMELOCK_ROLES.proposer, governorAddress)).to.equal(true);
    expect(await f.timelock.hasRole(TIMELOCK_ROLES.canceller, governorAddress)).to.equal(true);
    expect(await f.timelock.hasRole(TIMELOCK_ROLES.executor, ethers.ZeroAddress)).to.equal(true);
    for (const account of [f.deployer, f.guardian, f.alice]) {
      for (const role of Object.values(TIMELOCK_ROLES)) {
        expect(await f.timelock.hasRole(role, account.address), `${account.address} ${role}`).to.equal(false);
      }
    }
    expect(await f.timelock.hasRole(TIMELOCK_ROLES.admin, await f.timelock.getAddress())).to.equal(true);
    expect(await f.timelock.getRoleAdmin(TIMELOCK_ROLES.proposer)).to.equal(TIMELOCK_ROLES.admin);
  });

  it("an executed proposal, and only that, calls every privileged function", async function () {
    const f = await loadFixture(governanceFixture);
    await f.token.connect(f.alice).delegate(f.alice.address);
    const successor = await new TimelockController__factory(f.deployer).deploy(
      86_400n,
      [],
      [ethers.ZeroAddress],
      ethers.ZeroAddress,
    );
    const calls = [];
    for (const fn of PRIVILEGED) {
      // schedule/cancel are the governor's own job and a timelock cannot schedule on itself here.
      if (
        ["TimelockController.schedule", "TimelockController.scheduleBatch", "TimelockController.cancel"].includes(
          fn.name,
        )
      )
        continue;
      calls.push({ target: await fn.target(f), data: await fn.data(f) });
    }
    // Point the governor at a new timelock last, so the earlier calls still run through the old one.
    calls.push({
      target: await f.governor.getAddress(),
      data: f.governor.interface.encodeFunctionData("updateTimelock", [await successor.getAddress()]),
    });
    const all = proposal(calls, "Exercise every privileged function");
    await passAndExecute(f.governor, f.alice, [f.alice], all);

    expect(await f.governor.votingDelay()).to.equal(3_600n);
    expect(await f.governor.votingPeriod()).to.equal(3n * 86_400n);
    expect(await f.governor.proposalThreshold()).to.equal(5n * ATLAS);
    expect(await f.governor["quorumNumerator()"]()).to.equal(5n);
    expect(await f.governor.lateQuorumVoteExtension()).to.equal(7_200n);
    expect(await f.governor.proposalGuardian()).to.equal(f.carol.address);
    expect(await f.timelock.hasRole(TIMELOCK_ROLES.proposer, f.eve.address)).to.equal(true);
    expect(await f.timelock.hasRole(TIMELOCK_ROLES.proposer, await f.governor.getAddress())).to.equal(false);
    expect(await f.timelock.getMinDelay()).to.equal(86_400n);
    expect(await f.governor.timelock()).to.equal(await successor.getAddress());
  });
});

/* THE MODULES' PAUSE AND GUARDIAN, ON THE DEPLOYED STACK */

const DAY = 86_400n;
const DEFAULT_MAX_PAUSE_DURATION = 14n * DAY;
/** A pause end governance may set: far in the future, within uint40. */
const PAUSE_END = 2n ** 39n;

/** The stack (pauser: dev account 1, proposal guardian: dev account 17) and its five modules. */
async function stackFixture() {
  const f = await graphFixture();
  const modules: Record<string, AtlasModule> = {};
  for (const [name, contract] of Object.entries({
    SovereignRegistry: f.registry,
    ContributionLedger: f.ledger,
    BountyBoard: f.bountyBoard,
    MilestoneEscrow: f.escrow,
    Arbitration: f.arbitration,
  })) {
    modules[name] = AtlasModule__factory.connect(await contract.getAddress(), f.deployer);
  }
  const [newcomer, stranger, proposalGuardian] = f.signers.slice(15, 18);
  return { ...f, modules, newcomer, stranger, proposalGuardian };
}

type Stack = Awaited<ReturnType<typeof stackFixture>>;

/** A function of the AtlasModule base: who may call it, what it emits then, how it rejects the others. */
interface ModuleFunction {
  readonly name: string;
  readonly allowed: readonly ("pauser" | "governance")[];
  readonly setup?: (m: AtlasModule, f: Stack) => Promise<unknown>;
  readonly call: (m: AtlasModule, caller: Signer, f: Stack) => Promise<unknown>;
  readonly emits: (caller: string, f: Stack) => { event: string; args: unknown[] };
  readonly error: "ModuleOnlyGovernance" | "ModuleOnlyGuardian";
}

const MODULE_FUNCTIONS: readonly ModuleFunction[] = [
  {
    name: "pause",
    allowed: ["pauser", "governance"],
    call: (m, caller) => m.connect(caller).pause(),
    emits: (caller) => ({ event: "Paused", args: [caller] }),
    error: "ModuleOnlyGuardian",
  },
  {
    name: "unpause",
    allowed: ["governance"],
    setup: (m, f) => m.connect(f.guardian).pause(),
    call: (m, caller) => m.connect(caller).unpause(),
    emits: (caller) => ({ event: "Unpaused", args: [caller] }),
    error: "ModuleOnlyGovernance",
  },
  {
    name: "extendPause",
    allowed: ["governance"],
    setup: (m, f) => m.connect(f.guardian).pause(),
    call: (m, caller) => m.connect(caller).extendPause(PAUSE_END),
    emits: () => ({ event: "PauseEndSet", args: [PAUSE_END] }),
    error: "ModuleOnlyGovernance",
  },
  {
    name: "setMaxPauseDuration",
    allowed: ["governance"],
    call: (m, caller) => m.connect(caller).setMaxPauseDuration(90n * DAY),
    emits: () => ({ event: "MaxPauseDurationSet", args: [DEFAULT_MAX_PAUSE_DURATION, 90n * DAY] }),
    error: "ModuleOnlyGovernance",
  },
  {
    name: "setGuardian",
    allowed: ["governance"],
    call: (m, caller, f) => m.connect(caller).setGuardian(f.newcomer.address),
    emits: (_caller, f) => ({ event: "GuardianChanged", args: [f.guardian.address, f.newcomer.address] }),
    error: "ModuleOnlyGovernance",
  },
];

/** Every account that could try (governance last), the two contracts of governance impersonated. */
async function moduleCallers(f: Stack) {
  const impersonated = async (address: string) => {
    await networkHelpers.impersonateAccount(address);
    await networkHelpers.setBalance(address, ethers.parseEther("10"));
    return ethers.getSigner(address);
  };
  return [
    { label: "pauser", signer: f.guardian as Signer },
    { label: "proposal guardian", signer: f.proposalGuardian as Signer },
    { label: "deployer", signer: f.deployer as Signer },
    { label: "token holder", signer: f.alice as Signer },
    { label: "stranger", signer: f.stranger as Signer },
    { label: "governor (direct call)", signer: await impersonated(await f.governor.getAddress()) },
    { label: "governance", signer: await impersonated(await f.timelock.getAddress()) },
  ];
}

describe("permission matrix: the modules' pause and guardian", function () {
  it("the pauser and the proposal guardian are different accounts", async function () {
    const f = await networkHelpers.loadFixture(stackFixture);
    expect(await f.governor.proposalGuardian()).to.equal(f.proposalGuardian.address);
    for (const [name, m] of Object.entries(f.modules)) {
      expect(await m.guardian(), name).to.equal(f.guardian.address);
    }
    expect(f.guardian.address).to.not.equal(f.proposalGuardian.address);
  });

  for (const module of ["SovereignRegistry", "ContributionLedger", "BountyBoard", "MilestoneEscrow", "Arbitration"]) {
    for (const fn of MODULE_FUNCTIONS) {
      it(`${module}.${fn.name} succeeds for ${fn.allowed.join(" and ")} only, and rejects the others with ${fn.error}`, async function () {
        const f = await networkHelpers.loadFixture(stackFixture);
        const m = f.modules[module];
        if (fn.setup) await fn.setup(m, f);
        for (const caller of await moduleCallers(f)) {
          const address = await caller.signer.getAddress();
          if ((fn.allowed as readonly string[]).includes(caller.label)) {
            const snapshot = await networkHelpers.takeSnapshot();
            const { event, args } = fn.emits(address, f);
            await expect(fn.call(m, caller.signer, f), `${fn.name} by the ${caller.label}`)
              .to.emit(m, event)
              .withArgs(...args);
            await snapshot.restore();
          } else {
            await expect(fn.call(m, caller.signer, f), `${fn.name} by the ${caller.label}`)
              .to.be.revertedWithCustomError(m, fn.error)
              .withArgs(address);
          }
        }
      });
    }
  }
});
