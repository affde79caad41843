import { expect } from "chai";
import { getAddress, type BaseContract, type Signer } from "ethers";

import {
  ProposalState,
  Support,
  descriptionHash,
  endVoting,
  passAndExecute,
  propose,
  proposal,
  startVoting,
} from "../helpers/governance.ts";
import {
  MissionStatus,
  Role,
  attest,
  ethers,
  graphFixture,
  metadata,
  networkHelpers,
  skillData,
} from "../helpers/graph.ts";
import {
  ContributionLedger__factory,
  SovereignRegistry__factory,
  type ContributionLedger,
  type SovereignRegistry,
} from "../../types/ethers-contracts/index.js";

const { loadFixture, time } = networkHelpers;

/** ERC-1967 implementation slot: `bytes32(uint256(keccak256("eip1967.proxy.implementation")) - 1)`. */
const IMPLEMENTATION_SLOT = "0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc";
/** ERC-7201 slot of OpenZeppelin's Initializable namespace ("openzeppelin.storage.Initializable"). */
const INITIALIZABLE_SLOT = "0xf0c57e16840df040f15088dc2f81fe391c3923bec73e23a9662efc9c229c6a00";

const A = 1n;
const B = 2n;
const C = 3n;
const ORGANIZATION = 1n;
const MISSION_A = 1n;
const MISSION_B = 2n;
const FUNDING_ID = 7n;

async function implementationOf(proxy: BaseContract): Promise<string> {
  const word = await ethers.provider.getStorage(await proxy.getAddress(), IMPLEMENTATION_SLOT);
  return getAddress(`0x${word.slice(26)}`);
}

async function impersonate(address: string): Promise<Signer> {
  await networkHelpers.impersonateAccount(address);
  await networkHelpers.setBalance(address, ethers.parseEther("10"));
  return ethers.getSigner(address);
}

/** A `version()` view on `address`, which only the V2 implementations have. */
const versioned = (address: string) =>
  new ethers.Contract(address, ["function version() view returns (uint256)"], ethers.provider);

/**
 * A Sovereign Graph with something in every part of the registry's and the ledger's storage,
 * holders' votes delegated, and the V2 implementations deployed (not yet in use).
 */
