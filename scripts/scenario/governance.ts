/**
 * The main job's governance steps: step 10 of the coordination loop (docs/ARCHITECTURE.md). Delegate (by
 * transaction and by signature), propose a treasury transfer, vote by transaction (with reasons)
 * and by signature, queue, execute; then a second proposal is left open for the governance page.
 */
import { encodeFunctionData, formatUnits, parseEther } from "viem";

import { type ProposeParameters } from "../../sdk/src/index.ts";
import { atlasTokenAbi } from "../../sdk/src/abi/index.ts";
import type { ScenarioContext } from "./context.ts";
import { chapter, short, type ScenarioStep } from "./step.ts";

const atlas = (value: bigint) => `${formatUnits(value, 18)} ATLAS`;

/** The signer's client: a wallet that signs, never sends. */
const signerOf = (ctx: ScenarioContext) => ctx.as(ctx.accounts.signer);

const step = chapter("Governance scenario (coordination loop step 10)");

export const GOVERNANCE_STEPS: readonly ScenarioStep[] = [
  ...(["alice", "bob", "carol"] as const).map((name) =>
    step(`delegate: ${name}`, "governance", async (ctx) => {
      const who = ctx.accounts[name];
      const { hash } = await ctx.as(who).governance.delegate({ delegatee: who });
      return { detail: `${name} delegates to herself`, tx: hash };
    }),
  ),
  // A wallet that only signs: dave funds it, it signs a delegation, dave relays the signature.
  step("delegateBySig: signer", "governance", async (ctx) => {
    const { dave, signer } = ctx.accounts;
    const daveWallet = ctx.wallet(dave);
    await ctx.mined(daveWallet.sendTransaction({ to: signer.address, value: parseEther("1") }));
    await ctx.mined(
      daveWallet.writeContract({
        address: ctx.book.contracts.token.address,
        abi: atlasTokenAbi,
        functionName: "transfer",
        args: [signer.address, parseEther("50000")],
      }),
    );
    const delegation = await signerOf(ctx).governance.signDelegation({
      delegatee: signer.address,
      expiry: (await ctx.now()) + 3_600n,
    });
    const relayed = await ctx.as(dave).governance.delegateBySig(delegation);
    return { detail: `signed off-chain by ${short(signer.address)}, relayed by dave`, tx: relayed.hash };
  }),
  step("propose", "governance", async (ctx) => {
    const grant: ProposeParameters = {
      targets: [ctx.book.contracts.token.address],
      values: [0n],
      calldatas: [
        encodeFunctionData({
          abi: atlasTokenAbi,
          functionName: "transfer",
          args: [ctx.accounts.eve, 25_000n * 10n ** 18n],
        }),
      ],
      description: "Grant 25,000 ATLAS from the treasury to the indexer operators",
    };
    const proposed = await ctx.as(ctx.accounts.alice).governance.propose(grant);
    ctx.ids.grant = grant;
    ctx.ids.executedProposal = proposed.proposalId;
    return { detail: `proposal ${String(proposed.proposalId).slice(0, 12)}… by alice`, tx: proposed.hash };
  }),
  step("time travel", "governance", async (ctx) => {
    const governance = ctx.as(ctx.accounts.alice).governance;
    const { snapshot } = await governance.getProposal({ proposalId: ctx.need("executedProposal") });
    await ctx.travelTo(snapshot + 1n);
    return { detail: `to the vote start (+${(await governance.getGovernanceSettings()).votingDelay} s)` };
  }),
  step("castVote: alice", "governance", async (ctx) => {
    const vote = await ctx
      .as(ctx.accounts.alice)
      .governance.castVote({ proposalId: ctx.need("executedProposal"), support: "for" });
    return { detail: `for, weight ${atlas(vote.weight)}`, tx: vote.hash };
  }),
  step("castVoteWithReason: bob", "governance", async (ctx) => {
    const vote = await ctx.as(ctx.accounts.bob).governance.castVote({
      proposalId: ctx.need("executedProposal"),
      support: "against",
      reason: "Too early: ship the indexer first",
    });
    return { detail: `against, weight ${atlas(vote.weight)}, with a reason`, tx: vote.hash };
  }),
  step("castVoteWithReason: carol", "governance", async (ctx) => {
    const vote = await ctx.as(ctx.accounts.carol).governance.castVote({
      proposalId: ctx.need("executedProposal"),
      support: "for",
      reason: "Operators keep our data",
    });
    return { detail: `for, weight ${atlas(vote.weight)}`, tx: vote.hash };
  }),
  step("castVoteBySig: signer", "governance", async (ctx) => {
    const ballot = await signerOf(ctx).governance.signBallot({
      proposalId: ctx.need("executedProposal"),
      support: "abstain",
    });
    const vote = await ctx.as(ctx.accounts.dave).governance.castVoteBySig(ballot);
    return { detail: `abstain, weight ${atlas(vote.weight)}, relayed by dave`, tx: vote.hash };
  }),
  step("queue", "governance", async (ctx) => {
    const governance = ctx.as(ctx.accounts.alice).governance;
    const proposalId = ctx.need("executedProposal");
    const { deadline } = await governance.getProposal({ proposalId });
    await ctx.travelTo(deadline + 1n);
    const queued = await governance.queue(ctx.need("grant"));
    return {
      detail: `state ${await governance.getProposalState({ proposalId })}, eta ${queued.eta}`,
      tx: queued.hash,
    };
  }),
  step("execute", "governance", async (ctx) => {
    const governance = ctx.as(ctx.accounts.alice).governance;
    const { eta } = await governance.getProposal({ proposalId: ctx.need("executedProposal") });
    if (eta === undefined) throw new Error("the grant is not queued");
    await ctx.travelTo(eta);
    const executed = await governance.execute(ctx.need("grant"));
    const grantee = ctx.accounts.eve;
    const balance = await ctx.publicClient.readContract({
      address: ctx.book.contracts.token.address,
      abi: atlasTokenAbi,
      functionName: "balanceOf",
      args: [grantee],
    });
    ctx.ids.granteeBalance = balance;
    return { detail: `treasury paid ${atlas(balance)} to ${short(grantee)}`, tx: executed.hash };
  }),
  step("propose (left open)", "governance", async (ctx) => {
    const governance = ctx.as(ctx.accounts.bob).governance;
    const open = await governance.propose({
      targets: [ctx.book.contracts.token.address],
      values: [0n],
      calldatas: [
        encodeFunctionData({
          abi: atlasTokenAbi,
          functionName: "transfer",
          args: [ctx.accounts.eve, 1_000n * 10n ** 18n],
        }),
      ],
      description: "Grant 1,000 ATLAS to the governance page's designers (vote on it in the page)",
    });
    ctx.ids.openProposal = open.proposalId;
    const { snapshot } = await governance.getProposal({ proposalId: open.proposalId });
    await ctx.travelTo(snapshot + 1n);
    return {
      detail: `proposal ${String(open.proposalId).slice(0, 12)}… is Active for the page`,
      tx: open.hash,
    };
  }),
];
