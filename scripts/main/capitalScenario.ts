/**
 * The main job's capital scenario, driven through @atlas-os/sdk over JSON-RPC: steps 3, 5, 6 and 7
 * of the coordination loop (DESIGN.md), on the sovereigns, credentials and mission the graph
 * scenario left (scripts/main/graphScenario.ts).
 *
 * 3. North's mission is funded in a stablecoin (nUSD: a demo ERC-20 until the monetary layer
 *    exists, test/mocks/tokens/DemoStablecoin.sol): a milestone escrow for the citizen (a 30-day
 *    stream, a lump its verifier attests, a lump that will be disputed), endorsed by north's
 *    manager as the mission's own deal and accepted by the citizen, and a bounty that asks for a
 *    skill credential south trusts.
 * 5. Work is submitted: the bounty is awarded to the citizen, who enters with south's credential;
 *    the stream is claimed twice mid-stream and once at its end; the verifier attests a milestone
 *    on EAS (naming this chain and the escrow contract) and anyone unlocks it; north disputes the
 *    last milestone, the citizen draws an arbiter of south (a sovereign north recognizes, run by
 *    neither party), who rules 70/30, and the ruling is enforced.
 * 6. Every payout recorded a contribution in the ledger: the citizen's reputation in north, earned
 *    because the deal is the mission's own and the citizen is a member of north, the sovereign the
 *    escrow names for it.
 * 7. Mission revenue is paid to a revenue split at an address predicted before the split exists;
 *    the split is created there and a keeper distributes it.
 */
import {
  createPublicClient,
  createTestClient,
  createWalletClient,
  erc20Abi,
  formatUnits,
  getAddress,
  http,
  keccak256,
  toHex,
  type Address,
  type Hash,
  type Hex,
} from "viem";
import { hardhat } from "viem/chains";

import {
  addressesOf,
  canonicalJson,
  allLayers,
  createAtlasClient,
  hashMetadata,
  predictSplitAddress,
  type AddressBook,
  type AtlasClient,
} from "../../sdk/src/index.ts";
import type { GraphScenarioSummary } from "./graphScenario.ts";

/** What the scenario left on chain, for the summary and for the tests that compare the API with it. */
export interface CapitalScenarioSummary {
  readonly token: Address;
  readonly missionId: bigint;
  readonly escrowId: bigint;
  readonly bountyId: bigint;
  readonly disputeId: bigint;
  readonly split: Address;
  readonly citizen: Address;
  /** The citizen's reputation in north after every payout. */
  readonly citizenReputation: bigint;
  readonly steps: readonly { step: string; detail: string; tx?: Hash }[];
}

const DAY = 86_400n;
/** nUSD has 6 decimals. */
const USD = 10n ** 6n;

