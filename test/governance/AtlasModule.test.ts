/**
 * Rule 13 of issue 11 on every AtlasModule of the deployed stack (registry, ledger, bounty board,
 * escrow, arbitration): the shared suite of AtlasModule.behavior.ts, each module with a user call
 * its pause stops.
 */
import { expect } from "chai";
import { ZeroAddress, ZeroHash, encodeBytes32String, type BaseContract, type Signer } from "ethers";

import { ethers, graphFixture, metadata, networkHelpers } from "../helpers/graph.ts";
import { AtlasModule__factory } from "../../types/ethers-contracts/index.js";
import { shouldPauseForABoundedTime, type PausableModule } from "./AtlasModule.behavior.ts";

const UNKNOWN_ID = 999n;
const HANDLE = "cascadia";
const HANDLE_METADATA = metadata(HANDLE);

/** The stack, the timelock impersonated as governance, and dev accounts 15-17 (17: the proposal guardian). */
async function moduleFixture() {
  const f = await graphFixture();
  const timelockAddress = await f.timelock.getAddress();
  await networkHelpers.impersonateAccount(timelockAddress);
  await networkHelpers.setBalance(timelockAddress, ethers.parseEther("10"));
  const governance = await ethers.getSigner(timelockAddress);
  const [newGuardian, stranger, proposalGuardian] = f.signers.slice(15, 18);
  return { ...f, governance, newGuardian, stranger, proposalGuardian };
}

type ModuleFixture = Awaited<ReturnType<typeof moduleFixture>>;

/** The module's AtlasModule interface, at the proxy of `contract`. */
const asModule = (contract: BaseContract, runner: Signer) =>
  AtlasModule__factory.connect(contract.target as string, runner);

const MODULES: PausableModule<ModuleFixture>[] = [
  {
    name: "SovereignRegistry",
    fixture: moduleFixture,
    module: (f) => asModule(f.registry, f.deployer),
    userCall: (f, caller) => f.registry.connect(caller).register(HANDLE, HANDLE_METADATA.uri, HANDLE_METADATA.hash),
    expectOpen: async (f, call, caller) => {
      await expect(call)
        .to.emit(f.registry, "SovereignRegistered")
        .withArgs(1n, HANDLE, caller, HANDLE_METADATA.uri, HANDLE_METADATA.hash);
    },
  },
  {
    name: "ContributionLedger",
    fixture: moduleFixture,
    module: (f) => asModule(f.ledger, f.deployer),
    userCall: (f, caller) =>
      f.ledger.connect(caller).recordContribution(
        {
          sovereignId: 1n,
          missionId: 0n,
          kind: encodeBytes32String("review"),
          token: ZeroAddress,
          amount: 0n,
          points: 1n,
          evidence: ZeroHash,
        },
        [ZeroAddress],
        [1],
      ),
    expectOpen: async (f, call, caller) => {
      await expect(call).to.be.revertedWithCustomError(f.ledger, "LedgerNotRecorder").withArgs(caller);
    },
  },
  {
    name: "BountyBoard",
    fixture: moduleFixture,
    module: (f) => asModule(f.bountyBoard, f.deployer),
    userCall: (f, caller) => f.bountyBoard.connect(caller).cancel(UNKNOWN_ID),
    expectOpen: async (f, call) => {
      await expect(call).to.be.revertedWithCustomError(f.bountyBoard, "BountyUnknown").withArgs(UNKNOWN_ID);
    },
  },
  {
    name: "MilestoneEscrow",
    fixture: moduleFixture,
    module: (f) => asModule(f.escrow, f.deployer),
    userCall: (f, caller) => f.escrow.connect(caller).acceptEscrow(UNKNOWN_ID),
    expectOpen: async (f, call) => {
      await expect(call).to.be.revertedWithCustomError(f.escrow, "EscrowUnknownEscrow").withArgs(UNKNOWN_ID);
    },
  },
  {
    name: "Arbitration",
    fixture: moduleFixture,
    module: (f) => asModule(f.arbitration, f.deployer),
    userCall: (f, caller) => f.arbitration.connect(caller).finalize(UNKNOWN_ID),
    expectOpen: async (f, call) => {
      await expect(call).to.be.revertedWithCustomError(f.arbitration, "ArbitrationUnknownDispute").withArgs(UNKNOWN_ID);
    },
  },
];

describe("AtlasModule", function () {
  for (const subject of MODULES) shouldPauseForABoundedTime(subject);
});
