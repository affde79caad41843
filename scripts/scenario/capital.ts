/**
 * The main job's capital steps: steps 3, 5, 6 and 7 of the coordination loop (docs/ARCHITECTURE.md), on the
 * sovereigns, credentials and mission of the graph steps (graph.ts).
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
import { erc20Abi, formatUnits, getAddress, keccak256, parseAbi, toHex, type Address } from "viem";

import { canonicalJson, hashMetadata, predictSplitAddress } from "../../sdk/src/index.ts";
import type { ScenarioContext } from "./context.ts";
import { chapter, short, type ScenarioStep } from "./step.ts";

const DAY = 86_400n;
/** nUSD has 6 decimals. */
const USD = 10n ** 6n;
const usd = (amount: bigint) => `${formatUnits(amount, 6)} nUSD`;
const mintAbi = parseAbi(["function mint(address to, uint256 amount)"]);

const ESCROW_TOTAL = 6_000n * USD + 2_000n * USD + 1_000n * USD;
const BOUNTY_AMOUNT = 1_000n * USD;
const REVENUE = 5_000n * USD;

/** North's treasurer (its admin) approves `spender` for `amount` nUSD. */
async function approve(ctx: ScenarioContext, spender: Address, amount: bigint) {
  await ctx.mined(
    ctx.wallet(ctx.accounts.northAdmin).writeContract({
      address: ctx.need("stablecoin"),
      abi: erc20Abi,
      functionName: "approve",
      args: [spender, amount],
    }),
  );
}

const step = chapter("Capital scenario (coordination loop steps 3, 5, 6 and 7)");

