/**
 * SovereignRegistry handlers: sovereigns and their admins, members and roles, organizations,
 * missions and their funding, trusted issuers and recognitions. Each handler applies to its rows
 * what the registry does to its storage, so the tables read as the registry's views do.
 */
import { and, eq } from "ponder";
import { ponder, type Context } from "ponder:registry";
import {
  adminOffer,
  fundingModule,
  member,
  mission,
  missionFunding,
  missionTransition,
  organization,
  organizationMember,
  recognition,
  sovereign,
  sovereignAdmin,
  trustedIssuer,
} from "ponder:schema";
import type { Hex } from "viem";

import { emptyMember } from "../memberRow.ts";

type Db = Context["db"];
type MemberRow = typeof member.$inferSelect;

/** Bit of the Member role in the role bitmap (`1 << uint8(Role.Member)`). */
const MEMBER_BIT = 1;
/** Role.Agent. */
const AGENT_ROLE = 6;

/**
 * Applies `change` to the (sovereign, account) membership, creating the row (no roles, nothing
 * pending) first if the registry never mentioned the pair.
 */
async function changeMember(
  db: Db,
  sovereignId: bigint,
  account: Hex,
  change: (row: MemberRow) => Partial<MemberRow>,
): Promise<void> {
  const existing = await db.find(member, { sovereignId, account });
  if (existing !== null) {
    await db.update(member, { sovereignId, account }).set(change(existing));
    return;
  }
  const fresh: MemberRow = emptyMember(sovereignId, account);
  await db.insert(member).values({ ...fresh, ...change(fresh) });
}

/** Ends a membership with every role (`_dropMember`); the admin flag is separate and survives. */
async function dropMember(
  db: Db,
  event: { args: { sovereignId: bigint; account: Hex }; block: { number: bigint; timestamp: bigint } },
  exit: "left" | "removed",
): Promise<void> {
  await changeMember(db, event.args.sovereignId, event.args.account, () => ({
    roles: 0,
    agentOperator: null,
    exit,
    exitBlock: event.block.number,
    exitTimestamp: event.block.timestamp,
  }));
}

/* SOVEREIGNS AND ADMINS */

ponder.on("SovereignRegistry:SovereignRegistered", async ({ event, context }) => {
  const { sovereignId, handle, admin, metadataURI, metadataHash } = event.args;
  await context.db.insert(sovereign).values({
    id: sovereignId,
    handle,
    metadataUri: metadataURI,
    metadataHash,
    suspended: false,
    // AdminAdded follows in the same transaction and counts the founder.
    adminCount: 0,
    founder: admin,
    createdBlock: event.block.number,
    createdTimestamp: event.block.timestamp,
    createdTransaction: event.transaction.hash,
  });
});

ponder.on("SovereignRegistry:SovereignMetadataUpdated", async ({ event, context }) => {
  const { sovereignId, metadataURI, metadataHash } = event.args;
  if ((await context.db.find(sovereign, { id: sovereignId })) === null) return;
  await context.db.update(sovereign, { id: sovereignId }).set({ metadataUri: metadataURI, metadataHash });
});

ponder.on("SovereignRegistry:SovereignSuspended", async ({ event, context }) => {
  if ((await context.db.find(sovereign, { id: event.args.sovereignId })) === null) return;
  await context.db.update(sovereign, { id: event.args.sovereignId }).set({ suspended: true });
});

ponder.on("SovereignRegistry:SovereignReactivated", async ({ event, context }) => {
  if ((await context.db.find(sovereign, { id: event.args.sovereignId })) === null) return;
  await context.db.update(sovereign, { id: event.args.sovereignId }).set({ suspended: false });
});

ponder.on("SovereignRegistry:AdminOffered", async ({ event, context }) => {
  const { sovereignId, candidate, by, handOver } = event.args;
  const values = { offeredBy: by, handOver, blockNumber: event.block.number };
  await context.db
    .insert(adminOffer)
    .values({ sovereignId, candidate, ...values })
    .onConflictDoUpdate(values);
});

ponder.on("SovereignRegistry:AdminAdded", async ({ event, context }) => {
  const { sovereignId, account } = event.args;
  await context.db.delete(adminOffer, { sovereignId, candidate: account });
  const values = {
    active: true,
    addedBlock: event.block.number,
    addedTimestamp: event.block.timestamp,
    removedBlock: null,
    removedBy: null,
  };
  await context.db
    .insert(sovereignAdmin)
    .values({ sovereignId, account, ...values })
    .onConflictDoUpdate(values);
  if ((await context.db.find(sovereign, { id: sovereignId })) === null) return;
  await context.db.update(sovereign, { id: sovereignId }).set((row) => ({ adminCount: row.adminCount + 1 }));
});

