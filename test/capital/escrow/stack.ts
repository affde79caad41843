/**
 * Deploys the milestone escrow and the Arbitration module on top of a deployed Atlas stack, as a
 * production deployment would: each implementation behind an ERC1967Proxy initialized in the
 * proxy's constructor, then governance (the timelock) names the escrow a funding module of the
 * registry, a recorder of the ledger and an arbitrable of Arbitration. Shared by the escrow and
 * arbitration tests, the gas scenario and the benchmark.
 */
import type { Signer } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";

import type { AtlasDeployment } from "../../../deploy/deployAtlas.ts";
import {
  Arbitration__factory,
  MilestoneEscrow__factory,
  type Arbitration,
  type MilestoneEscrow,
} from "../../../types/ethers-contracts/index.js";

/** Arbitration periods the tests use, in seconds. */
export const APPEAL_WINDOW = 3n * 86_400n;
export const RULING_PERIOD = 7n * 86_400n;
/** Fallback arbiters of the tests' Arbitration when none are given (dev accounts 18 and 19). */
export const FALLBACK_ARBITERS = [
  "0xdD2FD4581271e230360230F9337D5c0430Bf44C0",
  "0x8626f6940E2eb28930eFb4CeF49B2d1F2C9C1199",
] as const;

export interface EscrowStack {
  readonly escrow: MilestoneEscrow;
  readonly arbitration: Arbitration;
  /** The timelock, impersonated: it signs governance-only calls. */
  readonly governance: Signer;
}

/** Deploys Arbitration and MilestoneEscrow behind proxies and wires them through governance. */
export async function deployEscrowStack(
  connection: NetworkConnection,
  stack: Pick<AtlasDeployment, "timelock" | "registry" | "ledger" | "eas">,
  guardian: string,
  fallbackArbiters: readonly string[] = FALLBACK_ARBITERS,
): Promise<EscrowStack> {
  const { ethers, networkHelpers } = connection;
  const [runner] = await ethers.getSigners();
  const timelock = await stack.timelock.getAddress();
  const registry = await stack.registry.getAddress();

  const arbitrationImplementation = await ethers.deployContract("Arbitration", [registry]);
  const arbitrationProxy = await ethers.deployContract("ERC1967Proxy", [
    await arbitrationImplementation.getAddress(),
    Arbitration__factory.createInterface().encodeFunctionData("initialize", [
      timelock,
      guardian,
      APPEAL_WINDOW,
      RULING_PERIOD,
      [...fallbackArbiters],
    ]),
  ]);
  const arbitration = Arbitration__factory.connect(await arbitrationProxy.getAddress(), runner);

  const escrowImplementation = await ethers.deployContract("MilestoneEscrow", [
    registry,
    await stack.ledger.getAddress(),
    await arbitration.getAddress(),
    await stack.eas.getAddress(),
  ]);
  const escrowProxy = await ethers.deployContract("ERC1967Proxy", [
    await escrowImplementation.getAddress(),
    MilestoneEscrow__factory.createInterface().encodeFunctionData("initialize", [timelock, guardian]),
  ]);
  const escrow = MilestoneEscrow__factory.connect(await escrowProxy.getAddress(), runner);

  await networkHelpers.impersonateAccount(timelock);
  await networkHelpers.setBalance(timelock, ethers.parseEther("10"));
  const governance = await ethers.getSigner(timelock);
  const escrowAddress = await escrow.getAddress();
  await (await stack.registry.connect(governance).setFundingModule(escrowAddress, true)).wait();
  await (await stack.ledger.connect(governance).setRecorder(escrowAddress, true)).wait();
  await (await arbitration.connect(governance).setArbitrable(escrowAddress, true)).wait();
  return { escrow, arbitration, governance };
}