export async function runCapitalScenario(
  url: string,
  book: AddressBook,
  graph: GraphScenarioSummary,
  tokenArtifact: { abi: readonly unknown[]; bytecode: Hex },
  log: (line: string) => void,
): Promise<CapitalScenarioSummary> {
  const publicClient = createPublicClient({ chain: hardhat, transport: http(url) });
  const testClient = createTestClient({ chain: hardhat, mode: "hardhat", transport: http(url) });
  const accounts = await createWalletClient({ chain: hardhat, transport: http(url) }).getAddresses();
  // Accounts 0–6 belong to the governance scenario, 7–14 to the graph; the capital layer adds two.
  const [northAdmin, southAdmin, , , citizen, verifier] = accounts.slice(7, 15);
  const [arbiter, keeper] = accounts.slice(15, 17);
  const wallet = (account: Address) => createWalletClient({ chain: hardhat, transport: http(url), account });
  const clientFor = (account: Address): AtlasClient =>
    createAtlasClient({ publicClient, walletClient: wallet(account), addresses: addressesOf(book), layers: allLayers });
  const as = {
    northAdmin: clientFor(northAdmin),
    southAdmin: clientFor(southAdmin),
    citizen: clientFor(citizen),
    verifier: clientFor(verifier),
    arbiter: clientFor(arbiter),
    keeper: clientFor(keeper),
  };
  const steps: { step: string; detail: string; tx?: Hash }[] = [];
  const done = (step: string, detail: string, tx?: Hash) => {
    steps.push({ step, detail, ...(tx ? { tx } : {}) });
    log(`  ✓ ${step.padEnd(26)} ${detail}${tx ? `  (${tx.slice(0, 10)}…)` : ""}`);
  };
  const usd = (amount: bigint) => `${formatUnits(amount, 6)} nUSD`;
  const short = (value: string) => `${value.slice(0, 10)}…`;
  const mined = async (hash: Hash) => {
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new Error(`transaction ${hash} reverted`);
    return receipt;
  };
  const now = async () => (await publicClient.getBlock()).timestamp;
  const travelTo = async (timestamp: bigint) => {
    await testClient.setNextBlockTimestamp({ timestamp });
    await testClient.mine({ blocks: 1 });
  };
  const { north, south, missionId } = graph;

  log("Capital scenario (coordination loop steps 3, 5, 6 and 7)");

  // North's treasurer (its admin) holds the stablecoin.
  const deployed = await wallet(northAdmin).deployContract({
    abi: tokenArtifact.abi,
    bytecode: tokenArtifact.bytecode,
    args: ["North Dollar", "nUSD"],
  });
  const token = getAddress((await mined(deployed)).contractAddress!);
  await mined(
    await wallet(northAdmin).writeContract({
      address: token,
      abi: [
        {
          type: "function",
          name: "mint",
          stateMutability: "nonpayable",
          inputs: [
            { name: "to", type: "address" },
            { name: "amount", type: "uint256" },
          ],
          outputs: [],
        },
      ],
      functionName: "mint",
      args: [northAdmin, 100_000n * USD],
    }),
  );
  done("stablecoin", `nUSD ${short(token)}: 100,000 minted to north's treasurer`, deployed);
  const approve = async (spender: Address, amount: bigint) =>
    mined(
      await wallet(northAdmin).writeContract({
        address: token,
        abi: erc20Abi,
        functionName: "approve",
        args: [spender, amount],
      }),
    );

  // South's arbiter: a member of south with the arbiter role.
  await as.southAdmin.graph.invite({ sovereignId: south, account: arbiter });
  await as.arbiter.graph.acceptInvitation({ sovereignId: south });
  const arbiterRole = await as.southAdmin.graph.grantRole({ sovereignId: south, account: arbiter, role: "arbiter" });
  done("arbiter: south", `${short(arbiter)} joins south as an arbiter`, arbiterRole.hash);

  // 3. The mission is funded: an escrow and a bounty.
  const start = (await now()) + 60n;
  const escrowTotal = 6_000n * USD + 2_000n * USD + 1_000n * USD;
  await approve(book.contracts.escrow.address, escrowTotal);
  const escrow = await as.northAdmin.capital.createEscrow({
    missionId,
    contributor: citizen,
    token,
    verifier,
    funderSovereign: north,
    contributorSovereign: north,
    reviewWindow: Number(3n * DAY),
    milestones: [
      { kind: "streaming", amount: 6_000n * USD, start, end: start + 30n * DAY },
      { kind: "lump", amount: 2_000n * USD, deadline: start + 60n * DAY },
      { kind: "lump", amount: 1_000n * USD, deadline: start + 60n * DAY },
    ],
  });
  done("escrow", `${escrow.escrowId}: ${usd(escrowTotal)} funded (30-day stream, 2 lumps)`, escrow.hash);
  // Only the mission's own deals earn reputation: north's manager endorses this one, and the
  // citizen, a member of north (the sovereign the escrow names for it), accepts its terms.
  const endorsed = await as.northAdmin.capital.endorseEscrow({ escrowId: escrow.escrowId });
  done(
    "escrow endorsed",
    "north's manager makes it the mission's own deal: its payouts earn reputation",
    endorsed.hash,
  );
  const accepted = await as.citizen.capital.acceptEscrow({ escrowId: escrow.escrowId });
  done("terms accepted", `the citizen accepts escrow ${escrow.escrowId}'s terms before any work`, accepted.hash);
  const bountyAmount = 1_000n * USD;
  await approve(book.contracts.bountyBoard.address, bountyAmount);
  const bountyDocument = {
    title: "Calibrate the delta's flood gauges",
    description:
      "Calibrate the twelve river gauges against the survey's benchmarks; a hydrology credential is required.",
  };
  const bounty = await as.northAdmin.capital.createBounty({
    missionId,
    metadataURI: `data:application/json;base64,${Buffer.from(canonicalJson(bountyDocument)).toString("base64")}`,
    metadataHash: hashMetadata(bountyDocument),
    token,
    amount: bountyAmount,
    deadline: start + 20n * DAY,
    credential: { schema: book.schemas.skillCredential, trustedBy: south },
  });
  done("bounty", `${bounty.bountyId}: ${usd(bountyAmount)}, a skill credential south trusts required`, bounty.hash);

  // 5. Work: the bounty.
  await as.citizen.capital.submitWork({
    bountyId: bounty.bountyId,
    evidenceURI: "ipfs://atlas-demo/bounty/flood-gauges",
    contentHash: keccak256(toHex("flood gauge calibration report")),
    credentialUID: graph.foreignCredential,
  });
  const awarded = await as.northAdmin.capital.awardBounty({
    bountyId: bounty.bountyId,
    awards: [{ winner: citizen, amount: bountyAmount }],
  });
  done("bounty awarded", `${usd(bountyAmount)} to the citizen (entered with south's credential)`, awarded.hash);

  // 5. Work: the stream, claimed twice mid-stream and at its end.
  for (const day of [10n, 20n]) {
    await travelTo(start + day * DAY);
    const claimed = await as.citizen.capital.claimStream({ escrowId: escrow.escrowId, index: 0n });
    done(
      `stream claim, day ${day}`,
      `${usd(claimed.amount)} (claimed so far ${usd(claimed.claimedTotal)})`,
      claimed.hash,
    );
  }

  // 5. Work: a lump milestone unlocked by the verifier's attestation.
  await as.citizen.capital.submitMilestone({
    escrowId: escrow.escrowId,
    index: 1n,
    evidenceURI: "ipfs://atlas-demo/escrow/survey-report",
    evidenceHash: keccak256(toHex("delta survey report")),
  });
  const attested = await as.verifier.graph.attestMilestoneVerification({
    escrowId: escrow.escrowId,
    milestoneIndex: 1n,
    approved: true,
    evidenceURI: "ipfs://atlas-demo/escrow/survey-review",
    recipient: citizen,
  });
  done(
    "milestone attested",
    `verifier's EAS verification ${short(attested.uid)}, naming this chain and the escrow`,
    attested.hash,
  );
  const unlocked = await as.keeper.capital.approveWithAttestation({
    escrowId: escrow.escrowId,
    index: 1n,
    uid: attested.uid,
  });
  done("milestone unlocked", `${usd(2_000n * USD)} to the citizen, by anyone holding the attestation`, unlocked.hash);

  // 5. Work: a disputed milestone, ruled 70/30 by an arbiter of south.
  await as.citizen.capital.submitMilestone({
    escrowId: escrow.escrowId,
    index: 2n,
    evidenceURI: "ipfs://atlas-demo/escrow/maps",
    evidenceHash: keccak256(toHex("delta maps v1")),
  });
  const disputed = await as.northAdmin.capital.disputeMilestone({
    escrowId: escrow.escrowId,
    index: 2n,
    evidenceURI: "ipfs://atlas-demo/escrow/maps-incomplete",
    evidenceHash: keccak256(toHex("three channels missing")),
  });
  done("dispute", `north disputes milestone 2 (dispute ${disputed.disputeId})`, disputed.hash);
  const drawn = await as.citizen.interstate.proposeArbiter({
    disputeId: disputed.disputeId,
    arbiter,
    sovereignId: south,
  });
  done("arbiter drawn", `${short(arbiter)} of south, recognized by north, run by neither party`, drawn.hash);
  // The claimant (north, the funder) gets 30%: the citizen keeps 70%.
  const ruled = await as.arbiter.interstate.ruleDispute({ disputeId: disputed.disputeId, shareToClaimant: 300_000 });
  done("ruling", "30% to north, 70% to the citizen", ruled.hash);
  await travelTo((ruled.appealDeadline ?? (await now())) + 1n);
  const finalized = await as.keeper.interstate.finalizeDispute({ disputeId: disputed.disputeId });
  done("ruling enforced", "no appeal: the escrow credits both sides", finalized.hash);
  const citizenCredit = await as.citizen.capital.withdrawFromEscrow({ token });
  const northCredit = await as.northAdmin.capital.withdrawFromEscrow({ token });
  done("withdrawals", `citizen ${usd(citizenCredit.amount)}, north ${usd(northCredit.amount)}`, citizenCredit.hash);

  // 5. The stream's last claim, after its end: it completes the stream, which is then recorded.
  await travelTo(start + 31n * DAY);
  const last = await as.citizen.capital.claimStream({ escrowId: escrow.escrowId, index: 0n });
  done("stream completed", `${usd(last.amount)}: the whole ${usd(last.claimedTotal)} streamed`, last.hash);

  // 6. Reputation follows the recorded contributions.
  const citizenReputation = await as.citizen.graph.getReputation({ sovereignId: north, account: citizen });
  done(
    "reputation",
    `the citizen's reputation in north: ${citizenReputation} points (the mission's own deal, a member of north)`,
  );

  // 7. Mission revenue into a split predicted before it exists, then distributed.
  const [first, second, third] = [citizen, verifier, book.contracts.timelock.address].sort((a, b) =>
    BigInt(a) < BigInt(b) ? -1 : 1,
  );
  const parts: Record<string, number> = {
    [citizen]: 500_000,
    [verifier]: 200_000,
    [book.contracts.timelock.address]: 300_000,
  };
  const config = {
    recipients: [first, second, third],
    allocations: [parts[first], parts[second], parts[third]],
    distributorFee: 10_000,
  };
  const salt = keccak256(toHex(`mission ${missionId} revenue`));
  const predicted = predictSplitAddress({ factory: book.contracts.splitFactory.address, config, salt });
  const revenue = 5_000n * USD;
  const paid = await mined(
    await wallet(northAdmin).writeContract({
      address: token,
      abi: erc20Abi,
      functionName: "transfer",
      args: [predicted.split, revenue],
    }),
  );
  done(
    "revenue",
    `${usd(revenue)} paid to the split's predicted address ${short(predicted.split)}`,
    paid.transactionHash,
  );
  const created = await as.keeper.capital.createSplit({ config, salt });
  if (created.split.toLowerCase() !== predicted.split.toLowerCase()) {
    throw new Error(`the split was created at ${created.split}, not at the predicted ${predicted.split}`);
  }
  done("split created", "at the predicted address: citizen 50%, verifier 20%, north's treasury 30%", created.hash);
  const distributed = await as.keeper.capital.distributeSplit({ split: created.split, token, config });
  done(
    "split distributed",
    `${usd(distributed.amount)}, the keeper's fee ${usd(distributed.distributorReward)}`,
    distributed.hash,
  );

  return {
    token,
    missionId,
    escrowId: escrow.escrowId,
    bountyId: bounty.bountyId,
    disputeId: disputed.disputeId,
    split: created.split,
    citizen,
    citizenReputation,
    steps,
  };
}
