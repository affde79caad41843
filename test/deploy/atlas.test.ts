/**
 * `deployAtlas` (the routine the tests and benchmarks deploy with; `npm run deploy` runs the same
 * Ignition module) on the in-process chain: the capital layer is deployed, wired through the
 * timelock and usable at once, and the timelock is handed over to governance.
 */
import { expect } from "chai";
import { ZeroAddress, ZeroHash } from "ethers";

import { DEFAULT_ARBITRATION_PERIODS } from "../../deploy/capital.ts";
import { TIMELOCK_ROLES } from "../../deploy/governance.ts";
import { MissionStatus, ethers, graphFixture, metadata, networkHelpers } from "../helpers/graph.ts";
import { expectCapitalDeployed, expectCapitalWired, expectHandedOver, type StackAddresses } from "./stack.behavior.ts";

const { loadFixture } = networkHelpers;

async function addressesOf(f: Awaited<ReturnType<typeof graphFixture>>): Promise<StackAddresses> {
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
    await expectCapitalDeployed(ethers.provider, await addressesOf(f), {
      deployer: f.deployer.address,
      guardian: f.guardian.address,
      timelockDelay: f.config.timelockDelay,
      ...DEFAULT_ARBITRATION_PERIODS,
    });
  });

  it("has governance name the board and the escrow funding modules and recorders, and the escrow an arbitrable", async function () {
    const f = await loadFixture(graphFixture);
    await expectCapitalWired(ethers.provider, await addressesOf(f));
  });

  it("hands the timelock over: configured delay, the governor its only proposer, no deployer role", async function () {
    const f = await loadFixture(graphFixture);
    await expectHandedOver(ethers.provider, await addressesOf(f), {
      deployer: f.deployer.address,
      guardian: f.guardian.address,
      timelockDelay: f.config.timelockDelay,
      ...DEFAULT_ARBITRATION_PERIODS,
    });
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
});
