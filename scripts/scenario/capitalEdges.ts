/**
 * Test-only: capital's edge cases, in three sovereigns of their own (hyperborea, thalassa, lyonesse; an
 * arbiter drawn from lyonesse), two missions of hyperborea, bounties in ETH and ATLAS (one
 * credential-gated, one awarded, topped up after the award, then expired and reclaimed, one
 * cancelled after a submission, one awarded while its sovereign was suspended), three escrows (one
 * in ATLAS with a protocol fee, endorsed by its funder, a mission manager; one in ETH created
 * unfunded by a manager for another funder; one in ETH funded by an outsider and endorsed by the
 * mission's manager), each accepted by its contributor, whose milestones are approved, attested,
 * released optimistically, reclaimed, streamed, ended early (by the contributor, and by the funder:
 * reclaimed after the review window, or disputed) and disputed (a ruling appealed to a drawn
 * arbiter, one final at once, one cross-appealed by both parties and ruled by governance's fallback
 * arbiters, one ruled and left unfinalized), pauses that end by themselves (the escrow's after a
 * day, the board's after ten), and splits (one distributed in ETH and ATLAS, with a recipient that
 * refuses ETH and takes its share elsewhere, then reconfigured after a last distribution under the
 * old configuration). Every deadline counts from `capitalStart`; the chapter ends 26 days after it.
 */
import {
  encodeAbiParameters,
  getAddress,
  keccak256,
  parseAbiParameters,
  parseEther,
  toHex,
  zeroAddress,
  zeroHash,
  type Address,
  type Hash,
  type Hex,
} from "viem";
import { hardhat } from "viem/chains";

import { ATLAS_SCHEMAS, type SplitConfig } from "../../sdk/src/index.ts";
import {
  arbitrationAbi,
  bountyBoardAbi,
  milestoneEscrowAbi,
  revenueSplitFactoryAbi,
  sovereignRegistryAbi,
} from "../../sdk/src/abi/index.ts";
import type { ScenarioContext } from "./context.ts";
import { attest, contracts, eventOf, sortAddresses } from "./contracts.ts";
import { MissionStatus, Role } from "./graphEdges.ts";
import { chapter, type ScenarioStep } from "./step.ts";

const DAY = 86_400n;
const ATLAS = 10n ** 18n;
const FEE_BPS = 250n;

const metadata = (name: string) => ({ uri: `ipfs://atlas/${name}`, hash: keccak256(toHex(name)) });
const evidence = metadata("evidence");

const lump = (amount: bigint, deadline: bigint) => ({ amount, kind: 0, deadline: Number(deadline), start: 0, end: 0 });
const stream = (amount: bigint, start: bigint, end: bigint) => ({
  amount,
  kind: 1,
  deadline: 0,
  start: Number(start),
  end: Number(end),
});

/** Runs a governance-only call as the timelock (impersonated). */
function asGovernance(ctx: ScenarioContext, call: (timelock: Address) => Promise<Hash>) {
  const timelock = ctx.book.contracts.timelock.address;
  return ctx.impersonating(timelock, () => ctx.mined(call(timelock)));
}

/** The terms of a bounty of the funded mission. */
function terms(ctx: ScenarioContext, token: Address, deadline: bigint, name: string, credentialSchema: Hex = zeroHash) {
  return {
    missionId: ctx.need("fundedMission"),
    token,
    deadline,
    credentialTrustedBy: credentialSchema === zeroHash ? 0n : ctx.need("hyperborea"),
    credentialSchema,
    metadataURI: metadata(name).uri,
    metadataHash: metadata(name).hash,
  };
}

const escrowCreated = (receipt: { logs: readonly unknown[] } & Parameters<typeof eventOf>[0]) =>
  eventOf(receipt, milestoneEscrowAbi, "EscrowCreated").escrowId;
const bountyCreated = (receipt: Parameters<typeof eventOf>[0]) =>
  eventOf(receipt, bountyBoardAbi, "BountyCreated").bountyId;
const disputeOpened = (receipt: Parameters<typeof eventOf>[0]) =>
  eventOf(receipt, arbitrationAbi, "DisputeOpened").disputeId;

