/**
 * REST routes of the Sovereign Graph: sovereigns, members, organizations, missions, credentials,
 * execution records, contributions and reputation, all from indexed state (see indexer/README.md).
 * Mounted by index.ts, whose error handler answers the 400s and 404s thrown here.
 */
import { db } from "ponder:api";
import {
  adminOffer,
  contribution,
  credential,
  executionRecord,
  member,
  mission,
  missionFunding,
  missionTransition,
  organization,
  organizationMember,
  recognition,
  reputation,
  sovereign,
  sovereignAdmin,
  trustedIssuer,
} from "ponder:schema";
import { Hono } from "hono";
import { and, asc, eq, inArray, or } from "ponder";
import { getAddress, type Address, type Hex } from "viem";

import { atlasSchemas } from "../../settings.ts";
import { credentialStatus } from "./credentialStatus.ts";
import { BadRequestError, NotFoundError } from "./errors.ts";
import {
  adminJson,
  contributionJson,
  credentialJson,
  executionRecordJson,
  fundingLinkJson,
  MEMBER_BIT,
  MISSION_STATUSES,
  memberJson,
  missionJson,
  missionTransitionJson,
  organizationJson,
  sovereignJson,
  trustedIssuerJson,
  type ContributionJson,
  type MemberJson,
  type RecognitionJson,
} from "./graphJson.ts";
import { emptyMember } from "../../memberRow.ts";
import { parseAddress, parseId, parseOptionalId, parseSeconds, parseSovereignRef, parseUid } from "./parse.ts";
import { headOf, type ApiEnv } from "./perBlock.ts";
import { decayedScore } from "./reputation.ts";

const graph = new Hono<ApiEnv>();

/** Default half-life of the decayed reputation: 30 days. */
const DEFAULT_HALF_LIFE = 30 * 24 * 3600;

/** A WHERE condition (drizzle's SQL, which "ponder" does not re-export as a type). */
type SQL = ReturnType<typeof eq>;

const lower = (address: Address) => address.toLowerCase() as Address;

/* SOVEREIGNS */

graph.get("/sovereigns", async (c) => {
  const rows = await db.select().from(sovereign).orderBy(asc(sovereign.id));
  return c.json({ sovereigns: rows.map(sovereignJson) });
});

graph.get("/sovereigns/:idOrHandle", async (c) => {
  const row = await findSovereign(parseSovereignRef(c.req.param("idOrHandle")));
  const id = row.id;
  const [admins, offers, members, organizations, missions, issuers, recognitions] = await Promise.all([
    activeAdmins(id),
    db.select().from(adminOffer).where(eq(adminOffer.sovereignId, id)).orderBy(asc(adminOffer.candidate)),
    membersOf(id),
    db.select().from(organization).where(eq(organization.sovereignId, id)).orderBy(asc(organization.id)),
    db.select().from(mission).where(eq(mission.sovereignId, id)).orderBy(asc(mission.id)),
    db
      .select()
      .from(trustedIssuer)
      .where(and(eq(trustedIssuer.sovereignId, id), eq(trustedIssuer.active, true)))
      .orderBy(asc(trustedIssuer.schema), asc(trustedIssuer.issuer)),
    recognitionsOf(id),
  ]);
  return c.json({
    sovereign: sovereignJson(row),
    admins: admins.map(adminJson),
    adminOffers: offers.map((offer) => ({
      candidate: getAddress(offer.candidate),
      offeredBy: getAddress(offer.offeredBy),
      handOver: offer.handOver,
      blockNumber: offer.blockNumber.toString(),
    })),
    members: members.filter((m) => m.isMember),
    organizations: organizations.map(organizationJson),
    missions: missions.map(missionJson),
    trustedIssuers: issuers.map(trustedIssuerJson),
    recognitions,
  });
});

