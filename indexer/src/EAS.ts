/**
 * EAS handlers: attestations of the Atlas schemas (the config's filter fetches no other schema's
 * logs). Each attestation is read back with `getAttestation` at its block (the event carries only
 * its UID and parties) and decoded by its schema's definition in ATLAS_SCHEMAS; skill credentials
 * and execution records get their own tables.
 */
import { easAbi } from "@atlas-os/sdk/abi";
import { ponder } from "ponder:registry";
import { attestation, credential, executionRecord } from "ponder:schema";

import { atlasSchemaName } from "../settings.ts";
import { decodeExecutionRecord, decodeSkillCredential } from "./attestationData.ts";

ponder.on("EAS:Attested", async ({ event, context }) => {
  const { uid, schemaUID } = event.args;
  const schemaName = atlasSchemaName(schemaUID);
  if (schemaName === undefined) return;
  const attested = await context.client.readContract({
    address: event.log.address,
    abi: easAbi,
    functionName: "getAttestation",
    args: [uid],
  });
  // Revocation is left to the Revoked handler, which follows (even in the same block).
  const common = {
    uid,
    recipient: attested.recipient,
    attester: attested.attester,
    time: attested.time,
    revoked: false,
    blockNumber: event.block.number,
    transactionHash: event.transaction.hash,
  };
  await context.db.insert(attestation).values({
    ...common,
    schema: schemaUID,
    schemaName,
    refUid: attested.refUID,
    expirationTime: attested.expirationTime,
    revocable: attested.revocable,
    revocationTime: 0n,
    data: attested.data,
  });
  if (schemaName === "skillCredential") {
    await context.db.insert(credential).values({
      ...common,
      ...decodeSkillCredential(attested.data),
      schema: schemaUID,
      expirationTime: attested.expirationTime,
      revocationTime: 0n,
    });
  } else if (schemaName === "executionRecord") {
    await context.db.insert(executionRecord).values({ ...common, ...decodeExecutionRecord(attested.data) });
  }
});

ponder.on("EAS:Revoked", async ({ event, context }) => {
  const { uid } = event.args;
  const revoked = { revoked: true, revocationTime: event.block.timestamp };
  if ((await context.db.find(attestation, { uid })) === null) return;
  await context.db.update(attestation, { uid }).set(revoked);
  if ((await context.db.find(credential, { uid })) !== null) {
    await context.db.update(credential, { uid }).set(revoked);
  }
  if ((await context.db.find(executionRecord, { uid })) !== null) {
    await context.db.update(executionRecord, { uid }).set({ revoked: true });
  }
});
