/**
 * The gas scenario of the Sovereign Graph behind snapshots/gas.json (`npm run gas`): each hot path
 * called with fixed data — register, join (by invitation and by application), roles, an agent,
 * an organization, a mission and its lifecycle, trusted issuers, mutual recognition, a verified
 * execution (its record and verification naming the chain and the ledger) and a shared
 * contribution, governance's cap on a verification's points and the registry's bounded pause —
 * and the credential check beside EAS `getAttestation` alone, measured by `CredentialCheckProbe`
 * in separate transactions.
 */
import { expect } from "chai";
import { ZeroHash } from "ethers";

import { pinBlockTime } from "./named.ts";

import {
  Role,
  MissionStatus,
  attest,
  ethers,
  graphFixture,
  impersonate,
  metadata,
  networkHelpers,
  skillData,
} from "../helpers/graph.ts";

const coder = ethers.AbiCoder.defaultAbiCoder();

describe("gas scenario: sovereign graph", function () {
  it("registers, joins, grants, organizes, runs a mission, trusts, recognizes, checks and records", async function () {
    const f = await networkHelpers.loadFixture(graphFixture);
    const { registry, ledger, eas, schemas, timelock, guardian, signers } = f;
    const chainId = (await ethers.provider.getNetwork()).chainId;
    const ledgerAddress = await ledger.getAddress();
    const [, , alice, bob, carol, dave, erin, frank, agent] = signers;

    const north = metadata("sovereign north");
    const south = metadata("sovereign south");
    await registry.connect(alice).register("north", north.uri, north.hash);
    await registry.connect(bob).register("south", south.uri, south.hash);
    const [northId, southId] = [1n, 2n];

    await registry.connect(alice).invite(northId, carol.address);
    await registry.connect(carol).acceptInvitation(northId);
    await registry.connect(dave).applyForMembership(northId);
    await registry.connect(alice).approveApplication(northId, dave.address);
    await registry.connect(alice).grantRole(northId, carol.address, Role.Verifier);
    await registry.connect(alice).registerAgent(northId, agent.address, dave.address);

    const guild = metadata("guild");
    await registry.connect(alice).createOrganization(northId, carol.address, guild.uri, guild.hash);
    const mission = metadata("mission: map the river");
    await registry.connect(alice).createMission(northId, 1n, mission.uri, mission.hash);
    await registry.connect(alice).transitionMission(1n, MissionStatus.Open);
    await registry.connect(alice).transitionMission(1n, MissionStatus.InProgress);

    await registry.connect(alice).trustIssuer(northId, schemas.skillCredential, erin.address);
    await registry.connect(bob).trustIssuer(southId, schemas.skillCredential, frank.address);
    await registry.connect(alice).recognize(northId, southId);
    await registry.connect(bob).recognize(southId, northId);

    // A credential issued by south's issuer, honoured by north through the recognition. The UIDs
    // are calldata of the measured calls: their block times are pinned (test/gas/named.ts).
    await pinBlockTime(networkHelpers.time, 0n);
    const own = await attest(eas, erin, schemas.skillCredential, dave.address, skillData("hydrology", 3));
    await pinBlockTime(networkHelpers.time, 1n);
    const foreign = await attest(eas, frank, schemas.skillCredential, dave.address, skillData("surveying", 4));
    const probe = await ethers.deployContract("CredentialCheckProbe");
    await probe.measureGetAttestation(await eas.getAddress(), foreign);
    const registryAddress = await registry.getAddress();
    await probe.measureCredentialCheck(registryAddress, northId, dave.address, schemas.skillCredential, own, northId);
    expect(await registry.isCredentialValid(northId, dave.address, schemas.skillCredential, foreign, southId)).to.equal(
      true,
    );

    // The agent's execution record, verified by north's verifier, becomes a contribution.
    const record = coder.encode(
      ["uint256", "address", "address", "uint64", "uint64", "bytes32", "bytes32", "bytes32", "string", "bytes32"],
      [
        chainId,
        ledgerAddress,
        agent.address,
        northId,
        1n,
        ethers.id("task"),
        ethers.id("in"),
        ethers.id("out"),
        "ipfs://run",
        ethers.id("m"),
      ],
    );
    await pinBlockTime(networkHelpers.time, 100n);
    const executionUID = await attest(eas, agent, schemas.executionRecord, ethers.ZeroAddress, record);
    const verdict = coder.encode(
      ["uint256", "address", "bool", "uint64", "string"],
      [chainId, ledgerAddress, true, 40n, "reproduced"],
    );
    await pinBlockTime(networkHelpers.time, 101n);
    const verificationUID = await attest(eas, carol, schemas.executionVerification, agent.address, verdict, {
      refUID: executionUID,
    });
    await ledger.connect(erin).recordVerifiedExecution(executionUID, verificationUID);

    const governance = await impersonate(await timelock.getAddress());
    await ledger.connect(governance).setRecorder(frank.address, true);
    await ledger.connect(frank).recordContribution(
      {
        sovereignId: northId,
        missionId: 1n,
        kind: ethers.encodeBytes32String("payout"),
        token: ethers.ZeroAddress,
        amount: 900n,
        points: 90n,
        evidence: ZeroHash,
      },
      [carol.address, dave.address],
      [2, 1],
    );
    expect(await ledger.reputationOf(northId, dave.address)).to.equal(30n);
    expect(await ledger.reputationOf(northId, agent.address)).to.equal(40n);

    // Governance caps a verification's points; the guardian pauses the registry, governance
    // extends the pause, which then ends by itself.
    await ledger.connect(governance).setMaxExecutionPoints(200n);
    const pausedAt = BigInt(await networkHelpers.time.latest()) + 1n;
    await networkHelpers.time.setNextBlockTimestamp(pausedAt);
    await registry.connect(guardian).pause();
    await registry.connect(governance).extendPause(pausedAt + 15n * 86_400n);
    expect(await registry.paused()).to.equal(true);
  });
});