graph.get("/sovereigns/:idOrHandle/members", async (c) => {
  const row = await findSovereign(parseSovereignRef(c.req.param("idOrHandle")));
  return c.json({ sovereignId: row.id.toString(), members: await membersOf(row.id) });
});

/**
 * Whether the sovereign honours the credential, as `checkCredential(id, account, skillCredential
 * schema, uid, trustedBy)` answers: `account` defaults to the credential's recipient, `trustedBy`
 * to the sovereign itself. `now` (expiry) is the last indexed block's time.
 */
graph.get("/sovereigns/:idOrHandle/credentials/:uid", async (c) => {
  const ref = parseSovereignRef(c.req.param("idOrHandle"));
  const uid = parseUid(c.req.param("uid"));
  const trustedByParam = parseOptionalId(c.req.query("trustedBy"), "trustedBy");
  const rawAccount = c.req.query("account");
  const accountParam = rawAccount === undefined ? undefined : parseAddress(rawAccount);
  const head = await headOf(c);
  // Two rounds of queries: the sovereigns and the credential, then what depends on them.
  const [asking, trustedByRows, [held]] = await Promise.all([
    findSovereign(ref),
    trustedByParam === undefined ? [] : db.select().from(sovereign).where(eq(sovereign.id, trustedByParam)),
    db.select().from(credential).where(eq(credential.uid, uid)),
  ]);
  const trustedById = trustedByParam ?? asking.id;
  const trusting = trustedById === asking.id ? asking : trustedByRows[0];
  if (trusting === undefined) throw new NotFoundError(`No sovereign ${trustedById} has been indexed.`);
  if (held === undefined) throw new NotFoundError(`No skill credential ${uid} has been indexed.`);
  const account = accountParam ?? held.recipient;
  const schema = atlasSchemas.skillCredential;
  const [[pair], [trust]] = await Promise.all([
    db.select().from(recognition).where(recognitionKey(asking.id, trustedById)),
    db
      .select()
      .from(trustedIssuer)
      .where(
        and(
          eq(trustedIssuer.sovereignId, trustedById),
          eq(trustedIssuer.schema, schema),
          eq(trustedIssuer.issuer, held.attester),
        ),
      ),
  ]);
  const status = credentialStatus({
    credential: held,
    schema,
    account,
    now: head.timestamp,
    sovereignId: asking.id,
    trustedById,
    trustedByActive: !trusting.suspended,
    mutuallyRecognized: pair !== undefined && pair.lowRecognizesHigh && pair.highRecognizesLow,
    issuerTrusted: trust?.active === true,
  });
  return c.json({
    sovereignId: asking.id.toString(),
    trustedBy: trustedById.toString(),
    uid,
    account: getAddress(account),
    schema,
    issuer: getAddress(held.attester),
    honoured: status === "valid",
    status,
    blockNumber: head.blockNumber.toString(),
    timestamp: head.timestamp.toString(),
  });
});

/* ORGANIZATIONS AND MISSIONS */

graph.get("/organizations/:id", async (c) => {
  const id = parseId(c.req.param("id"), "Organization id");
  const sovereignOf = db.select({ id: organization.sovereignId }).from(organization).where(eq(organization.id, id));
  const [[row], rows, sovereignMembers, missions] = await Promise.all([
    db.select().from(organization).where(eq(organization.id, id)),
    db
      .select()
      .from(organizationMember)
      .where(eq(organizationMember.organizationId, id))
      .orderBy(asc(organizationMember.addedBlock), asc(organizationMember.account)),
    currentMemberSet(inArray(member.sovereignId, sovereignOf)),
    db.select().from(mission).where(eq(mission.organizationId, id)).orderBy(asc(mission.id)),
  ]);
  if (row === undefined) throw new NotFoundError(`No organization ${id} has been indexed.`);
  // As `isOrganizationMember` / `isOrganizationAdmin`: only while still a member of the sovereign.
  const members = rows
    .filter((m) => sovereignMembers.has(m.account))
    .map((m) => ({ account: getAddress(m.account), isAdmin: m.isAdmin, addedBlock: m.addedBlock.toString() }));
  return c.json({ organization: organizationJson(row), members, missions: missions.map(missionJson) });
});