export const CAPITAL_STEPS: readonly ScenarioStep[] = [
  // North's treasurer (its admin) holds the stablecoin.
  step("stablecoin", "capital", async (ctx) => {
    const { northAdmin } = ctx.accounts;
    const treasurer = ctx.wallet(northAdmin);
    const deployed = await treasurer.deployContract({
      abi: ctx.artifacts.demoStablecoin.abi,
      bytecode: ctx.artifacts.demoStablecoin.bytecode,
      args: ["North Dollar", "nUSD"],
    });
    const token = getAddress((await ctx.mined(deployed)).contractAddress!);
    ctx.ids.stablecoin = token;
    await ctx.mined(
      treasurer.writeContract({
        address: token,
        abi: mintAbi,
        functionName: "mint",
        args: [northAdmin, 100_000n * USD],
      }),
    );
    return { detail: `nUSD ${short(token)}: 100,000 minted to north's treasurer`, tx: deployed };
  }),
  // South's arbiter: a member of south with the arbiter role.
  step("arbiter: south", "graph", async (ctx) => {
    const { southAdmin, arbiter } = ctx.accounts;
    const south = ctx.need("south");
    await ctx.as(southAdmin).graph.invite({ sovereignId: south, account: arbiter });
    await ctx.as(arbiter).graph.acceptInvitation({ sovereignId: south });
    const role = await ctx.as(southAdmin).graph.grantRole({ sovereignId: south, account: arbiter, role: "arbiter" });
    return { detail: `${short(arbiter)} joins south as an arbiter`, tx: role.hash };
  }),
  // 3. The mission is funded: an escrow and a bounty.
  step("escrow", "capital", async (ctx) => {
    const { northAdmin, citizen, verifier } = ctx.accounts;
    const start = (await ctx.now()) + 60n;
    ctx.ids.streamStart = start;
    await approve(ctx, ctx.book.contracts.escrow.address, ESCROW_TOTAL);
    const north = ctx.need("north");
    const escrow = await ctx.as(northAdmin).capital.createEscrow({
      missionId: ctx.need("mission"),
      contributor: citizen,
      token: ctx.need("stablecoin"),
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
    ctx.ids.escrow = escrow.escrowId;
    return { detail: `${escrow.escrowId}: ${usd(ESCROW_TOTAL)} funded (30-day stream, 2 lumps)`, tx: escrow.hash };
  }),
  // Only the mission's own deals earn reputation: north's manager endorses this one, and the
  // citizen, a member of north (the sovereign the escrow names for it), accepts its terms.
  step("escrow endorsed", "capital", async (ctx) => {
    const endorsed = await ctx.as(ctx.accounts.northAdmin).capital.endorseEscrow({ escrowId: ctx.need("escrow") });
    return {
      detail: "north's manager makes it the mission's own deal: its payouts earn reputation",
      tx: endorsed.hash,
    };
  }),
  step("terms accepted", "capital", async (ctx) => {
    const escrowId = ctx.need("escrow");
    const accepted = await ctx.as(ctx.accounts.citizen).capital.acceptEscrow({ escrowId });
    return { detail: `the citizen accepts escrow ${escrowId}'s terms before any work`, tx: accepted.hash };
  }),
  step("bounty", "capital", async (ctx) => {
    await approve(ctx, ctx.book.contracts.bountyBoard.address, BOUNTY_AMOUNT);
    const document = {
      title: "Calibrate the delta's flood gauges",
      description:
        "Calibrate the twelve river gauges against the survey's benchmarks; a hydrology credential is required.",
    };
    const bounty = await ctx.as(ctx.accounts.northAdmin).capital.createBounty({
      missionId: ctx.need("mission"),
      metadataURI: `data:application/json;base64,${Buffer.from(canonicalJson(document)).toString("base64")}`,
      metadataHash: hashMetadata(document),
      token: ctx.need("stablecoin"),
      amount: BOUNTY_AMOUNT,
      deadline: ctx.need("streamStart") + 20n * DAY,
      credential: { schema: ctx.book.schemas.skillCredential, trustedBy: ctx.need("south") },
    });
    ctx.ids.bounty = bounty.bountyId;
    return {
      detail: `${bounty.bountyId}: ${usd(BOUNTY_AMOUNT)}, a skill credential south trusts required`,
      tx: bounty.hash,
    };
  }),
  // 5. Work: the bounty.
  step("bounty awarded", "capital", async (ctx) => {
    const { citizen, northAdmin } = ctx.accounts;
    const bountyId = ctx.need("bounty");
    await ctx.as(citizen).capital.submitWork({
      bountyId,
      evidenceURI: "ipfs://atlas-demo/bounty/flood-gauges",
      contentHash: keccak256(toHex("flood gauge calibration report")),
      credentialUID: ctx.need("foreignCredential"),
    });
    const awarded = await ctx
      .as(northAdmin)
      .capital.awardBounty({ bountyId, awards: [{ winner: citizen, amount: BOUNTY_AMOUNT }] });
    return { detail: `${usd(BOUNTY_AMOUNT)} to the citizen (entered with south's credential)`, tx: awarded.hash };
  }),
  // 5. Work: the stream, claimed twice mid-stream and at its end.
  ...[10n, 20n].map((day) =>
    step(`stream claim, day ${day}`, "capital", async (ctx) => {
      await ctx.travelTo(ctx.need("streamStart") + day * DAY);
      const claimed = await ctx
        .as(ctx.accounts.citizen)
        .capital.claimStream({ escrowId: ctx.need("escrow"), index: 0n });
      return { detail: `${usd(claimed.amount)} (claimed so far ${usd(claimed.claimedTotal)})`, tx: claimed.hash };
    }),
  ),
  // 5. Work: a lump milestone unlocked by the verifier's attestation.
  step("milestone attested", "graph", async (ctx) => {
    const { citizen, verifier } = ctx.accounts;
    const escrowId = ctx.need("escrow");
    await ctx.as(citizen).capital.submitMilestone({
      escrowId,
      index: 1n,
      evidenceURI: "ipfs://atlas-demo/escrow/survey-report",
      evidenceHash: keccak256(toHex("delta survey report")),
    });
    const attested = await ctx.as(verifier).graph.attestMilestoneVerification({
      escrowId,
      milestoneIndex: 1n,
      approved: true,
      evidenceURI: "ipfs://atlas-demo/escrow/survey-review",
      recipient: citizen,
    });
    ctx.ids.milestoneAttestation = attested.uid;
    return {
      detail: `verifier's EAS verification ${short(attested.uid)}, naming this chain and the escrow`,
      tx: attested.hash,
    };
  }),
  step("milestone unlocked", "capital", async (ctx) => {
    const unlocked = await ctx.as(ctx.accounts.keeper).capital.approveWithAttestation({
      escrowId: ctx.need("escrow"),
      index: 1n,
      uid: ctx.need("milestoneAttestation"),
    });
    return { detail: `${usd(2_000n * USD)} to the citizen, by anyone holding the attestation`, tx: unlocked.hash };
  }),
  // 5. Work: a disputed milestone, ruled 70/30 by an arbiter of south.
  step("dispute", "capital", async (ctx) => {
    const escrowId = ctx.need("escrow");
    await ctx.as(ctx.accounts.citizen).capital.submitMilestone({
      escrowId,
      index: 2n,
      evidenceURI: "ipfs://atlas-demo/escrow/maps",
      evidenceHash: keccak256(toHex("delta maps v1")),
    });
    const disputed = await ctx.as(ctx.accounts.northAdmin).capital.disputeMilestone({
      escrowId,
      index: 2n,
      evidenceURI: "ipfs://atlas-demo/escrow/maps-incomplete",
      evidenceHash: keccak256(toHex("three channels missing")),
    });
    ctx.ids.dispute = disputed.disputeId;
    return { detail: `north disputes milestone 2 (dispute ${disputed.disputeId})`, tx: disputed.hash };
  }),
  step("arbiter drawn", "interstate", async (ctx) => {
    const { arbiter } = ctx.accounts;
    const drawn = await ctx
      .as(ctx.accounts.citizen)
      .interstate.proposeArbiter({ disputeId: ctx.need("dispute"), arbiter, sovereignId: ctx.need("south") });
    return { detail: `${short(arbiter)} of south, recognized by north, run by neither party`, tx: drawn.hash };
  }),
  // The claimant (north, the funder) gets 30%: the citizen keeps 70%.
  step("ruling", "interstate", async (ctx) => {
    const ruled = await ctx
      .as(ctx.accounts.arbiter)
      .interstate.ruleDispute({ disputeId: ctx.need("dispute"), shareToClaimant: 300_000 });
    ctx.ids.appealDeadline = ruled.appealDeadline ?? (await ctx.now());
    return { detail: "30% to north, 70% to the citizen", tx: ruled.hash };
  }),
  step("ruling enforced", "interstate", async (ctx) => {
    await ctx.travelTo(ctx.need("appealDeadline") + 1n);
    const finalized = await ctx.as(ctx.accounts.keeper).interstate.finalizeDispute({ disputeId: ctx.need("dispute") });
    return { detail: "no appeal: the escrow credits both sides", tx: finalized.hash };
  }),
  step("withdrawals", "capital", async (ctx) => {
    const token = ctx.need("stablecoin");
    const citizenCredit = await ctx.as(ctx.accounts.citizen).capital.withdrawFromEscrow({ token });
    const northCredit = await ctx.as(ctx.accounts.northAdmin).capital.withdrawFromEscrow({ token });
    return {
      detail: `citizen ${usd(citizenCredit.amount)}, north ${usd(northCredit.amount)}`,
      tx: citizenCredit.hash,
    };
  }),
  // 5. The stream's last claim, after its end: it completes the stream, which is then recorded.
  step("stream completed", "capital", async (ctx) => {
    await ctx.travelTo(ctx.need("streamStart") + 31n * DAY);
    const last = await ctx.as(ctx.accounts.citizen).capital.claimStream({ escrowId: ctx.need("escrow"), index: 0n });
    return { detail: `${usd(last.amount)}: the whole ${usd(last.claimedTotal)} streamed`, tx: last.hash };
  }),
  // 6. Reputation follows the recorded contributions.
  step("reputation", "graph", async (ctx) => {
    const { citizen } = ctx.accounts;
    const points = await ctx.as(citizen).graph.getReputation({ sovereignId: ctx.need("north"), account: citizen });
    ctx.ids.citizenReputation = points;
    return {
      detail: `the citizen's reputation in north: ${points} points (the mission's own deal, a member of north)`,
    };
  }),
  // 7. Mission revenue into a split predicted before it exists, then distributed.
  step("revenue", "capital", async (ctx) => {
    const { citizen, verifier, northAdmin } = ctx.accounts;
    const treasury = ctx.book.contracts.timelock.address;
    const [first, second, third] = [citizen, verifier, treasury].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
    const parts: Record<string, number> = { [citizen]: 500_000, [verifier]: 200_000, [treasury]: 300_000 };
    const config = {
      recipients: [first, second, third],
      allocations: [parts[first], parts[second], parts[third]],
      distributorFee: 10_000,
    };
    const salt = keccak256(toHex(`mission ${ctx.need("mission")} revenue`));
    const predicted = predictSplitAddress({ factory: ctx.book.contracts.splitFactory.address, config, salt });
    ctx.ids.splitConfig = config;
    ctx.ids.splitSalt = salt;
    ctx.ids.split = predicted.split;
    const paid = await ctx.mined(
      ctx.wallet(northAdmin).writeContract({
        address: ctx.need("stablecoin"),
        abi: erc20Abi,
        functionName: "transfer",
        args: [predicted.split, REVENUE],
      }),
    );
    return {
      detail: `${usd(REVENUE)} paid to the split's predicted address ${short(predicted.split)}`,
      tx: paid.transactionHash,
    };
  }),
  step("split created", "capital", async (ctx) => {
    const predicted = ctx.need("split");
    const created = await ctx
      .as(ctx.accounts.keeper)
      .capital.createSplit({ config: ctx.need("splitConfig"), salt: ctx.need("splitSalt") });
    if (created.split.toLowerCase() !== predicted.toLowerCase()) {
      throw new Error(`the split was created at ${created.split}, not at the predicted ${predicted}`);
    }
    return { detail: "at the predicted address: citizen 50%, verifier 20%, north's treasury 30%", tx: created.hash };
  }),
  step("split distributed", "capital", async (ctx) => {
    const distributed = await ctx.as(ctx.accounts.keeper).capital.distributeSplit({
      split: ctx.need("split"),
      token: ctx.need("stablecoin"),
      config: ctx.need("splitConfig"),
    });
    return {
      detail: `${usd(distributed.amount)}, the keeper's fee ${usd(distributed.distributorReward)}`,
      tx: distributed.hash,
    };
  }),
];
