/**
 * ContributionLedger handlers: outcomes, each account's contribution to them, reputation per
 * (sovereign, account), verified execution records, recorders and the execution schemas.
 */
import { easAbi } from "@atlas-os/sdk/abi";
import { ponder } from "ponder:registry";
import { contribution, executionRecord, executionSchemas, outcome, recorder, reputation } from "ponder:schema";
import { zeroAddress, zeroHash } from "viem";

import { decodeExecutionRecord } from "./attestationData.ts";

ponder.on("ContributionLedger:OutcomeRecorded", async ({ event, context }) => {
  const { args } = event;
  await context.db.insert(outcome).values({
    id: args.outcomeId,
    sovereignId: args.sovereignId,
    missionId: args.missionId,
    kind: args.kind,
    token: args.token,
    amount: args.amount,
    points: args.points,
    evidence: args.evidence,
    recorder: args.recorder,
    accountCount: Number(args.accountCount),
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    transactionHash: event.transaction.hash,
  });
});

ponder.on("ContributionLedger:ContributionRecorded", async ({ event, context }) => {
  const { outcomeId, account, sovereignId, amount, points, weight, timestamp } = event.args;
  // OutcomeRecorded comes first in the same transaction.
  const recorded = await context.db.find(outcome, { id: outcomeId });
  await context.db.insert(contribution).values({
    id: event.id,
    outcomeId,
    account,
    sovereignId,
    missionId: recorded?.missionId ?? 0n,
    kind: recorded?.kind ?? zeroHash,
    token: recorded?.token ?? zeroAddress,
    amount,
    points,
    weight,
    reputation: event.args.reputation,
    timestamp,
    blockNumber: event.block.number,
    transactionHash: event.transaction.hash,
    logIndex: event.log.logIndex,
  });
  // The event carries the ledger's new total: take it rather than add, so the row is `reputationOf`.
  const total = event.args.reputation;
  await context.db
    .insert(reputation)
    .values({ sovereignId, account, points: total })
    .onConflictDoUpdate({ points: total });
});

ponder.on("ContributionLedger:ExecutionRecorded", async ({ event, context }) => {
  const { executionUID, verificationUID, outcomeId, verifier } = event.args;
  const verified = {
    verificationUid: verificationUID,
    verifier,
    points: (await context.db.find(outcome, { id: outcomeId }))?.points ?? null,
    outcomeId,
    recordedBlock: event.block.number,
    recordedTransaction: event.transaction.hash,
  };
  if ((await context.db.find(executionRecord, { uid: executionUID })) !== null) {
    await context.db.update(executionRecord, { uid: executionUID }).set(verified);
    return;
  }
  // An attestation made before EAS's start block: read it from the chain.
  const attested = await context.client.readContract({
    address: context.contracts.EAS.address,
    abi: easAbi,
    functionName: "getAttestation",
    args: [executionUID],
  });
  await context.db.insert(executionRecord).values({
    uid: executionUID,
    attester: attested.attester,
    recipient: attested.recipient,
    ...decodeExecutionRecord(attested.data),
    time: attested.time,
    revoked: attested.revocationTime !== 0n,
    blockNumber: event.block.number,
    transactionHash: event.transaction.hash,
    ...verified,
  });
});

ponder.on("ContributionLedger:RecorderSet", async ({ event, context }) => {
  const { recorder: address, allowed } = event.args;
  await context.db
    .insert(recorder)
    .values({ address, allowed, blockNumber: event.block.number })
    .onConflictDoUpdate({ allowed, blockNumber: event.block.number });
});

ponder.on("ContributionLedger:ExecutionSchemasSet", async ({ event, context }) => {
  const values = { ...event.args, blockNumber: event.block.number };
  await context.db
    .insert(executionSchemas)
    .values({ id: "ledger", ...values })
    .onConflictDoUpdate(values);
});