graph.get("/missions", async (c) => {
  const filters: SQL[] = [];
  const sovereignId = parseOptionalId(c.req.query("sovereign"), "sovereign");
  const organizationId = parseOptionalId(c.req.query("organization"), "organization");
  const status = c.req.query("status");
  if (sovereignId !== undefined) filters.push(eq(mission.sovereignId, sovereignId));
  if (organizationId !== undefined) filters.push(eq(mission.organizationId, organizationId));
  if (status !== undefined) {
    const index = MISSION_STATUSES.indexOf(status as (typeof MISSION_STATUSES)[number]);
    if (index < 1) {
      throw new BadRequestError(`status must be one of ${MISSION_STATUSES.slice(1).join(", ")}, got "${status}".`);
    }
    filters.push(eq(mission.status, index));
  }
  const rows = await db
    .select()
    .from(mission)
    .where(and(...filters))
    .orderBy(asc(mission.id));
  return c.json({ missions: rows.map(missionJson) });
});

graph.get("/missions/:id", async (c) => {
  const id = parseId(c.req.param("id"), "Mission id");
  const [[row], transitions, links, contributions] = await Promise.all([
    db.select().from(mission).where(eq(mission.id, id)),
    db
      .select()
      .from(missionTransition)
      .where(eq(missionTransition.missionId, id))
      .orderBy(asc(missionTransition.blockNumber), asc(missionTransition.logIndex)),
    db
      .select()
      .from(missionFunding)
      .where(eq(missionFunding.missionId, id))
      .orderBy(asc(missionFunding.blockNumber), asc(missionFunding.module), asc(missionFunding.fundingId)),
    contributionsWhere([eq(contribution.missionId, id)]),
  ]);
  if (row === undefined) throw new NotFoundError(`No mission ${id} has been indexed.`);
  return c.json({
    mission: missionJson(row),
    transitions: transitions.map(missionTransitionJson),
    fundingLinks: links.map(fundingLinkJson),
    contributions,
  });
});

/* CREDENTIALS AND EXECUTION RECORDS */

graph.get("/credentials/:uid", async (c) => {
  const uid = parseUid(c.req.param("uid"));
  const [row] = await db.select().from(credential).where(eq(credential.uid, uid));
  if (row === undefined) throw new NotFoundError(`No skill credential ${uid} has been indexed.`);
  return c.json({ credential: credentialJson(row) });
});

graph.get("/accounts/:address/credentials", async (c) => {
  const address = parseAddress(c.req.param("address"));
  const key = lower(address);
  const order = [asc(credential.blockNumber), asc(credential.uid)] as const;
  const [received, issued] = await Promise.all([
    db
      .select()
      .from(credential)
      .where(eq(credential.recipient, key))
      .orderBy(...order),
    db
      .select()
      .from(credential)
      .where(eq(credential.attester, key))
      .orderBy(...order),
  ]);
  return c.json({
    address: getAddress(address),
    received: received.map(credentialJson),
    issued: issued.map(credentialJson),
  });
});

graph.get("/execution-records/:uid", async (c) => {
  const uid = parseUid(c.req.param("uid"));
  const [row] = await db.select().from(executionRecord).where(eq(executionRecord.uid, uid));
  if (row === undefined) throw new NotFoundError(`No execution record ${uid} has been indexed.`);
  return c.json({ executionRecord: executionRecordJson(row) });
});

/* CONTRIBUTIONS AND REPUTATION */