ponder.on("SovereignRegistry:AdminRemoved", async ({ event, context }) => {
  const { sovereignId, account, by } = event.args;
  // The registry lets every offer and invitation this admin made lapse for good with its admin
  // term (they stay dead if it becomes an admin again): drop them from the index now.
  await context.db.sql
    .delete(adminOffer)
    .where(and(eq(adminOffer.sovereignId, sovereignId), eq(adminOffer.offeredBy, account)));
  await context.db.sql
    .update(member)
    .set({ invitedBy: null })
    .where(and(eq(member.sovereignId, sovereignId), eq(member.invitedBy, account)));
  if ((await context.db.find(sovereignAdmin, { sovereignId, account })) !== null) {
    await context.db
      .update(sovereignAdmin, { sovereignId, account })
      .set({ active: false, removedBlock: event.block.number, removedBy: by });
  }
  if ((await context.db.find(sovereign, { id: sovereignId })) === null) return;
  await context.db.update(sovereign, { id: sovereignId }).set((row) => ({ adminCount: row.adminCount - 1 }));
});

/* MEMBERS AND ROLES */

ponder.on("SovereignRegistry:MemberInvited", async ({ event, context }) => {
  const { sovereignId, account, by } = event.args;
  await changeMember(context.db, sovereignId, account, () => ({ invitedBy: by }));
});

ponder.on("SovereignRegistry:InvitationCancelled", async ({ event, context }) => {
  const { sovereignId, account } = event.args;
  await changeMember(context.db, sovereignId, account, () => ({ invitedBy: null }));
});

ponder.on("SovereignRegistry:MembershipApplied", async ({ event, context }) => {
  const { sovereignId, account } = event.args;
  await changeMember(context.db, sovereignId, account, () => ({ applied: true }));
});

ponder.on("SovereignRegistry:ApplicationRejected", async ({ event, context }) => {
  const { sovereignId, account } = event.args;
  await changeMember(context.db, sovereignId, account, () => ({ applied: false }));
});

ponder.on("SovereignRegistry:MemberJoined", async ({ event, context }) => {
  const { sovereignId, account, admittedBy } = event.args;
  // `_admit`: the Member bit, and whatever was pending is settled.
  await changeMember(context.db, sovereignId, account, (row) => ({
    roles: row.roles | MEMBER_BIT,
    invitedBy: null,
    applied: false,
    admittedBy,
    joinedBlock: event.block.number,
    joinedTimestamp: event.block.timestamp,
    exit: null,
    exitBlock: null,
    exitTimestamp: null,
  }));
});

ponder.on("SovereignRegistry:MemberLeft", async ({ event, context }) => {
  await dropMember(context.db, event, "left");
});

ponder.on("SovereignRegistry:MemberRemoved", async ({ event, context }) => {
  await dropMember(context.db, event, "removed");
});

ponder.on("SovereignRegistry:RoleGranted", async ({ event, context }) => {
  const { sovereignId, account, role } = event.args;
  await changeMember(context.db, sovereignId, account, (row) => ({ roles: row.roles | (1 << role) }));
});

ponder.on("SovereignRegistry:RoleRevoked", async ({ event, context }) => {
  const { sovereignId, account, role } = event.args;
  await changeMember(context.db, sovereignId, account, (row) => ({
    roles: row.roles & ~(1 << role),
    agentOperator: role === AGENT_ROLE ? null : row.agentOperator,
  }));
});

ponder.on("SovereignRegistry:AgentRegistered", async ({ event, context }) => {
  const { sovereignId, agent, operator } = event.args;
  // MemberJoined (for a new member) comes before, RoleGranted(Agent) after, in the same transaction.
  await changeMember(context.db, sovereignId, agent, () => ({ agentOperator: operator }));
});

/* ORGANIZATIONS */

ponder.on("SovereignRegistry:OrganizationCreated", async ({ event, context }) => {
  const { organizationId, sovereignId, admin, metadataURI, metadataHash } = event.args;
  // OrganizationAdminSet and OrganizationMemberAdded for `admin` follow in the same transaction.
  await context.db.insert(organization).values({
    id: organizationId,
    sovereignId,
    metadataUri: metadataURI,
    metadataHash,
    creator: admin,
    createdBlock: event.block.number,
    createdTimestamp: event.block.timestamp,
  });
});

// Making an account admin also makes it a member (`setOrganizationAdmin`); MemberAdded may follow.
ponder.on("SovereignRegistry:OrganizationAdminSet", async ({ event, context }) => {
  const { organizationId, account, isAdmin } = event.args;
  const org = await context.db.find(organization, { id: organizationId });
  if (org === null) return;
  await context.db
    .insert(organizationMember)
    .values({ organizationId, account, sovereignId: org.sovereignId, isAdmin, addedBlock: event.block.number })
    .onConflictDoUpdate({ isAdmin });
});

ponder.on("SovereignRegistry:OrganizationMemberAdded", async ({ event, context }) => {
  const { organizationId, account } = event.args;
  const org = await context.db.find(organization, { id: organizationId });
  if (org === null) return;
  await context.db
    .insert(organizationMember)
    .values({ organizationId, account, sovereignId: org.sovereignId, isAdmin: false, addedBlock: event.block.number })
    .onConflictDoNothing();
});

