/**
 * `deployAtlas` (the routine the tests and benchmarks deploy with; `npm run deploy` runs the same
 * Ignition module) on the in-process chain: the capital layer is deployed, wired through the
 * timelock and usable at once, Arbitration has its fallback arbiters, the pauser is not the
 * proposal guardian, and the timelock is handed over to governance.
 */
import { expect } from "chai";
import { ZeroAddress, ZeroHash } from "ethers";

import { checkSeparateGuardians } from "../../deploy/atlas.ts";
import { DEFAULT_ARBITRATION_PERIODS } from "../../deploy/capital.ts";
import { LOCAL_ACCOUNTS, localAtlasConfig } from "../../deploy/config.ts";
import { deployAtlas } from "../../deploy/deployAtlas.ts";
import { TIMELOCK_ROLES } from "../../deploy/governance.ts";
import { MissionStatus, connection, ethers, graphFixture, metadata, networkHelpers } from "../helpers/graph.ts";
import {
  expectCapitalDeployed,
  expectCapitalWired,
  expectHandedOver,
  expectSeparateGuardians,
  type StackAddresses,
  type StackExpectations,
} from "./stack.behavior.ts";

const { loadFixture } = networkHelpers;

type Fixture = Awaited<ReturnType<typeof graphFixture>>;

/** What the local configuration deploys with (deploy/config.ts `LOCAL_ACCOUNTS`). */
function expectationsOf(f: Fixture): StackExpectations {
  const account = (index: number) => f.signers[index].address;
  return {
    deployer: f.deployer.address,
    guardian: account(LOCAL_ACCOUNTS.pauseGuardian),
    proposalGuardian: account(LOCAL_ACCOUNTS.proposalGuardian),
    fallbackArbiters: LOCAL_ACCOUNTS.fallbackArbiters.map(account),
    timelockDelay: f.config.timelockDelay,
    ...DEFAULT_ARBITRATION_PERIODS,
  };
}

async function addressesOf(f: Fixture): Promise<StackAddresses> {
  return {
    timelock: await f.timelock.getAddress(),
    governor: await f.governor.getAddress(),
    registry: await f.registry.getAddress(),
    ledger: await f.ledger.getAddress(),
    bountyBoard: await f.bountyBoard.getAddress(),
    escrow: await f.escrow.getAddress(),
    arbitration: await f.arbitration.getAddress(),
    splitFactory: await f.splitFactory.getAddress(),
  };
}