graph.get("/contributions", async (c) => {
  const filters: SQL[] = [];
  const sovereignId = parseOptionalId(c.req.query("sovereign"), "sovereign");
  const missionId = parseOptionalId(c.req.query("mission"), "mission");
  const account = c.req.query("account");
  if (sovereignId !== undefined) filters.push(eq(contribution.sovereignId, sovereignId));
  if (missionId !== undefined) filters.push(eq(contribution.missionId, missionId));
  if (account !== undefined) filters.push(eq(contribution.account, lower(parseAddress(account))));
  return c.json({ contributions: await contributionsWhere(filters) });
});

/**
 * Time-decayed reputation (reputation.ts): per sovereign, all-time points (`reputationOf`) and
 * `score = Σ points · 0.5^((now − t) / halfLife)`, `now` the last indexed block's time.
 */
graph.get("/accounts/:address/reputation", async (c) => {
  const address = parseAddress(c.req.param("address"));
  const rawHalfLife = c.req.query("halfLife");
  const halfLife = rawHalfLife === undefined ? DEFAULT_HALF_LIFE : parseSeconds(rawHalfLife, "halfLife");
  const sovereignId = parseOptionalId(c.req.query("sovereign"), "sovereign");
  const key = lower(address);
  const head = await headOf(c);
  const [totals, contributions] = await Promise.all([
    db
      .select()
      .from(reputation)
      .where(
        and(
          eq(reputation.account, key),
          sovereignId === undefined ? undefined : eq(reputation.sovereignId, sovereignId),
        ),
      )
      .orderBy(asc(reputation.sovereignId)),
    db
      .select()
      .from(contribution)
      .where(
        and(
          eq(contribution.account, key),
          sovereignId === undefined ? undefined : eq(contribution.sovereignId, sovereignId),
        ),
      ),
  ]);
  const sovereigns = totals.map((total) => ({
    sovereignId: total.sovereignId.toString(),
    points: total.points.toString(),
    score: decayedScore(
      contributions.filter((row) => row.sovereignId === total.sovereignId),
      head.timestamp,
      halfLife,
    ),
  }));
  return c.json({
    address: getAddress(address),
    halfLife,
    blockNumber: head.blockNumber.toString(),
    timestamp: head.timestamp.toString(),
    score: decayedScore(contributions, head.timestamp, halfLife),
    sovereigns,
  });
});

/* ACCOUNTS (the graph's part of GET /accounts/:address) */

export interface AccountGraphJson {
  /** Every sovereign the account is or was a member of, is invited to or applied to, or administers. */
  readonly memberships: readonly (MemberJson & { readonly handle: string | null })[];
  readonly reputation: readonly { readonly sovereignId: string; readonly points: string }[];
  readonly contributions: readonly ContributionJson[];
}

export async function readAccountGraph(address: Address): Promise<AccountGraphJson> {
  const key = lower(address);
  // The sovereigns' handles come with the rows (joins), not from a scan of every sovereign.
  const [memberRows, adminRows, totals, contributions] = await Promise.all([
    db
      .select({ row: member, handle: sovereign.handle })
      .from(member)
      .leftJoin(sovereign, eq(sovereign.id, member.sovereignId))
      .where(eq(member.account, key))
      .orderBy(asc(member.sovereignId)),
    db
      .select({ sovereignId: sovereignAdmin.sovereignId, handle: sovereign.handle })
      .from(sovereignAdmin)
      .leftJoin(sovereign, eq(sovereign.id, sovereignAdmin.sovereignId))
      .where(and(eq(sovereignAdmin.account, key), eq(sovereignAdmin.active, true))),
    db.select().from(reputation).where(eq(reputation.account, key)).orderBy(asc(reputation.sovereignId)),
    contributionsWhere([eq(contribution.account, key)]),
  ]);
  const handles = new Map<bigint, string | null>([
    ...memberRows.map(({ row, handle }) => [row.sovereignId, handle] as const),
    ...adminRows.map(({ sovereignId, handle }) => [sovereignId, handle] as const),
  ]);
  const adminOf = new Set(adminRows.map((row) => row.sovereignId));
  const memberships = memberRows.map(({ row }) => ({
    ...memberJson(row, adminOf.has(row.sovereignId)),
    handle: handles.get(row.sovereignId) ?? null,
  }));
  // An admin who never joined (adminship accepted by a non-member) has no membership row.
  for (const sovereignId of adminOf) {
    if (memberRows.some(({ row }) => row.sovereignId === sovereignId)) continue;
    memberships.push({
      ...memberJson(emptyMember(sovereignId, key), true),
      handle: handles.get(sovereignId) ?? null,
    });
  }
  memberships.sort((a, b) => Number(BigInt(a.sovereignId) - BigInt(b.sovereignId)));
  return {
    memberships: memberships.filter((m) => m.status !== "none" || m.isAdmin),
    reputation: totals.map((row) => ({ sovereignId: row.sovereignId.toString(), points: row.points.toString() })),
    contributions,
  };
}