/** What the chapter's steps hand each other before its ids are complete. */
interface Draft {
  credential?: Hex;
  atlas?: bigint;
  eth?: bigint;
  outsider?: bigint;
  topped?: bigint;
  gated?: bigint;
  cancelled?: bigint;
  appealed?: bigint;
  final?: bigint;
  crossAppealed?: bigint;
}
const drafts = new WeakMap<ScenarioContext, Draft>();
function draft(ctx: ScenarioContext): Draft {
  let found = drafts.get(ctx);
  if (found === undefined) drafts.set(ctx, (found = {}));
  return found;
}
function drafted<K extends keyof Draft>(ctx: ScenarioContext, key: K): NonNullable<Draft[K]> {
  const value = draft(ctx)[key];
  if (value === undefined) throw new Error(`no earlier step of the capital edge cases produced "${key}"`);
  return value;
}

const step = chapter("Capital edge cases (test only)", { testOnly: true });

export const CAPITAL_EDGE_STEPS: readonly ScenarioStep[] = [
  /* THE GRAPH UNDERNEATH: sovereigns, an arbiter, missions, a trusted credential */
  step("sovereigns and an arbiter", "graph", async (ctx) => {
    const { alice, bob, guardian, carol, dave, eve } = ctx.accounts;
    const { registry } = contracts(ctx);
    for (const [admin, handle] of [
      [alice, "hyperborea"],
      [bob, "thalassa"],
      [guardian, "lyonesse"],
    ] as const) {
      const { uri, hash } = metadata(handle);
      const receipt = await ctx.mined(registry(admin).write.register([handle, uri, hash]));
      ctx.ids[handle] = eventOf(receipt, sovereignRegistryAbi, "SovereignRegistered").sovereignId;
    }
    const [hyperborea, thalassa, lyonesse] = [ctx.need("hyperborea"), ctx.need("thalassa"), ctx.need("lyonesse")];
    // Lyonesse is recognized by both others: its arbiters can be drawn for their disputes.
    await ctx.mined(registry(guardian).write.recognize([lyonesse, hyperborea]));
    await ctx.mined(registry(alice).write.recognize([hyperborea, lyonesse]));
    await ctx.mined(registry(guardian).write.recognize([lyonesse, thalassa]));
    await ctx.mined(registry(bob).write.recognize([thalassa, lyonesse]));
    await ctx.mined(registry(guardian).write.invite([lyonesse, eve]));
    await ctx.mined(registry(eve).write.acceptInvitation([lyonesse]));
    await ctx.mined(registry(guardian).write.grantRole([lyonesse, eve, Role.Arbiter]));
    // An escrow names each party's sovereign only if the party is a member of it.
    await ctx.mined(registry(bob).write.invite([thalassa, dave]));
    await ctx.mined(registry(dave).write.acceptInvitation([thalassa]));
    await ctx.mined(registry(alice).write.invite([hyperborea, carol]));
    const joined = await ctx.mined(registry(carol).write.acceptInvitation([hyperborea]));
    return {
      detail: "hyperborea, thalassa, lyonesse (eve its arbiter); dave in thalassa, carol in hyperborea",
      tx: joined.transactionHash,
    };
  }),
  step("missions and a credential", "graph", async (ctx) => {
    const { alice, carol, dave } = ctx.accounts;
    const { registry } = contracts(ctx);
    const hyperborea = ctx.need("hyperborea");
    const missions: bigint[] = [];
    for (const name of ["mission-funded", "mission-unfunded"]) {
      const { uri, hash } = metadata(name);
      const receipt = await ctx.mined(registry(alice).write.createMission([hyperborea, 0n, uri, hash]));
      missions.push(eventOf(receipt, sovereignRegistryAbi, "MissionCreated").missionId);
    }
    const [funded, unfunded] = missions;
    ctx.ids.fundedMission = funded;
    ctx.ids.unfundedMission = unfunded;
    await ctx.mined(registry(alice).write.transitionMission([funded, MissionStatus.Open]));
    await ctx.mined(registry(alice).write.transitionMission([unfunded, MissionStatus.Open]));
    const skillSchema = ctx.book.schemas.skillCredential;
    await ctx.mined(registry(alice).write.trustIssuer([hyperborea, skillSchema, carol]));
    draft(ctx).credential = await attest(
      ctx,
      carol,
      skillSchema,
      dave,
      encodeAbiParameters(parseAbiParameters(ATLAS_SCHEMAS.skillCredential), ["solidity", 4, "ipfs://atlas/ev"]),
    );
    ctx.ids.capitalStart = await ctx.now();
    return { detail: "two open missions of hyperborea; carol, trusted by it, attests dave's skill" };
  }),

  /* ESCROWS: one in ATLAS with a 2.5% protocol fee, funded at creation; one in ETH, funded later */
  step("escrows: ATLAS and ETH", "capital", async (ctx) => {
    const { alice, bob, carol, dave, guardian } = ctx.accounts;
    const { escrow, token } = contracts(ctx);
    const t0 = ctx.need("capitalStart");
    const [hyperborea, thalassa] = [ctx.need("hyperborea"), ctx.need("thalassa")];
    await asGovernance(ctx, (timelock) => escrow(timelock).write.setProtocolFee([Number(FEE_BPS)]));
    ctx.ids.escrowProtocolFeeBps = FEE_BPS;
    const atlasMilestones = [
      lump(100n * ATLAS, t0 + 30n * DAY), // approved by the funder
      lump(50n * ATLAS, t0 + 30n * DAY), // released on the verifier's attestation
      lump(80n * ATLAS, t0 + 30n * DAY), // disputed by the funder, appealed
      stream(120n * ATLAS, t0, t0 + 40n * DAY), // claimed once, still vesting at the end of the world
      lump(30n * ATLAS, t0 + 2n * DAY), // never submitted: reclaimed
    ];
    await ctx.mined(
      token(alice).write.approve([
        ctx.book.contracts.escrow.address,
        atlasMilestones.reduce((s, m) => s + m.amount, 0n),
      ]),
    );
    const atlas = escrowCreated(
      await ctx.mined(
        escrow(alice).write.createEscrow([
          {
            missionId: ctx.need("fundedMission"),
            funder: alice,
            contributor: dave,
            token: ctx.book.contracts.token.address,
            verifier: carol,
            arbiter: guardian,
            funderSovereign: hyperborea,
            contributorSovereign: thalassa,
            reviewWindow: Number(DAY),
            fund: true,
          },
          atlasMilestones,
        ]),
      ),
    );
    await asGovernance(ctx, (timelock) => escrow(timelock).write.setProtocolFee([0]));
    const eth = escrowCreated(
      await ctx.mined(
        escrow(alice).write.createEscrow([
          {
            missionId: ctx.need("fundedMission"),
            funder: bob,
            contributor: carol,
            token: zeroAddress,
            verifier: zeroAddress,
            arbiter: zeroAddress,
            funderSovereign: thalassa,
            contributorSovereign: hyperborea,
            reviewWindow: 3600,
            fund: false,
          },
          [
            lump(parseEther("1"), t0 + 30n * DAY), // released optimistically
            lump(parseEther("0.5"), t0 + 30n * DAY), // never funded
            stream(parseEther("2"), t0, t0 + 5n * DAY), // claimed whole
            lump(parseEther("0.4"), t0 + 30n * DAY), // disputed by the contributor
          ],
        ]),
      ),
    );
    for (const [index, value] of [
      [0n, parseEther("1")],
      [2n, parseEther("2")],
      [3n, parseEther("0.4")],
    ] as const) {
      await ctx.mined(escrow(bob).write.fundMilestone([eth, index], { value }));
    }
    // The deals: the ATLAS escrow's funder, a manager of the mission, endorses it (the ETH one,
    // created by a manager for another funder, is endorsed from the start); each contributor accepts.
    await ctx.mined(escrow(alice).write.endorseEscrow([atlas]));
    await ctx.mined(escrow(dave).write.acceptEscrow([atlas]));
    const accepted = await ctx.mined(escrow(carol).write.acceptEscrow([eth]));
    Object.assign(draft(ctx), { atlas, eth });
    return {
      detail: `escrow ${atlas} in ATLAS (2.5% fee), escrow ${eth} in ETH funded later`,
      tx: accepted.transactionHash,
    };
  }),
  // The ATLAS escrow: an approval, an attested release, a dispute by the funder, ruled 60% to the
  // funder by the named arbiter, appealed by dave to eve (drawn from lyonesse), who rules 25%.
  step("escrow work and an appeal", "interstate", async (ctx) => {
    const { alice, bob, carol, dave, eve, guardian } = ctx.accounts;
    const { escrow, arbitration } = contracts(ctx);
    const atlas = drafted(ctx, "atlas");
    await ctx.mined(escrow(alice).write.approveMilestone([atlas, 0n]));
    const verified = await attest(
      ctx,
      carol,
      ctx.book.schemas.milestoneVerification,
      dave,
      encodeAbiParameters(parseAbiParameters(ATLAS_SCHEMAS.milestoneVerification), [
        BigInt(hardhat.id),
        ctx.book.contracts.escrow.address,
        atlas,
        1n,
        true,
        "ipfs://atlas/ok",
      ]),
    );
    await ctx.mined(escrow(dave).write.approveWithAttestation([atlas, 1n, verified]));
    await ctx.mined(escrow(dave).write.submitMilestone([atlas, 2n, evidence.uri, evidence.hash]));
    const appealed = disputeOpened(
      await ctx.mined(escrow(alice).write.dispute([atlas, 2n, "ipfs://atlas/funder-claim", keccak256(toHex("claim"))])),
    );
    draft(ctx).appealed = appealed;
    await ctx.mined(
      arbitration(dave).write.submitEvidence([appealed, "ipfs://atlas/defence", keccak256(toHex("defence"))]),
    );
    await ctx.mined(arbitration(guardian).write.rule([appealed, 600_000n]));
    await ctx.mined(arbitration(dave).write.appeal([appealed]));
    await ctx.mined(arbitration(dave).write.proposeArbiter([appealed, eve, ctx.need("lyonesse")]));
    await ctx.mined(arbitration(eve).write.rule([appealed, 250_000n]));
    const finalized = await ctx.mined(arbitration(bob).write.finalize([appealed]));
    return {
      detail: `dispute ${appealed}: 60% to the funder, appealed, 25% in round 2`,
      tx: finalized.transactionHash,
    };
  }),
  // The ETH escrow: submissions, a dispute by the contributor, ruled 70% to it.
  step("a contributor's dispute", "interstate", async (ctx) => {
    const { carol, eve } = ctx.accounts;
    const { escrow, arbitration } = contracts(ctx);
    const eth = drafted(ctx, "eth");
    await ctx.mined(escrow(carol).write.submitMilestone([eth, 0n, evidence.uri, evidence.hash]));
    await ctx.mined(escrow(carol).write.submitMilestone([eth, 3n, evidence.uri, evidence.hash]));
    const final = disputeOpened(
      await ctx.mined(
        escrow(carol).write.dispute([eth, 3n, "ipfs://atlas/contributor-claim", keccak256(toHex("mine"))]),
      ),
    );
    draft(ctx).final = final;
    await ctx.mined(arbitration(carol).write.proposeArbiter([final, eve, ctx.need("lyonesse")]));
    const ruled = await ctx.mined(arbitration(eve).write.rule([final, 700_000n]));
    return { detail: `dispute ${final}: 70% to the contributor`, tx: ruled.transactionHash };
  }),

  /* BOUNTIES */
  step("bounties", "capital", async (ctx) => {
    const { alice, bob, carol, dave, eve } = ctx.accounts;
    const { board, token } = contracts(ctx);
    const t0 = ctx.need("capitalStart");
    const atlasToken = ctx.book.contracts.token.address;
    const topped = bountyCreated(
      await ctx.mined(
        board(alice).write.createBounty([terms(ctx, zeroAddress, t0 + 3n * DAY, "bounty-eth"), parseEther("1")], {
          value: parseEther("1"),
        }),
      ),
    );
    await ctx.mined(board(bob).write.fund([topped, parseEther("0.5")], { value: parseEther("0.5") }));
    await ctx.mined(board(dave).write.submitWork([topped, "ipfs://atlas/dave", keccak256(toHex("dave")), zeroHash]));
    await ctx.mined(board(eve).write.submitWork([topped, "ipfs://atlas/eve", keccak256(toHex("eve")), zeroHash]));
    await ctx.mined(board(alice).write.award([topped, [dave, eve], [parseEther("0.6"), parseEther("0.3")]]));
    // A top-up after the award pays for no part of it: carol's 0.3 ETH comes back whole.
    await ctx.mined(board(carol).write.fund([topped, parseEther("0.3")], { value: parseEther("0.3") }));

    await ctx.mined(token(carol).write.approve([ctx.book.contracts.bountyBoard.address, 100n * ATLAS]));
    const gated = bountyCreated(
      await ctx.mined(
        board(carol).write.createBounty([
          terms(ctx, atlasToken, t0 + 60n * DAY, "bounty-atlas", ctx.book.schemas.skillCredential),
          100n * ATLAS,
        ]),
      ),
    );
    const credential = drafted(ctx, "credential");
    await ctx.mined(
      board(dave).write.submitWork([gated, "ipfs://atlas/dave-2", keccak256(toHex("dave-2")), credential]),
    );
    await ctx.mined(board(alice).write.award([gated, [dave], [40n * ATLAS]]));

    // A submission does not lock the funds: the manager cancels before any award.
    const cancelled = bountyCreated(
      await ctx.mined(
        board(bob).write.createBounty(
          [terms(ctx, zeroAddress, t0 + 10n * DAY, "bounty-cancelled"), parseEther("0.2")],
          {
            value: parseEther("0.2"),
          },
        ),
      ),
    );
    await ctx.mined(
      board(dave).write.submitWork([cancelled, "ipfs://atlas/dave-3", keccak256(toHex("dave-3")), zeroHash]),
    );
    await ctx.mined(board(alice).write.cancel([cancelled]));
    const reclaimed = await ctx.mined(board(bob).write.reclaim([cancelled, bob]));
    Object.assign(draft(ctx), { topped, gated, cancelled });
    return {
      detail: `bounty ${topped} awarded and topped up, ${gated} gated, ${cancelled} cancelled`,
      tx: reclaimed.transactionHash,
    };
  }),

  /* THE OUTSIDER'S ESCROW: an outsider funds the mission in ETH; its manager endorses the deal */
  step("an outsider's escrow", "capital", async (ctx) => {
    const { alice, bob, eve, deployer, fallbackOne, fallbackTwo } = ctx.accounts;
    const { escrow, arbitration } = contracts(ctx);
    const t0 = ctx.need("capitalStart");
    const outsider = escrowCreated(
      await ctx.mined(
        escrow(bob).write.createEscrow(
          [
            {
              missionId: ctx.need("fundedMission"),
              funder: bob,
              contributor: eve,
              token: zeroAddress,
              verifier: zeroAddress,
              arbiter: zeroAddress,
              funderSovereign: ctx.need("thalassa"),
              contributorSovereign: ctx.need("lyonesse"),
              reviewWindow: Number(DAY),
              fund: true,
            },
            [
              stream(parseEther("3"), t0, t0 + 30n * DAY), // cancelled by the funder, its rest disputed
              stream(parseEther("1"), t0, t0 + 10n * DAY), // ended by the contributor
              stream(parseEther("1"), t0, t0 + 10n * DAY), // cancelled by the funder, its rest reclaimed
              lump(parseEther("0.5"), t0 + 30n * DAY), // disputed by the funder, never finalized
            ],
          ],
          { value: parseEther("5.5") },
        ),
      ),
    );
    draft(ctx).outsider = outsider;
    ctx.ids.escrows = { atlas: drafted(ctx, "atlas"), eth: drafted(ctx, "eth"), outsider };
    await ctx.mined(escrow(alice).write.endorseEscrow([outsider]));
    await ctx.mined(escrow(eve).write.acceptEscrow([outsider]));
    // Governance adds a third fallback arbiter (the deployment named dev accounts 18 and 19).
    for (const account of [fallbackOne, fallbackTwo]) {
      if (!(await arbitration(account).read.isFallbackArbiter([account]))) {
        throw new Error(`dev account ${account} is not a fallback arbiter`);
      }
    }
    const added = await asGovernance(ctx, (timelock) =>
      arbitration(timelock).write.setFallbackArbiter([deployer, true]),
    );
    return {
      detail: `escrow ${outsider}: bob funds eve in ETH; the deployer a third fallback arbiter`,
      tx: added.transactionHash,
    };
  }),

  /* THE ESCROW IS PAUSED FOR A DAY: its clock stands still, its deadlines move by as much */
  step("escrow paused a day", "capital", async (ctx) => {
    const { escrow } = contracts(ctx);
    // Governance shortens the escrow's pauses to a day; the guardian's pause then ends by itself.
    await asGovernance(ctx, (timelock) => escrow(timelock).write.setMaxPauseDuration([Number(DAY)]));
    const paused = await ctx.mined(escrow(ctx.accounts.guardian).write.pause());
    await ctx.travelTo(ctx.need("capitalStart") + 2n * DAY);
    return { detail: "pauses last a day at most; the guardian pauses it", tx: paused.transactionHash };
  }),

  /* FOUR DAYS LATER: deadlines, review windows and the appeal window have passed */
  step("four days later", "capital", async (ctx) => {
    const { alice, bob, carol } = ctx.accounts;
    const { escrow, arbitration, board } = contracts(ctx);
    const { atlas, eth } = ctx.need("escrows");
    await ctx.travelTo(ctx.need("capitalStart") + 4n * DAY);
    await ctx.mined(escrow(carol).write.releaseOptimistic([eth, 0n]));
    await ctx.mined(escrow(alice).write.reclaimMilestone([atlas, 4n]));
    await ctx.mined(arbitration(alice).write.finalize([drafted(ctx, "final")]));
    // Alice and bob take back their part of the leftover; carol's refund waits.
    const topped = drafted(ctx, "topped");
    await ctx.mined(board(alice).write.reclaim([topped, alice]));
    const reclaimed = await ctx.mined(board(bob).write.reclaim([topped, carol]));
    return {
      detail: "an optimistic release, a reclaim, a ruling finalized, two bounty refunds",
      tx: reclaimed.transactionHash,
    };
  }),
  // The outsider's stream 0: bob cancels it, eve disputes the unvested rest. Round 1: eve draws a
  // fallback arbiter, who gives her 40%. Bob appeals first, draws the other fallback arbiter; eve,
  // whom the ruling disfavours, appeals too and moves round 2 from then on: she replaces bob's
  // arbiter by the third fallback arbiter, who gives her 80%.
  step("a cross-appeal", "interstate", async (ctx) => {
    const { bob, eve, carol, deployer, fallbackOne, fallbackTwo } = ctx.accounts;
    const { escrow, arbitration } = contracts(ctx);
    const { outsider } = ctx.need("escrows");
    await ctx.mined(escrow(bob).write.cancelStream([outsider, 0n]));
    const crossAppealed = disputeOpened(
      await ctx.mined(
        escrow(eve).write.dispute([outsider, 0n, "ipfs://atlas/eve-claim", keccak256(toHex("eve-claim"))]),
      ),
    );
    draft(ctx).crossAppealed = crossAppealed;
    await ctx.mined(arbitration(eve).write.proposeArbiter([crossAppealed, fallbackOne, 0n]));
    await ctx.mined(arbitration(fallbackOne).write.rule([crossAppealed, 400_000n]));
    await ctx.mined(arbitration(bob).write.appeal([crossAppealed]));
    await ctx.mined(arbitration(bob).write.proposeArbiter([crossAppealed, fallbackTwo, 0n]));
    await ctx.mined(arbitration(eve).write.appeal([crossAppealed]));
    await ctx.mined(arbitration(eve).write.proposeArbiter([crossAppealed, deployer, 0n]));
    await ctx.mined(arbitration(deployer).write.rule([crossAppealed, 800_000n]));
    const finalized = await ctx.mined(arbitration(carol).write.finalize([crossAppealed]));
    return {
      detail: `dispute ${crossAppealed}: 40%, appealed by both, 80% by the third fallback arbiter`,
      tx: finalized.transactionHash,
    };
  }),
  // Stream 1 ended by eve (the rest goes back to bob), stream 2 cancelled by bob; the lump
  // submitted, disputed by bob, ruled all to him, never finalized.
  step("streams ended early", "interstate", async (ctx) => {
    const { bob, eve, fallbackOne } = ctx.accounts;
    const { escrow, arbitration } = contracts(ctx);
    const { outsider } = ctx.need("escrows");
    await ctx.mined(escrow(eve).write.cancelStream([outsider, 1n]));
    await ctx.mined(escrow(bob).write.cancelStream([outsider, 2n]));
    await ctx.mined(escrow(eve).write.submitMilestone([outsider, 3n, evidence.uri, evidence.hash]));
    const unfinalized = disputeOpened(
      await ctx.mined(
        escrow(bob).write.dispute([outsider, 3n, "ipfs://atlas/bob-claim", keccak256(toHex("bob-claim"))]),
      ),
    );
    await ctx.mined(arbitration(bob).write.proposeArbiter([unfinalized, fallbackOne, 0n]));
    const ruled = await ctx.mined(arbitration(fallbackOne).write.rule([unfinalized, 1_000_000n]));
    ctx.ids.disputes = {
      appealed: drafted(ctx, "appealed"),
      final: drafted(ctx, "final"),
      crossAppealed: drafted(ctx, "crossAppealed"),
      unfinalized,
    };
    return {
      detail: `streams ended by each party; dispute ${unfinalized} ruled, never finalized`,
      tx: ruled.transactionHash,
    };
  }),

  /* TEN DAYS LATER: streams claimed, a cancelled stream's rest reclaimed, credits withdrawn */
  step("ten days later", "capital", async (ctx) => {
    const { alice, bob, carol, dave, eve, guardian } = ctx.accounts;
    const { escrow, board, registry } = contracts(ctx);
    const { atlas, eth, outsider } = ctx.need("escrows");
    const t0 = ctx.need("capitalStart");
    await ctx.travelTo(t0 + 10n * DAY);
    await ctx.mined(escrow(dave).write.claim([atlas, 3n]));
    await ctx.mined(escrow(carol).write.claim([eth, 2n]));
    await ctx.mined(escrow(carol).write.withdraw([zeroAddress, carol]));
    await ctx.mined(escrow(bob).write.reclaimMilestone([outsider, 2n]));
    await ctx.mined(escrow(eve).write.withdraw([zeroAddress, eve]));

    // A bounty awarded while its sovereign is suspended: the ledger refuses the record, eve is paid.
    const unrecorded = bountyCreated(
      await ctx.mined(
        board(alice).write.createBounty(
          [terms(ctx, zeroAddress, t0 + 20n * DAY, "bounty-unrecorded"), parseEther("0.1")],
          {
            value: parseEther("0.1"),
          },
        ),
      ),
    );
    ctx.ids.bounties = {
      topped: drafted(ctx, "topped"),
      gated: drafted(ctx, "gated"),
      cancelled: drafted(ctx, "cancelled"),
      unrecorded,
    };
    await ctx.mined(
      board(eve).write.submitWork([unrecorded, "ipfs://atlas/eve-4", keccak256(toHex("eve-4")), zeroHash]),
    );
    const hyperborea = ctx.need("hyperborea");
    await asGovernance(ctx, (timelock) => registry(timelock).write.suspendSovereign([hyperborea]));
    await ctx.mined(board(alice).write.award([unrecorded, [eve], [parseEther("0.05")]]));
    await asGovernance(ctx, (timelock) => registry(timelock).write.reactivateSovereign([hyperborea]));

    // The board's pauses last at most ten days; the guardian pauses it, and nobody unpauses.
    await asGovernance(ctx, (timelock) => board(timelock).write.setMaxPauseDuration([Number(10n * DAY)]));
    const paused = await ctx.mined(board(guardian).write.pause());
    return {
      detail: `claims, withdrawals; bounty ${unrecorded} awarded unrecorded; the board paused`,
      tx: paused.transactionHash,
    };
  }),

  /* SPLITS */
  step("splits", "capital", async (ctx) => {
    const { alice, bob, carol, dave, eve, deployer } = ctx.accounts;
    const { factory, split, token } = contracts(ctx);
    const atlasToken = ctx.book.contracts.token.address;
    const deployed = await ctx.mined(
      ctx.wallet(deployer).deployContract({
        abi: ctx.artifacts.revertingReceiver.abi,
        bytecode: ctx.artifacts.revertingReceiver.bytecode,
      }),
    );
    const refuser = getAddress(deployed.contractAddress!);
    ctx.ids.refuser = refuser;
    const createSplit = async (creator: Address, config: SplitConfig, controller: Address, salt: string) => {
      const receipt = await ctx.mined(factory(creator).write.createSplit([config, controller, keccak256(toHex(salt))]));
      return eventOf(receipt, revenueSplitFactoryAbi, "SplitCreated").split;
    };
    const sendEth = (from: Address, to: Address, value: bigint) =>
      ctx.mined(ctx.wallet(from).sendTransaction({ to, value }));

    const sorted = sortAddresses([alice, bob, refuser]);
    const allocation = { [alice]: 500_000, [bob]: 300_000, [refuser]: 200_000 };
    const first: SplitConfig = {
      recipients: sorted,
      allocations: sorted.map((r) => allocation[r]),
      distributorFee: 10_000,
    };
    const revenue = await createSplit(deployer, first, alice, "revenue");
    // ETH: the refuser's share is deferred; dave distributes, eve gets the reward.
    await sendEth(deployer, revenue, parseEther("1"));
    await ctx.mined(split(revenue)(dave).write.distribute([zeroAddress, first, eve]));
    // ATLAS: dave distributes and takes the reward himself.
    await ctx.mined(token(carol).write.transfer([revenue, 1_000n * ATLAS + 7n]));
    await ctx.mined(split(revenue)(dave).write.distribute([atlasToken, first, zeroAddress]));
    // The refuser takes its deferred ETH to carol.
    await ctx.impersonating(refuser, () => ctx.mined(split(revenue)(refuser).write.withdraw([zeroAddress, carol])));
    // Reconfigured by its controller, which first distributes the ATLAS paid in since under the
    // old configuration; made immutable, distributed again without a fee.
    await ctx.mined(token(carol).write.transfer([revenue, 200n * ATLAS]));
    const pair = sortAddresses([alice, carol]);
    const second: SplitConfig = {
      recipients: pair,
      allocations: pair.map((r) => (r === alice ? 600_000 : 400_000)),
      distributorFee: 0,
    };
    await ctx.mined(split(revenue)(alice).write.updateSplit([second, [atlasToken], first]));
    await ctx.mined(split(revenue)(alice).write.transferControl([zeroAddress]));
    await sendEth(deployer, revenue, parseEther("0.3"));
    await ctx.mined(split(revenue)(bob).write.distribute([zeroAddress, second, bob]));
    const solo: SplitConfig = { recipients: [dave], allocations: [1_000_000], distributorFee: 0 };
    const quiet = await createSplit(carol, solo, zeroAddress, "quiet");
    ctx.ids.revenueSplit = { address: revenue, config: second };
    ctx.ids.quietSplit = { address: quiet, config: solo };
    return { detail: "one distributed in ETH and ATLAS, reconfigured, made immutable; one never paid" };
  }),

  /* TWENTY-SIX DAYS AFTER THE START: the board's pause ended by itself at day 20 */
  step("twenty-six days later", "capital", async (ctx) => {
    await ctx.travelTo(ctx.need("capitalStart") + 26n * DAY);
    return { detail: "the board's ten-day pause ended by itself" };
  }),
];