async function populatedFixture() {
  const f = await graphFixture();
  const { registry, ledger, eas, schemas, token, alice, bob, carol, dave, signers } = f;
  const [agent, issuer, fundingModule, recorder, invitee, applicant] = signers.slice(6, 12);
  const timelockAddress = await f.timelock.getAddress();
  const governance = await impersonate(timelockAddress);
  for (const holder of [alice, bob, carol, dave]) await token.connect(holder).delegate(holder.address);

  // Sovereigns, admins, members, roles, pending invitation, application and adminship offer.
  for (const [admin, handle] of [
    [alice, "alpha"],
    [bob, "beta"],
    [carol, "gamma"],
  ] as const) {
    await registry.connect(admin).register(handle, metadata(handle).uri, metadata(handle).hash);
  }
  for (const member of [carol, dave]) {
    await registry.connect(alice).invite(A, member.address);
    await registry.connect(member).acceptInvitation(A);
  }
  await registry.connect(alice).grantRole(A, dave.address, Role.Contributor);
  await registry.connect(alice).grantRole(A, dave.address, Role.Verifier);
  await registry.connect(alice).registerAgent(A, agent.address, carol.address);
  await registry.connect(alice).invite(A, invitee.address);
  await registry.connect(applicant).applyForMembership(A);
  await registry.connect(alice).offerAdmin(A, bob.address, false);
  await registry.connect(bob).offerAdmin(B, dave.address, false);
  await registry.connect(dave).acceptAdmin(B);
  await registry.connect(alice).updateSovereignMetadata(A, metadata("alpha-2").uri, metadata("alpha-2").hash);

  // An organization and missions, one of them funded.
  await registry.connect(alice).createOrganization(A, carol.address, metadata("guild").uri, metadata("guild").hash);
  await registry.connect(carol).addOrganizationMember(ORGANIZATION, dave.address);
  await registry.connect(carol).createMission(A, ORGANIZATION, metadata("mission-a").uri, metadata("mission-a").hash);
  await registry.connect(carol).transitionMission(MISSION_A, MissionStatus.Open);
  await registry.connect(bob).createMission(B, 0n, metadata("mission-b").uri, metadata("mission-b").hash);
  await registry.connect(governance).setFundingModule(fundingModule.address, true);
  await registry.connect(fundingModule).linkMissionFunding(MISSION_A, FUNDING_ID);

  // Trust, recognitions (A↔B mutual, C→A one way) and a suspension.
  await registry.connect(alice).trustIssuer(A, schemas.skillCredential, issuer.address);
  await registry.connect(bob).trustIssuer(B, schemas.skillCredential, issuer.address);
  await registry.connect(alice).recognize(A, B);
  await registry.connect(bob).recognize(B, A);
  await registry.connect(carol).recognize(C, A);
  await registry.connect(governance).suspendSovereign(C);
  const credential = await attest(eas, issuer, schemas.skillCredential, carol.address, skillData("solidity", 4));

  // Ledger: a recorded payout and a verified execution by the agent.
  await ledger.connect(governance).setRecorder(recorder.address, true);
  await ledger.connect(recorder).recordContribution(
    {
      sovereignId: A,
      missionId: MISSION_A,
      kind: ethers.encodeBytes32String("bounty-payout"),
      token: ethers.ZeroAddress,
      amount: 1_000n,
      points: 31n,
      evidence: ethers.id("payout"),
    },
    [carol.address, dave.address],
    [1, 2],
  );
  const coder = ethers.AbiCoder.defaultAbiCoder();
  // Both attestations name this chain and this ledger first.
  const { chainId } = await ethers.provider.getNetwork();
  const ledgerAddress = await ledger.getAddress();
  const executionUID = await attest(
    eas,
    agent,
    schemas.executionRecord,
    agent.address,
    coder.encode(
      ["uint256", "address", "address", "uint64", "uint64", "bytes32", "bytes32", "bytes32", "string", "bytes32"],
      [
        chainId,
        ledgerAddress,
        agent.address,
        A,
        MISSION_A,
        ethers.id("task"),
        ethers.id("in"),
        ethers.id("out"),
        "ipfs://run",
        ethers.id("model"),
      ],
    ),
  );
  const verificationUID = await attest(
    eas,
    dave,
    schemas.executionVerification,
    agent.address,
    coder.encode(["uint256", "address", "bool", "uint64", "string"], [chainId, ledgerAddress, true, 25n, "reproduced"]),
    { refUID: executionUID },
  );
  await ledger.recordVerifiedExecution(executionUID, verificationUID);

  const easAddress = await eas.getAddress();
  const registryV2 = await ethers.deployContract("SovereignRegistryV2", [easAddress]);
  const ledgerV2 = await ethers.deployContract("ContributionLedgerV2", [easAddress]);
  return {
    ...f,
    governance,
    timelockAddress,
    agent,
    issuer,
    fundingModule,
    recorder,
    invitee,
    applicant,
    credential,
    executionUID,
    registryV2: await registryV2.getAddress(),
    ledgerV2: await ledgerV2.getAddress(),
  };
}

type Populated = Awaited<ReturnType<typeof populatedFixture>>;

/** Everything the registry's and the ledger's views report about the populated graph, as plain JSON. */
async function stateOf(f: Populated, registry: SovereignRegistry, ledger: ContributionLedger) {
  const { schemas, alice, bob, carol, dave, agent, issuer, fundingModule, recorder, invitee, applicant } = f;
  const accounts = [alice, bob, carol, dave, agent, issuer, fundingModule, recorder, invitee, applicant].map(
    (s) => s.address,
  );
  const sovereigns = [A, B, C];
  const state: Record<string, unknown> = {
    module: [await registry.governance(), await registry.guardian(), await registry.paused(), await registry.eas()],
    counts: [await registry.sovereignCount(), await registry.organizationCount(), await registry.missionCount()],
    handles: await Promise.all(["alpha", "beta", "gamma"].map((h) => registry.sovereignIdOf(h))),
    sovereigns: await Promise.all(
      sovereigns.map(async (s) => [await registry.getSovereign(s), await registry.isActive(s)]),
    ),
    memberships: await Promise.all(
      sovereigns.flatMap((s) =>
        accounts.map(async (a) => [
          await registry.isAdmin(s, a),
          await registry.rolesOf(s, a),
          await registry.pendingMembership(s, a),
          await registry.agentOperator(s, a),
          await registry.adminOffer(s, a),
        ]),
      ),
    ),
    organization: [
      await registry.getOrganization(ORGANIZATION),
      await Promise.all(
        accounts.map(async (a) => [
          await registry.isOrganizationAdmin(ORGANIZATION, a),
          await registry.isOrganizationMember(ORGANIZATION, a),
        ]),
      ),
    ],
    missions: await Promise.all([MISSION_A, MISSION_B].map(async (m) => registry.getMission(m))),
    fundingModule: await registry.isFundingModule(fundingModule.address),
    trust: await Promise.all(
      sovereigns.map((s) => registry.isTrustedIssuer(s, schemas.skillCredential, issuer.address)),
    ),
    recognitions: await Promise.all(
      sovereigns.flatMap((s) =>
        sovereigns.map(async (o) => [await registry.recognizes(s, o), await registry.isMutuallyRecognized(s, o)]),
      ),
    ),
    credential: [
      await registry.checkCredential(A, carol.address, schemas.skillCredential, f.credential, B),
      await registry.checkCredential(C, carol.address, schemas.skillCredential, f.credential, A),
    ],
    ledger: [
      await ledger.registry(),
      await ledger.outcomeCount(),
      await ledger.executionSchemas(),
      await ledger.isRecorder(recorder.address),
      await ledger.executionOutcome(f.executionUID),
      await ledger.governance(),
      await ledger.guardian(),
    ],
    reputation: await Promise.all(sovereigns.flatMap((s) => accounts.map((a) => ledger.reputationOf(s, a)))),
  };
  return JSON.parse(JSON.stringify(state, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v))) as unknown;
}