/* QUERIES */

async function findSovereign(ref: ReturnType<typeof parseSovereignRef>) {
  const [row] = await db
    .select()
    .from(sovereign)
    .where("id" in ref ? eq(sovereign.id, ref.id) : eq(sovereign.handle, ref.handle));
  if (row === undefined) {
    throw new NotFoundError(`No sovereign ${"id" in ref ? ref.id : `"${ref.handle}"`} has been indexed.`);
  }
  return row;
}

function activeAdmins(sovereignId: bigint) {
  return db
    .select()
    .from(sovereignAdmin)
    .where(and(eq(sovereignAdmin.sovereignId, sovereignId), eq(sovereignAdmin.active, true)))
    .orderBy(asc(sovereignAdmin.addedBlock), asc(sovereignAdmin.account));
}

/** Every membership row of the sovereign (current, pending and former), by account. */
async function membersOf(sovereignId: bigint): Promise<MemberJson[]> {
  const [rows, admins] = await Promise.all([
    db.select().from(member).where(eq(member.sovereignId, sovereignId)).orderBy(asc(member.account)),
    activeAdmins(sovereignId),
  ]);
  const adminSet = new Set(admins.map((a) => a.account));
  return rows.map((row) => memberJson(row, adminSet.has(row.account)));
}

/** The current members of the sovereign `which` selects (lower-case addresses). */
async function currentMemberSet(which: SQL): Promise<Set<Hex>> {
  const rows = await db.select({ account: member.account, roles: member.roles }).from(member).where(which);
  return new Set(rows.filter((row) => (row.roles & MEMBER_BIT) !== 0).map((row) => row.account));
}

function recognitionKey(a: bigint, b: bigint) {
  const [lowId, highId] = a < b ? [a, b] : [b, a];
  return and(eq(recognition.lowId, lowId), eq(recognition.highId, highId));
}

async function recognitionsOf(sovereignId: bigint): Promise<RecognitionJson[]> {
  const rows = await db
    .select()
    .from(recognition)
    .where(or(eq(recognition.lowId, sovereignId), eq(recognition.highId, sovereignId)))
    .orderBy(asc(recognition.lowId), asc(recognition.highId));
  return rows
    .filter((row) => row.lowRecognizesHigh || row.highRecognizesLow)
    .map((row) => {
      const isLow = row.lowId === sovereignId;
      const recognizes = isLow ? row.lowRecognizesHigh : row.highRecognizesLow;
      const recognizedBy = isLow ? row.highRecognizesLow : row.lowRecognizesHigh;
      return {
        otherId: (isLow ? row.highId : row.lowId).toString(),
        recognizes,
        recognizedBy,
        mutual: recognizes && recognizedBy,
        blockNumber: row.blockNumber.toString(),
      };
    });
}

async function contributionsWhere(filters: SQL[]) {
  const rows = await db
    .select()
    .from(contribution)
    .where(and(...filters))
    .orderBy(asc(contribution.blockNumber), asc(contribution.logIndex));
  return rows.map(contributionJson);
}

export default graph;