describe("deployAtlas", function () {
  it("deploys the capital modules behind proxies initialized with the timelock as governance", async function () {
    const f = await loadFixture(graphFixture);
    expect(f.guardian.address, "the fixture's guardian is the local pauser").to.equal(
      f.signers[LOCAL_ACCOUNTS.pauseGuardian].address,
    );
    await expectCapitalDeployed(ethers.provider, await addressesOf(f), expectationsOf(f));
  });

  it("names one pauser for every module, never the governor's proposal guardian, and two fallback arbiters", async function () {
    const f = await loadFixture(graphFixture);
    const expected = expectationsOf(f);
    expect(expected.proposalGuardian, "two different keys").to.not.equal(expected.guardian);
    expect(expected.fallbackArbiters, "fallback arbiters").to.have.length(2);
    await expectSeparateGuardians(ethers.provider, await addressesOf(f), expected);
  });

  it("refuses a configuration whose pauser is the proposal guardian, before deploying anything", async function () {
    const signers = await ethers.getSigners();
    const config = localAtlasConfig(signers.map((signer) => signer.address));
    const sameKey = { ...config, capital: { ...config.capital, guardian: config.governance.proposalGuardian } };
    const message =
      `The capital layer's pause guardian is the governor's proposal guardian (${config.governance.proposalGuardian}): ` +
      "one key could pause every module and cancel the proposals that would unpause it. Name two different accounts.";
    expect(() => checkSeparateGuardians(sameKey)).to.throw(message);
    const before = await ethers.provider.getBlockNumber();
    let error: unknown;
    try {
      await deployAtlas(connection, sameKey);
    } catch (caught) {
      error = caught;
    }
    expect((error as Error | undefined)?.message, "deployAtlas refuses it").to.equal(message);
    expect(await ethers.provider.getBlockNumber(), "nothing was sent").to.equal(before);
  });

  it("has governance name the board and the escrow funding modules and recorders, and the escrow an arbitrable", async function () {
    const f = await loadFixture(graphFixture);
    await expectCapitalWired(ethers.provider, await addressesOf(f));
  });

  it("hands the timelock over: configured delay, the governor its only proposer, no deployer role", async function () {
    const f = await loadFixture(graphFixture);
    await expectHandedOver(ethers.provider, await addressesOf(f), expectationsOf(f));
    await expect(
      f.timelock.connect(f.deployer).schedule(ZeroAddress, 0n, "0x", ZeroHash, ZeroHash, f.config.timelockDelay),
    )
      .to.be.revertedWithCustomError(f.timelock, "AccessControlUnauthorizedAccount")
      .withArgs(f.deployer.address, TIMELOCK_ROLES.proposer);
  });

  it("leaves a stack usable at once: a bounty funds a mission through the registry", async function () {
    const f = await loadFixture(graphFixture);
    const mission = metadata("mission: deployed stack");
    await f.registry.connect(f.alice).register("deployed", mission.uri, mission.hash);
    const sovereignId = await f.registry.sovereignCount();
    await f.registry.connect(f.alice).createMission(sovereignId, 0n, mission.uri, mission.hash);
    const missionId = await f.registry.missionCount();
    await f.registry.connect(f.alice).transitionMission(missionId, MissionStatus.Open);

    const deadline = BigInt(await networkHelpers.time.latest()) + 7n * 86_400n;
    const terms = {
      missionId,
      token: ZeroAddress,
      deadline,
      credentialTrustedBy: 0n,
      credentialSchema: ZeroHash,
      metadataURI: mission.uri,
      metadataHash: mission.hash,
    };
    const amount = ethers.parseEther("1");
    await expect(f.bountyBoard.connect(f.alice).createBounty(terms, amount, { value: amount }))
      .to.emit(f.registry, "MissionFundingLinked")
      .withArgs(missionId, await f.bountyBoard.getAddress(), 1n);
  });

  it("leaves disputes heard without any sovereign: a fallback arbiter rules an escrow's dispute, enforced on the escrow", async function () {
    const f = await loadFixture(graphFixture);
    const { alice, bob } = f;
    const [fallbackArbiter] = LOCAL_ACCOUNTS.fallbackArbiters.map((index) => f.signers[index]);
    const mission = metadata("mission: disputed");
    await f.registry.connect(alice).register("disputed", mission.uri, mission.hash);
    await f.registry.connect(alice).createMission(await f.registry.sovereignCount(), 0n, mission.uri, mission.hash);
    const missionId = await f.registry.missionCount();
    await f.registry.connect(alice).transitionMission(missionId, MissionStatus.Open);

    const amount = ethers.parseEther("1");
    const deadline = BigInt(await networkHelpers.time.latest()) + 7n * 86_400n;
    const params = {
      missionId,
      funder: alice.address,
      contributor: bob.address,
      token: ZeroAddress,
      verifier: ZeroAddress,
      arbiter: ZeroAddress,
      funderSovereign: 0n,
      contributorSovereign: 0n,
      reviewWindow: 86_400n,
      fund: true,
    };
    await f.escrow.connect(alice).createEscrow(params, [{ amount, kind: 0, deadline, start: 0n, end: 0n }], {
      value: amount,
    });
    await f.escrow.connect(bob).acceptEscrow(1n);
    await f.escrow.connect(bob).submitMilestone(1n, 0n, "ipfs://work", ethers.id("work"));
    await f.escrow.connect(alice).dispute(1n, 0n, "ipfs://claim", ethers.id("claim"));
    await f.arbitration.connect(f.carol).proposeArbiter(1n, fallbackArbiter.address, 0n);
    await f.arbitration.connect(fallbackArbiter).rule(1n, 500_000n);
    await networkHelpers.time.increaseTo(await f.arbitration.finalizableAt(1n));
    await expect(f.arbitration.connect(f.carol).finalize(1n))
      .to.emit(f.escrow, "MilestoneResolved")
      .withArgs(1n, 0n, 1n, 500_000n, amount / 2n, 0n, amount / 2n);
    expect(await f.escrow.pendingWithdrawal(bob.address, ZeroAddress), "bob's credit").to.equal(amount / 2n);
    expect(await f.escrow.pendingWithdrawal(alice.address, ZeroAddress), "alice's credit").to.equal(amount / 2n);
  });
});