/** The governance proposal upgrading both proxies to the V2 implementations. */
async function upgradeProposal(f: Populated) {
  return proposal(
    [
      {
        target: await f.registry.getAddress(),
        data: f.registry.interface.encodeFunctionData("upgradeToAndCall", [f.registryV2, "0x"]),
      },
      {
        target: await f.ledger.getAddress(),
        data: f.ledger.interface.encodeFunctionData("upgradeToAndCall", [f.ledgerV2, "0x"]),
      },
    ],
    "Upgrade the Sovereign Graph (registry and ledger) to V2",
  );
}

describe("Sovereign Graph upgrades", function () {
  describe("through governance", function () {
    it("a proposal executed by the timelock upgrades both proxies and keeps all their state", async function () {
      const f = await loadFixture(populatedFixture);
      const { governor, registry, ledger, alice, bob, dave } = f;
      const before = await stateOf(f, registry, ledger);
      const implementations = [await implementationOf(registry), await implementationOf(ledger)];
      // The fixture really populated the graph: spot checks of what `before` holds.
      expect(await registry.sovereignCount()).to.equal(3n);
      expect(await registry.isMutuallyRecognized(A, B)).to.equal(true);
      expect(await ledger.reputationOf(A, f.agent.address)).to.equal(25n);
      expect(await ledger.reputationOf(A, dave.address)).to.equal(20n);
      await expect(versioned(await registry.getAddress()).version()).to.be.revert(ethers);

      const p = await upgradeProposal(f);
      const proposalId = await propose(governor, alice, p);
      await startVoting(governor, proposalId);
      await governor.connect(alice).castVote(proposalId, Support.For);
      await governor.connect(bob).castVote(proposalId, Support.For);
      await endVoting(governor, proposalId);
      expect(await governor.state(proposalId)).to.equal(ProposalState.Succeeded);
      await governor.queue(p.targets, p.values, p.calldatas, descriptionHash(p));
      await time.increaseTo(await governor.proposalEta(proposalId));
      expect(await implementationOf(registry), "registry before execution").to.equal(implementations[0]);
      expect(await implementationOf(ledger), "ledger before execution").to.equal(implementations[1]);

      const execution = governor.execute(p.targets, p.values, p.calldatas, descriptionHash(p));
      await expect(execution).to.emit(registry, "Upgraded").withArgs(f.registryV2);
      await expect(execution).to.emit(ledger, "Upgraded").withArgs(f.ledgerV2);
      expect(await governor.state(proposalId)).to.equal(ProposalState.Executed);

      expect(await implementationOf(registry), "registry implementation").to.equal(f.registryV2);
      expect(await implementationOf(ledger), "ledger implementation").to.equal(f.ledgerV2);
      expect(await versioned(await registry.getAddress()).version(), "registry version").to.equal(2n);
      expect(await versioned(await ledger.getAddress()).version(), "ledger version").to.equal(2n);
      expect(await stateOf(f, registry, ledger)).to.deep.equal(before);
    });

    it("the upgraded proxies keep working on the same EAS and storage", async function () {
      const f = await loadFixture(populatedFixture);
      const { governor, registry, ledger, eas, schemas, alice, bob, carol, dave, agent, recorder } = f;
      await passAndExecute(governor, alice, [alice, bob], await upgradeProposal(f));

      await registry.connect(dave).register("delta", metadata("delta").uri, metadata("delta").hash);
      expect(await registry.sovereignCount(), "next sovereign id").to.equal(4n);
      expect(await registry.isCredentialValid(A, carol.address, schemas.skillCredential, f.credential, B)).to.equal(
        true,
      );
      const uid = await attest(eas, f.issuer, schemas.skillCredential, dave.address, skillData("ops", 2));
      expect(await registry.isCredentialValid(B, dave.address, schemas.skillCredential, uid, A)).to.equal(true);
      await ledger.connect(recorder).recordContribution(
        {
          sovereignId: A,
          missionId: 0n,
          kind: ethers.encodeBytes32String("bounty-payout"),
          token: ethers.ZeroAddress,
          amount: 0n,
          points: 5n,
          evidence: ethers.ZeroHash,
        },
        [agent.address],
        [1],
      );
      expect(await ledger.outcomeCount(), "next outcome id").to.equal(3n);
      expect(await ledger.reputationOf(A, agent.address), "agent's reputation").to.equal(30n);
    });
  });

  describe("anyone but governance", function () {
    it("cannot upgrade: the deployer, a sovereign admin, the guardian and the governor itself are rejected", async function () {
      const f = await loadFixture(populatedFixture);
      const { registry, ledger, deployer, alice, guardian, governor } = f;
      const governorSigner = await impersonate(await governor.getAddress());
      const implementations = [await implementationOf(registry), await implementationOf(ledger)];
      for (const caller of [deployer, alice, guardian, governorSigner]) {
        const address = await caller.getAddress();
        await expect(registry.connect(caller).upgradeToAndCall(f.registryV2, "0x"))
          .to.be.revertedWithCustomError(registry, "ModuleOnlyGovernance")
          .withArgs(address);
        await expect(ledger.connect(caller).upgradeToAndCall(f.ledgerV2, "0x"))
          .to.be.revertedWithCustomError(ledger, "ModuleOnlyGovernance")
          .withArgs(address);
      }
      expect([await implementationOf(registry), await implementationOf(ledger)]).to.deep.equal(implementations);
    });

    it("cannot upgrade an implementation directly: UUPS upgrades go through the proxy", async function () {
      const f = await loadFixture(populatedFixture);
      const { registry, governance } = f;
      const implementation = SovereignRegistry__factory.connect(await implementationOf(registry), governance);
      await expect(implementation.upgradeToAndCall(f.registryV2, "0x")).to.be.revertedWithCustomError(
        registry,
        "UUPSUnauthorizedCallContext",
      );
    });
  });

  describe("initialization", function () {
    it("the proxies cannot be initialized again, before or after an upgrade", async function () {
      const f = await loadFixture(populatedFixture);
      const { registry, ledger, governor, deployer, alice, bob, schemas } = f;
      const attempts = () => [
        registry.connect(deployer).initialize(deployer.address, deployer.address),
        ledger
          .connect(deployer)
          .initialize(
            deployer.address,
            deployer.address,
            deployer.address,
            schemas.executionRecord,
            schemas.executionVerification,
          ),
      ];
      for (const attempt of attempts()) {
        await expect(attempt).to.be.revertedWithCustomError(registry, "InvalidInitialization");
      }
      await passAndExecute(governor, alice, [alice, bob], await upgradeProposal(f));
      for (const attempt of attempts()) {
        await expect(attempt).to.be.revertedWithCustomError(registry, "InvalidInitialization");
      }
      expect(await registry.governance()).to.equal(f.timelockAddress);
      expect(await ledger.governance()).to.equal(f.timelockAddress);
    });

    it("the implementations cannot be initialized: their constructors disabled initializers", async function () {
      const f = await loadFixture(populatedFixture);
      const { registry, ledger, deployer, schemas } = f;
      const registryImplementations = [await implementationOf(registry), f.registryV2];
      const ledgerImplementations = [await implementationOf(ledger), f.ledgerV2];
      for (const address of registryImplementations) {
        await expect(
          SovereignRegistry__factory.connect(address, deployer).initialize(deployer.address, deployer.address),
        ).to.be.revertedWithCustomError(registry, "InvalidInitialization");
      }
      for (const address of ledgerImplementations) {
        await expect(
          ContributionLedger__factory.connect(address, deployer).initialize(
            deployer.address,
            deployer.address,
            deployer.address,
            schemas.executionRecord,
            schemas.executionVerification,
          ),
        ).to.be.revertedWithCustomError(ledger, "InvalidInitialization");
      }
      // `_disableInitializers` sets the initialized version to the maximum; the proxies are at 1.
      for (const address of [...registryImplementations, ...ledgerImplementations]) {
        expect(BigInt(await ethers.provider.getStorage(address, INITIALIZABLE_SLOT)), address).to.equal(2n ** 64n - 1n);
      }
      expect(BigInt(await ethers.provider.getStorage(await registry.getAddress(), INITIALIZABLE_SLOT))).to.equal(1n);
      expect(BigInt(await ethers.provider.getStorage(await ledger.getAddress(), INITIALIZABLE_SLOT))).to.equal(1n);
    });
  });
});