ponder.on("SovereignRegistry:OrganizationMemberRemoved", async ({ event, context }) => {
  const { organizationId, account } = event.args;
  await context.db.delete(organizationMember, { organizationId, account });
});

/* MISSIONS */

ponder.on("SovereignRegistry:MissionCreated", async ({ event, context }) => {
  const { missionId, sovereignId, organizationId, owner, metadataURI, metadataHash } = event.args;
  await context.db.insert(mission).values({
    id: missionId,
    sovereignId,
    organizationId,
    owner,
    status: 1, // Draft
    metadataUri: metadataURI,
    metadataHash,
    createdBlock: event.block.number,
    createdTimestamp: event.block.timestamp,
    createdTransaction: event.transaction.hash,
  });
});

ponder.on("SovereignRegistry:MissionStatusChanged", async ({ event, context }) => {
  const { missionId, from, to, by } = event.args;
  await context.db.insert(missionTransition).values({
    id: event.id,
    missionId,
    from,
    to,
    by,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    transactionHash: event.transaction.hash,
    logIndex: event.log.logIndex,
  });
  if ((await context.db.find(mission, { id: missionId })) === null) return;
  await context.db.update(mission, { id: missionId }).set({ status: to });
});

ponder.on("SovereignRegistry:MissionMetadataUpdated", async ({ event, context }) => {
  const { missionId, metadataURI, metadataHash } = event.args;
  if ((await context.db.find(mission, { id: missionId })) === null) return;
  await context.db.update(mission, { id: missionId }).set({ metadataUri: metadataURI, metadataHash });
});

ponder.on("SovereignRegistry:MissionFundingLinked", async ({ event, context }) => {
  const { missionId, module, fundingId } = event.args;
  await context.db.insert(missionFunding).values({
    missionId,
    module,
    fundingId,
    blockNumber: event.block.number,
    transactionHash: event.transaction.hash,
  });
});

ponder.on("SovereignRegistry:FundingModuleSet", async ({ event, context }) => {
  const { module, allowed } = event.args;
  await context.db
    .insert(fundingModule)
    .values({ module, allowed, blockNumber: event.block.number })
    .onConflictDoUpdate({ allowed, blockNumber: event.block.number });
});

/* TRUST AND RECOGNITION */

async function setTrust(
  db: Db,
  args: { sovereignId: bigint; schema: Hex; issuer: Hex; by: Hex },
  active: boolean,
  blockNumber: bigint,
): Promise<void> {
  const { sovereignId, schema, issuer, by } = args;
  await db
    .insert(trustedIssuer)
    .values({ sovereignId, schema, issuer, active, blockNumber, by })
    .onConflictDoUpdate({ active, blockNumber, by });
}

ponder.on("SovereignRegistry:IssuerTrusted", async ({ event, context }) => {
  await setTrust(context.db, event.args, true, event.block.number);
});

ponder.on("SovereignRegistry:IssuerUntrusted", async ({ event, context }) => {
  await setTrust(context.db, event.args, false, event.block.number);
});

/** The pair's key and whether `sovereignId` is its low side. */
function pair(sovereignId: bigint, otherId: bigint) {
  return sovereignId < otherId
    ? { lowId: sovereignId, highId: otherId, mineIsLow: true }
    : { lowId: otherId, highId: sovereignId, mineIsLow: false };
}

/** `sovereignId` recognizes `otherId` (Proposed: its side only; Established: both sides now hold). */
async function recognize(db: Db, sovereignId: bigint, otherId: bigint, blockNumber: bigint): Promise<void> {
  const { lowId, highId, mineIsLow } = pair(sovereignId, otherId);
  const side = mineIsLow ? { lowRecognizesHigh: true } : { highRecognizesLow: true };
  await db
    .insert(recognition)
    .values({ lowId, highId, lowRecognizesHigh: false, highRecognizesLow: false, ...side, revoked: false, blockNumber })
    .onConflictDoUpdate({ ...side, revoked: false, blockNumber });
}

ponder.on("SovereignRegistry:RecognitionProposed", async ({ event, context }) => {
  await recognize(context.db, event.args.sovereignId, event.args.otherId, event.block.number);
});

ponder.on("SovereignRegistry:RecognitionEstablished", async ({ event, context }) => {
  await recognize(context.db, event.args.sovereignId, event.args.otherId, event.block.number);
});

ponder.on("SovereignRegistry:RecognitionRevoked", async ({ event, context }) => {
  const { lowId, highId } = pair(event.args.sovereignId, event.args.otherId);
  const values = { lowRecognizesHigh: false, highRecognizesLow: false, revoked: true, blockNumber: event.block.number };
  await context.db
    .insert(recognition)
    .values({ lowId, highId, ...values })
    .onConflictDoUpdate(values);
});
