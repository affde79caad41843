/**
 * Test-only: governance's edge cases. Delegations by transaction and by signature, to oneself and
 * to another; a treasury transfer in ATLAS and ETH voted by transaction (with and without a
 * reason) and by signature, queued and executed; a proposal canceled while pending; one voted at
 * the last minute, whose deadline late quorum extends. At the end of the world (live.ts): one
 * Active proposal per indexer suite that votes after the backfill, and one still pending.
 */
import { encodeFunctionData, parseEther } from "viem";

import { type ProposeParameters } from "../../sdk/src/index.ts";
import { atlasTokenAbi } from "../../sdk/src/abi/index.ts";
import type { ScenarioContext } from "./context.ts";
import { chapter, type ScenarioStep } from "./step.ts";

const ATLAS = 10n ** 18n;

/** A treasury transfer to eve: `atlas` ATLAS and `eth` ETH. */
export function treasuryTransfer(
  ctx: ScenarioContext,
  description: string,
  atlas = 10_000n,
  eth = "1",
): ProposeParameters {
  const { eve } = ctx.accounts;
  return {
    targets: [ctx.book.contracts.token.address, eve],
    values: [0n, parseEther(eth)],
    calldatas: [encodeFunctionData({ abi: atlasTokenAbi, functionName: "transfer", args: [eve, atlas * ATLAS] }), "0x"],
    description,
  };
}

const PAID_AUDIT = "Pay eve for the audit";
const WITHDRAWN = "Withdrawn by alice";
const LAST_MINUTE = "Voted at the last minute";

const step = chapter("Governance edge cases (test only)", { testOnly: true });

export const GOVERNANCE_EDGE_STEPS: readonly ScenarioStep[] = [
  // The local voter gets ETH for nothing but the record and 30,000 ATLAS; the treasury gets 10 ETH.
  step("voter and treasury funded", "governance", async (ctx) => {
    const { dave, deployer, voter } = ctx.accounts;
    const daveWallet = ctx.wallet(dave);
    await ctx.mined(daveWallet.sendTransaction({ to: voter.address, value: parseEther("1") }));
    await ctx.mined(
      daveWallet.writeContract({
        address: ctx.book.contracts.token.address,
        abi: atlasTokenAbi,
        functionName: "transfer",
        args: [voter.address, 30_000n * ATLAS],
      }),
    );
    const treasury = await ctx.mined(
      ctx.wallet(deployer).sendTransaction({ to: ctx.book.contracts.timelock.address, value: parseEther("10") }),
    );
    return {
      detail: "dave gives the voter 30,000 ATLAS, the deployer the treasury 10 ETH",
      tx: treasury.transactionHash,
    };
  }),
  // To oneself by transaction, by signature relayed by carol, and carol to alice.
  step("delegations", "governance", async (ctx) => {
    const { alice, bob, carol, dave, voter } = ctx.accounts;
    for (const who of [alice, bob, dave]) await ctx.as(who).governance.delegate({ delegatee: who });
    const delegation = await ctx
      .as(voter)
      .governance.signDelegation({ delegatee: voter.address, expiry: (await ctx.now()) + 3_600n });
    await ctx.as(carol).governance.delegateBySig(delegation);
    const toAlice = await ctx.as(carol).governance.delegate({ delegatee: alice });
    await ctx.testClient.mine({ blocks: 1 }); // propose counts votes at the previous timepoint
    return { detail: "alice, bob, dave to themselves, the voter by signature, carol to alice", tx: toAlice.hash };
  }),
  step("proposals", "governance", async (ctx) => {
    const governance = ctx.as(ctx.accounts.alice).governance;
    ctx.ids.paidAudit = (await governance.propose(treasuryTransfer(ctx, PAID_AUDIT))).proposalId;
    const withdrawn = treasuryTransfer(ctx, WITHDRAWN, 5_000n, "0");
    ctx.ids.withdrawn = (await governance.propose(withdrawn)).proposalId;
    await governance.cancel(withdrawn);
    const lastMinute = await governance.propose(treasuryTransfer(ctx, LAST_MINUTE, 1_000n, "0"));
    ctx.ids.lastMinute = lastMinute.proposalId;
    return { detail: "three by alice, one of them canceled while pending", tx: lastMinute.hash };
  }),
  // On the first: for without a reason, against with one, for by signature, abstain.
  step("votes", "governance", async (ctx) => {
    const { alice, bob, dave, voter } = ctx.accounts;
    const proposalId = ctx.need("paidAudit");
    const { snapshot } = await ctx.as(alice).governance.getProposal({ proposalId });
    await ctx.travelTo(snapshot + 1n);
    await ctx.as(alice).governance.castVote({ proposalId, support: "for" });
    await ctx.as(bob).governance.castVote({ proposalId, support: "against", reason: "too generous" });
    const ballot = await ctx.as(voter).governance.signBallot({ proposalId, support: "for" });
    await ctx.as(dave).governance.castVoteBySig(ballot);
    const abstain = await ctx
      .as(dave)
      .governance.castVote({ proposalId, support: "abstain", reason: "conflict of interest" });
    return { detail: "for, against with a reason, for by signature, abstain", tx: abstain.hash };
  }),
  // The third reaches quorum an hour before its deadline: late quorum extends it by a day.
  step("late quorum", "governance", async (ctx) => {
    const { bob, dave } = ctx.accounts;
    const proposalId = ctx.need("lastMinute");
    const governance = ctx.as(dave).governance;
    const { deadline } = await governance.getProposal({ proposalId });
    await ctx.travelTo(deadline - 3_600n);
    await governance.castVote({ proposalId, support: "for", reason: "small and useful" });
    const abstain = await ctx.as(bob).governance.castVote({ proposalId, support: "abstain" });
    const extended = (await governance.getProposal({ proposalId })).deadline;
    if (extended <= deadline) throw new Error("late quorum did not extend the deadline");
    return { detail: `quorum an hour before the deadline: extended by ${extended - deadline} s`, tx: abstain.hash };
  }),
  step("queue and execute", "governance", async (ctx) => {
    const { eve, dave } = ctx.accounts;
    const proposalId = ctx.need("paidAudit");
    const paidAudit = treasuryTransfer(ctx, PAID_AUDIT);
    const { deadline } = await ctx.as(eve).governance.getProposal({ proposalId });
    await ctx.travelTo(deadline + 1n);
    const { eta } = await ctx.as(eve).governance.queue(paidAudit);
    await ctx.travelTo(eta);
    const executed = await ctx.as(dave).governance.execute(paidAudit);
    const state = await ctx.as(dave).governance.getProposalState({ proposalId });
    if (state !== "Executed") throw new Error(`the audit payment is ${state}, not Executed`);
    return { detail: "queued by eve, executed by dave: eve paid 10,000 ATLAS and 1 ETH", tx: executed.hash };
  }),
  // After execution, eve spends part of her payment.
  step("eve spends", "governance", async (ctx) => {
    const { eve, bob } = ctx.accounts;
    const paid = await ctx.mined(
      ctx.wallet(eve).writeContract({
        address: ctx.book.contracts.token.address,
        abi: atlasTokenAbi,
        functionName: "transfer",
        args: [bob, 2_500n * ATLAS],
      }),
    );
    return { detail: "2,500 ATLAS to bob", tx: paid.transactionHash };
  }),
];
