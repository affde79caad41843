/**
 * Gas benchmark of the milestone escrow's two hot paths against their targets:
 *   - creating a funded two-milestone escrow: target ≤ 189,000 gas (Sablier Lockup's published
 *     figure for a two-tranche stream is 209,990);
 *   - a streaming claim: target ≤ 45,000 gas.
 *
 *   npx hardhat run scripts/bench/escrow.ts
 *
 * One in-process chain, the stack deployed by `deployAtlas` (test/helpers/graph.ts): its escrow,
 * Arbitration and wiring. Each measured call is a transaction of its own, after one
 * earlier escrow of the same funder and token, so the figures are a steady state rather than the
 * first use of an empty contract. Two figures per call: the receipt's gas, and the execution gas
 * (receipt minus the 21,000 base and the calldata), which is what Sablier's benchmark measures
 * (gas left before and after the call inside a test). The escrow announces each escrow to the
 * registry, which checks the mission (no storage), and records each lump payout and each
 * completed stream in the ledger, costs Sablier has no equivalent of; a second escrow whose ledger
 * is a no-op (test/capital/escrow/mocks/NullLedger.sol), deployed beside the stack's for that
 * comparison, shows that mid-stream claims do not touch the ledger. It prints the figures and
 * never fails on them.
 */
import type { ContractTransactionResponse, TransactionReceipt } from "ethers";

import type { MilestoneEscrow } from "../../types/ethers-contracts/index.js";
import { deployAnotherEscrow } from "../../test/capital/escrow/fixtures.ts";
import { ethers, graphFixture, impersonate, networkHelpers } from "../../test/helpers/graph.ts";

const CREATE_TARGET = 189_000n;
const CLAIM_TARGET = 45_000n;
const SABLIER_TWO_TRANCHES = 209_990n;
const DAY = 86_400n;
const Kind = { Lump: 0, Streaming: 1 } as const;

const stack = await graphFixture();
const { escrow, registry, guardian, alice, signers } = stack;
const [funder, contributor] = signers.slice(6, 8);
const governance = await impersonate(await stack.timelock.getAddress());

await (await registry.connect(alice).register("north", "ipfs://north", ethers.id("north"))).wait();
await (await registry.connect(alice).createMission(1n, 0n, "ipfs://mission", ethers.id("mission"))).wait();
await (await registry.connect(alice).transitionMission(1n, 2)).wait();

// A second escrow whose ledger is a no-op, to show the ledger record's share of a claim.
const nullLedger = await ethers.deployContract("NullLedger");
const bareEscrow = await deployAnotherEscrow(stack, governance, guardian.address, nullLedger.getAddress());

const token = await ethers.deployContract("MockToken");
// The in-process chain mines each transaction as it is sent.
await token.getFunction("mint")(funder.address, 10n ** 30n);
// The contributor already holds the token, so no claim pays for the token's first balance slot of
// it (what any transfer to a new holder costs, whoever sends it).
await token.getFunction("mint")(contributor.address, 1n);
for (const target of [escrow, bareEscrow]) {
  await token.connect(funder).getFunction("approve")(await target.getAddress(), ethers.MaxUint256);
}

const amount = 1_000n * 10n ** 18n;
async function createTwoMilestones(target: MilestoneEscrow): Promise<{ receipt: TransactionReceipt; id: bigint }> {
  const now = BigInt(await networkHelpers.time.latest());
  const tx = await target.connect(funder).createEscrow(
    {
      missionId: 1n,
      funder: funder.address,
      contributor: contributor.address,
      token: await token.getAddress(),
      verifier: ethers.ZeroAddress,
      arbiter: ethers.ZeroAddress,
      funderSovereign: 0n,
      contributorSovereign: 0n,
      reviewWindow: Number(3n * DAY),
      fund: true,
    },
    [
      { amount, kind: Kind.Lump, deadline: now + 30n * DAY, start: 0n, end: 0n },
      { amount, kind: Kind.Streaming, deadline: 0n, start: now + 10n, end: now + 10n + 60n * DAY },
    ],
  );
  return { receipt: (await tx.wait())!, id: await target.escrowCount() };
}

/** The receipt's gas, and the execution gas: minus 21,000 and the calldata's cost. */
async function figures(sent: Promise<ContractTransactionResponse> | TransactionReceipt) {
  const receipt = sent instanceof Promise ? (await (await sent).wait())! : sent;
  const tx = (await ethers.provider.getTransaction(receipt.hash))!;
  const bytes = ethers.getBytes(tx.data);
  const calldata = bytes.reduce((sum, b) => sum + (b === 0 ? 4n : 16n), 0n);
  return { receipt: receipt.gasUsed, execution: receipt.gasUsed - 21_000n - calldata };
}

const rows: Record<string, string | number>[] = [];
const row = (operation: string, gas: { receipt: bigint; execution: bigint }, target?: bigint, reference?: bigint) =>
  rows.push({
    operation,
    "receipt gas": Number(gas.receipt),
    "execution gas": Number(gas.execution),
    target: target === undefined ? "" : Number(target),
    verdict: target === undefined ? "" : gas.execution <= target ? "met" : `missed by ${gas.execution - target}`,
    "Sablier (published)": reference === undefined ? "" : Number(reference),
  });

/** Gas used inside the calls `receipt`'s transaction made to `addresses` (callTracer), by address. */
async function callGas(
  receipt: TransactionReceipt,
  addresses: Record<string, string>,
): Promise<Record<string, number>> {
  interface Frame {
    to: string;
    gasUsed: string;
    calls?: Frame[];
  }
  const trace = (await ethers.provider.send("debug_traceTransaction", [
    receipt.hash,
    { tracer: "callTracer" },
  ])) as Frame;
  const byAddress = Object.fromEntries(Object.keys(addresses).map((name) => [name, 0]));
  const visit = (frame: Frame): void => {
    const name = Object.keys(addresses).find((n) => addresses[n].toLowerCase() === frame.to.toLowerCase());
    if (name !== undefined) byAddress[name] += Number(BigInt(frame.gasUsed));
    else for (const call of frame.calls ?? []) visit(call);
  };
  for (const call of trace.calls ?? []) visit(call);
  return byAddress;
}

let createBreakdown: Record<string, number> = {};
for (const [label, target] of [
  ["escrow (registry link + ledger records)", escrow],
  ["escrow with a no-op ledger", bareEscrow],
] as const) {
  await createTwoMilestones(target); // warm-up: the escrow already holds the token, the funder has escrows
  const { receipt, id } = await createTwoMilestones(target);
  if (target === escrow) {
    createBreakdown = await callGas(receipt, {
      "registry (mission link)": await registry.getAddress(),
      "token (transferFrom, balance checks)": await token.getAddress(),
    });
  }
  row(`create funded 2-milestone escrow — ${label}`, await figures(receipt), CREATE_TARGET, SABLIER_TWO_TRANCHES);
  await networkHelpers.time.increase(15n * DAY);
  row(`streaming claim, first — ${label}`, await figures(target.connect(contributor).claim(id, 1n)), CLAIM_TARGET);
  await networkHelpers.time.increase(15n * DAY);
  row(`streaming claim, next — ${label}`, await figures(target.connect(contributor).claim(id, 1n)), CLAIM_TARGET);
  await networkHelpers.time.increase(31n * DAY);
  row(
    `streaming claim completing the stream (records it) — ${label}`,
    await figures(target.connect(contributor).claim(id, 1n)),
  );
}

console.log("\nMilestone escrow gas (targets compare execution gas, as Sablier's benchmark does)\n");
console.table(rows);
console.log("Of the creation's execution gas, spent inside calls to other contracts (cold account access excluded):");
console.table(createBreakdown);
console.log(
  "A claim rewrites the one slot that holds the milestone's terms and progress (written at creation),\n" +
    "so a first claim costs what a later one does. Mid-stream claims do not call the ledger: the claim\n" +
    "that completes a stream records it once, whole (IMilestoneEscrow).",
);
