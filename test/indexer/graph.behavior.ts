/**
 * Shared by the PGlite and PostgreSQL suites (through agreement.behavior.ts): on the recorded
 * world (the main job's sovereigns and the graph's edge cases, scripts/scenario), every Sovereign
 * Graph route must answer what the registry's, the ledger's and EAS's views answer, refuse
 * malformed requests (400) and not invent what was never indexed (404).
 */
import { expect } from "chai";
import {
  decodeAbiParameters,
  getAddress,
  getContract,
  parseAbiParameters,
  zeroAddress,
  zeroHash,
  type Address,
  type Hex,
} from "viem";

import { ATLAS_SCHEMAS, ATLAS_SCHEMA_NAMES, CREDENTIAL_STATUSES, MISSION_STATUSES } from "../../sdk/src/index.ts";
import { contributionLedgerAbi, easAbi, sovereignRegistryAbi } from "../../sdk/src/abi/index.ts";
import type { IndexerKind, World } from "../e2e/world.ts";
import { getJson, sqlQuery, waitUntilSynced, type Indexer, type IndexerStatus } from "./harness.ts";

/* THE API'S SHAPES, as documented in indexer/README.md (written out again on purpose). */

interface ApiSovereign {
  id: string;
  handle: string;
  metadataURI: string;
  metadataHash: Hex;
  suspended: boolean;
  adminCount: number;
  founder: Address;
  createdBlock: string;
  createdTimestamp: string;
  createdTransaction: Hex;
}

interface ApiMember {
  sovereignId: string;
  account: Address;
  status: "member" | "pending" | "former" | "none";
  isMember: boolean;
  isAdmin: boolean;
  roles: number;
  roleNames: string[];
  isAgent: boolean;
  agentOperator: Address | null;
  invitedBy: Address | null;
  applied: boolean;
  exit: "left" | "removed" | null;
}

interface ApiSovereignDetail {
  sovereign: ApiSovereign;
  admins: { account: Address }[];
  adminOffers: { candidate: Address; offeredBy: Address; handOver: boolean }[];
  members: ApiMember[];
  organizations: { id: string }[];
  missions: { id: string }[];
  trustedIssuers: { schema: Hex; schemaName: string | null; issuer: Address }[];
  recognitions: { otherId: string; recognizes: boolean; recognizedBy: boolean; mutual: boolean }[];
}

interface ApiMission {
  id: string;
  sovereignId: string;
  organizationId: string | null;
  owner: Address;
  status: string;
  metadataURI: string;
  metadataHash: Hex;
  createdBlock: string;
  createdTransaction: Hex;
}

interface ApiContribution {
  outcomeId: string;
  account: Address;
  sovereignId: string;
  missionId: string | null;
  kind: Hex;
  kindName: string | null;
  token: Address;
  amount: string;
  points: string;
  weight: number;
  reputation: string;
  timestamp: string;
  blockNumber: string;
  transactionHash: Hex;
  logIndex: number;
}

interface ApiCredential {
  uid: Hex;
  schema: Hex;
  recipient: Address;
  attester: Address;
  skill: string | null;
  level: number | null;
  evidenceURI: string | null;
  time: string;
  expirationTime: string;
  revoked: boolean;
  revocationTime: string;
  blockNumber: string;
  transactionHash: Hex;
}

interface ApiHonour {
  sovereignId: string;
  trustedBy: string;
  uid: Hex;
  account: Address;
  schema: Hex;
  issuer: Address;
  honoured: boolean;
  status: string;
  blockNumber: string;
  timestamp: string;
}

export interface GraphUnderTest {
  readonly chain: World;
  readonly indexer: Indexer;
  /** Which suite: each revokes a credential of its own after the backfill. */
  readonly kind: IndexerKind;
}

/** The world's Sovereign Graph, by the names the checks use. */
function graphOf({ chain, kind }: GraphUnderTest) {
  const a = chain.accounts;
  const { ids } = chain;
  return {
    /** Every account the checks look at: the edge cases' people, then the main job's. */
    accounts: {
      deployer: a.deployer,
      guardian: a.guardian,
      alice: a.alice,
      bob: a.bob,
      carol: a.carol,
      dave: a.dave,
      eve: a.eve,
      /** Atlantis' agent. */
      agent: a.edgeAgent.address,
      frank: a.frank.address,
      northAdmin: a.northAdmin,
      southAdmin: a.southAdmin,
      northIssuer: a.northIssuer,
      southIssuer: a.southIssuer,
      citizen: a.citizen,
      verifier: a.verifier,
      operator: a.operator,
      northAgent: a.agent,
      arbiter: a.arbiter,
    },
    sovereigns: {
      north: ids.north,
      south: ids.south,
      atlantis: ids.atlantis,
      lemuria: ids.lemuria,
      avalon: ids.avalon,
      thule: ids.thule,
    },
    schemas: chain.book.schemas,
    /** Every skill credential of the edge cases, both suites' revocable ones included. */
    credentials: { ...ids.credentials, rust: ids.revocable.pglite, go: ids.revocable.postgres },
    /** The credential this suite revokes after the backfill (carol → eve). */
    revocable: ids.revocable[kind],
    foreignAttestation: ids.foreignAttestation,
    executions: ids.executions,
  };
}

export function shouldIndexTheGraph(underTest: () => GraphUnderTest): void {
  const under = () => ({ ...underTest(), graph: graphOf(underTest()) });
  /** GET, expecting 200. */
  const get = async <T>(route: string): Promise<T> => {
    const { status, body } = await getJson<T>(`${under().indexer.url}${route}`);
    expect(status, `GET ${route}: ${JSON.stringify(body)}`).to.equal(200);
    return body;
  };
  const views = () => {
    const { chain } = under();
    const client = chain.publicClient;
    return {
      registry: getContract({ address: chain.book.contracts.registry.address, abi: sovereignRegistryAbi, client }),
      ledger: getContract({ address: chain.book.contracts.ledger.address, abi: contributionLedgerAbi, client }),
      eas: getContract({ address: chain.book.contracts.eas.address, abi: easAbi, client }),
    };
  };
  const accounts = () => Object.values(under().graph.accounts);
  const ids = (count: bigint) => Array.from({ length: Number(count) }, (_, i) => BigInt(i + 1));

  describe("the Sovereign Graph", function () {
    it("lists every sovereign as getSovereign reads it, by id and by handle", async function () {
      const { chain } = under();
      const { registry } = views();
      const registered = await chain.publicClient.getContractEvents({
        address: chain.book.contracts.registry.address,
        abi: sovereignRegistryAbi,
        eventName: "SovereignRegistered",
        fromBlock: BigInt(chain.book.contracts.registry.blockNumber),
        strict: true,
      });
      const expected = await Promise.all(
        ids(await registry.read.sovereignCount()).map(async (id) => {
          const stored = await registry.read.getSovereign([id]);
          const log = registered.find((l) => l.args.sovereignId === id)!;
          return {
            id: id.toString(),
            handle: stored.handle,
            metadataURI: stored.metadataURI,
            metadataHash: stored.metadataHash,
            suspended: stored.suspended,
            adminCount: stored.adminCount,
            founder: getAddress(log.args.admin),
            createdBlock: log.blockNumber.toString(),
            createdTransaction: log.transactionHash,
          };
        }),
      );
      // The main job's two, the graph's edge cases' four, capital's edge cases' three (scripts/scenario).
      expect(expected.map((s) => s.handle)).to.deep.equal([
        "north",
        "south",
        "atlantis",
        "lemuria",
        "avalon",
        "thule",
        "hyperborea",
        "thalassa",
        "lyonesse",
      ]);
      const { sovereigns } = await get<{ sovereigns: ApiSovereign[] }>("/sovereigns");
      expect(
        sovereigns.map(({ createdTimestamp: _, ...rest }) => rest),
        "GET /sovereigns",
      ).to.deep.equal(expected);
      for (const s of sovereigns) {
        const byId = await get<ApiSovereignDetail>(`/sovereigns/${s.id}`);
        expect(byId.sovereign, `GET /sovereigns/${s.id}`).to.deep.equal(s);
        expect(await get(`/sovereigns/${s.handle}`), `GET /sovereigns/${s.handle}`).to.deep.equal(byId);
      }
    });

    it("reports admins, members, roles, agents and pending memberships as the registry's views do", async function () {
      const { graph } = under();
      const { registry } = views();
      for (const id of ids(await registry.read.sovereignCount())) {
        const detail = await get<ApiSovereignDetail>(`/sovereigns/${id}`);
        const { members } = await get<{ members: ApiMember[] }>(`/sovereigns/${id}/members`);
        const byAccount = new Map(members.map((m) => [m.account, m]));
        const admins = new Set(detail.admins.map((a) => a.account));
        const offers = new Map(detail.adminOffers.map((o) => [o.candidate, o]));
        for (const account of accounts()) {
          const where = `sovereign ${id}, ${account}`;
          const [isMember, isAdmin, roles, operator, [invitedBy, applied], [offeredBy, handOver]] = await Promise.all([
            registry.read.isMember([id, account]),
            registry.read.isAdmin([id, account]),
            registry.read.rolesOf([id, account]),
            registry.read.agentOperator([id, account]),
            registry.read.pendingMembership([id, account]),
            registry.read.adminOffer([id, account]),
          ]);
          expect(admins.has(account), `${where}: admin`).to.equal(isAdmin);
          const offer = offers.get(account);
          expect(
            offer === undefined ? null : { offeredBy: offer.offeredBy, handOver: offer.handOver },
            `${where}: admin offer`,
          ).to.deep.equal(offeredBy === zeroAddress ? null : { offeredBy, handOver });
          const row = byAccount.get(account);
          expect(
            {
              isMember: row?.isMember ?? false,
              roles: row?.roles ?? 0,
              agentOperator: row?.agentOperator ?? null,
              invitedBy: row?.invitedBy ?? null,
              applied: row?.applied ?? false,
            },
            where,
          ).to.deep.equal({
            isMember,
            roles,
            agentOperator: operator === zeroAddress ? null : operator,
            invitedBy: invitedBy === zeroAddress ? null : invitedBy,
            applied,
          });
          if (row !== undefined) expect(row.isAdmin, `${where}: isAdmin`).to.equal(isAdmin);
        }
        expect(detail.admins.length, `sovereign ${id}: admins`).to.equal(detail.sovereign.adminCount);
        expect(detail.members, `sovereign ${id}: current members`).to.deep.equal(members.filter((m) => m.isMember));
      }

      // The scenario's atlantis, by name.
      const { alice, bob, carol, dave, eve, deployer, guardian, agent, frank } = graph.accounts;
      const { members } = await get<{ members: ApiMember[] }>(`/sovereigns/${graph.sovereigns.atlantis}/members`);
      const summary = Object.fromEntries(
        members.map((m) => [m.account, [m.status, m.roleNames.join("+"), m.isAdmin, m.isAgent, m.exit]]),
      );
      expect(summary).to.deep.equal({
        [alice]: ["member", "member", true, false, null],
        [bob]: ["pending", "", true, false, null],
        [carol]: ["pending", "", false, false, null],
        [dave]: ["member", "member+contributor+operator", false, false, null],
        [eve]: ["member", "member+verifier", false, false, null],
        [agent]: ["member", "member+agent", false, true, null],
        [frank]: ["former", "", false, false, "removed"],
        [deployer]: ["former", "", false, false, "left"],
        [guardian]: ["none", "", false, false, null],
      });
    });

    it("reports organizations and their members as isOrganizationMember and isOrganizationAdmin do", async function () {
      const { graph } = under();
      const { registry } = views();
      for (const id of ids(await registry.read.organizationCount())) {
        const stored = await registry.read.getOrganization([id]);
        const body = await get<{
          organization: { id: string; sovereignId: string; metadataURI: string; metadataHash: Hex };
          members: { account: Address; isAdmin: boolean }[];
          missions: { id: string }[];
        }>(`/organizations/${id}`);
        expect(body.organization, `organization ${id}`).to.include({
          id: id.toString(),
          sovereignId: stored.sovereignId.toString(),
          metadataURI: stored.metadataURI,
          metadataHash: stored.metadataHash,
        });
        const listed = new Map(body.members.map((m) => [m.account, m.isAdmin]));
        for (const account of accounts()) {
          const [isMember, isAdmin] = await Promise.all([
            registry.read.isOrganizationMember([id, account]),
            registry.read.isOrganizationAdmin([id, account]),
          ]);
          expect(listed.has(account), `organization ${id}, ${account}: member`).to.equal(isMember);
          expect(listed.get(account) ?? false, `organization ${id}, ${account}: admin`).to.equal(isAdmin);
        }
        const missionCount = await registry.read.missionCount();
        const ofOrganization = [];
        for (const missionId of ids(missionCount)) {
          if ((await registry.read.getMission([missionId])).organizationId === id)
            ofOrganization.push(String(missionId));
        }
        expect(
          body.missions.map((m) => m.id),
          `organization ${id}: missions`,
        ).to.deep.equal(ofOrganization);
      }
      const guild = await get<{ members: { account: Address; isAdmin: boolean }[] }>(
        `/organizations/${under().chain.ids.guild}`,
      );
      expect(guild.members.map((m) => [m.account, m.isAdmin])).to.deep.equal([
        [graph.accounts.dave, true],
        [graph.accounts.eve, false],
      ]);
    });

    it("reports missions with their status, transitions, funding links and contributions", async function () {
      const { chain } = under();
      const { registry } = views();
      const fromBlock = BigInt(chain.book.contracts.registry.blockNumber);
      const logsOf = <N extends "MissionStatusChanged" | "MissionFundingLinked">(eventName: N) =>
        chain.publicClient.getContractEvents({
          address: chain.book.contracts.registry.address,
          abi: sovereignRegistryAbi,
          eventName,
          fromBlock,
          strict: true,
        });
      const [created, transitions, links] = await Promise.all([
        chain.publicClient.getContractEvents({
          address: chain.book.contracts.registry.address,
          abi: sovereignRegistryAbi,
          eventName: "MissionCreated",
          fromBlock,
          strict: true,
        }),
        logsOf("MissionStatusChanged"),
        logsOf("MissionFundingLinked"),
      ]);
      const contributions = await expectedContributions(chain);
      const expected: ApiMission[] = [];
      for (const id of ids(await registry.read.missionCount())) {
        const stored = await registry.read.getMission([id]);
        const log = created.find((l) => l.args.missionId === id)!;
        expected.push({
          id: id.toString(),
          sovereignId: stored.sovereignId.toString(),
          organizationId: stored.organizationId === 0n ? null : stored.organizationId.toString(),
          owner: stored.owner,
          status: MISSION_STATUSES[stored.status],
          metadataURI: stored.metadataURI,
          metadataHash: stored.metadataHash,
          createdBlock: log.blockNumber.toString(),
          createdTransaction: log.transactionHash,
        });
      }
      // North's, the survey, the bridge, the harbour (the graph's edge cases), capital's two.
      const worldIds = chain.ids;
      expect(Object.fromEntries(expected.map((m) => [m.id, m.status]))).to.deep.equal({
        [String(worldIds.mission)]: "inProgress",
        [String(worldIds.survey)]: "inProgress",
        [String(worldIds.bridge)]: "cancelled",
        [String(worldIds.harbour)]: "draft",
        [String(worldIds.fundedMission)]: "open",
        [String(worldIds.unfundedMission)]: "open",
      });
      const { missions } = await get<{ missions: (ApiMission & { createdTimestamp: string })[] }>("/missions");
      expect(
        missions.map(({ createdTimestamp: _, ...m }) => m),
        "GET /missions",
      ).to.deep.equal(expected);
      for (const mission of expected) {
        const body = await get<{
          mission: ApiMission;
          transitions: { from: string; to: string; by: Address; blockNumber: string; transactionHash: Hex }[];
          fundingLinks: { module: Address; fundingId: string; blockNumber: string; transactionHash: Hex }[];
          contributions: ApiContribution[];
        }>(`/missions/${mission.id}`);
        expect(body.mission, `mission ${mission.id}`).to.include(mission);
        expect(
          body.transitions.map(({ from, to, by, blockNumber, transactionHash }) => ({
            from,
            to,
            by,
            blockNumber,
            transactionHash,
          })),
          `mission ${mission.id}: transitions`,
        ).to.deep.equal(
          transitions
            .filter((l) => l.args.missionId === BigInt(mission.id))
            .map((l) => ({
              from: MISSION_STATUSES[l.args.from],
              to: MISSION_STATUSES[l.args.to],
              by: getAddress(l.args.by),
              blockNumber: l.blockNumber.toString(),
              transactionHash: l.transactionHash,
            })),
        );
        expect(body.fundingLinks, `mission ${mission.id}: funding`).to.deep.equal(
          links
            .filter((l) => l.args.missionId === BigInt(mission.id))
            .map((l) => ({
              module: getAddress(l.args.module),
              fundingId: l.args.fundingId.toString(),
              blockNumber: l.blockNumber.toString(),
              transactionHash: l.transactionHash,
            })),
        );
        expect(body.contributions, `mission ${mission.id}: contributions`).to.deep.equal(
          contributions.filter((c) => c.missionId === mission.id),
        );
      }
      const filtered = async (query: string) =>
        (await get<{ missions: ApiMission[] }>(`/missions?${query}`)).missions.map((m) => m.id);
      const [atlantis, guild] = [worldIds.atlantis, worldIds.guild];
      expect(await filtered(`sovereign=${atlantis}`), "?sovereign=atlantis").to.deep.equal(
        [worldIds.survey, worldIds.bridge].map(String),
      );
      expect(await filtered(`organization=${guild}`), "?organization=guild").to.deep.equal([String(worldIds.survey)]);
      expect(await filtered("status=draft"), "?status=draft").to.deep.equal([String(worldIds.harbour)]);
      expect(await filtered(`sovereign=${atlantis}&status=cancelled`), "?sovereign&status").to.deep.equal([
        String(worldIds.bridge),
      ]);
    });

    it("reports trusted issuers and recognitions as isTrustedIssuer, recognizes and isMutuallyRecognized do", async function () {
      const { graph } = under();
      const { registry } = views();
      const sovereigns = ids(await registry.read.sovereignCount());
      for (const id of sovereigns) {
        const detail = await get<ApiSovereignDetail>(`/sovereigns/${id}`);
        const trusted = new Set(detail.trustedIssuers.map((t) => `${t.schema}:${t.issuer}`));
        for (const name of ATLAS_SCHEMA_NAMES) {
          for (const account of accounts()) {
            const schema = graph.schemas[name];
            expect(trusted.has(`${schema}:${account}`), `sovereign ${id} trusts ${account} for ${name}`).to.equal(
              await registry.read.isTrustedIssuer([id, schema, account]),
            );
          }
        }
        expect(detail.trustedIssuers.every((t) => t.schemaName === "skillCredential")).to.equal(true);
        const listed = new Map(detail.recognitions.map((r) => [r.otherId, r]));
        for (const other of sovereigns.filter((o) => o !== id)) {
          const [recognizes, recognizedBy, mutual] = await Promise.all([
            registry.read.recognizes([id, other]),
            registry.read.recognizes([other, id]),
            registry.read.isMutuallyRecognized([id, other]),
          ]);
          const row = listed.get(other.toString());
          expect(
            {
              recognizes: row?.recognizes ?? false,
              recognizedBy: row?.recognizedBy ?? false,
              mutual: row?.mutual ?? false,
            },
            `recognition ${id} → ${other}`,
          ).to.deep.equal({ recognizes, recognizedBy, mutual });
        }
      }
      const atlantis = await get<ApiSovereignDetail>(`/sovereigns/atlantis`);
      const { lemuria, avalon, thule } = graph.sovereigns;
      expect(atlantis.recognitions.map((r) => [r.otherId, r.mutual])).to.deep.equal([
        [String(lemuria), true],
        [String(avalon), false],
        [String(thule), true],
      ]);
    });

    it("decodes skill credentials as getAttestation reads them, and indexes no other schema", async function () {
      const { chain, graph } = under();
      const { eas } = views();
      const attested = await chain.publicClient.getContractEvents({
        address: chain.book.contracts.eas.address,
        abi: easAbi,
        eventName: "Attested",
        fromBlock: BigInt(chain.book.contracts.eas.blockNumber),
        strict: true,
      });
      for (const [name, uid] of Object.entries(graph.credentials)) {
        const stored = await eas.read.getAttestation([uid]);
        const log = attested.find((l) => l.args.uid === uid)!;
        let fields: readonly [string, number, string] | undefined;
        try {
          fields = decodeAbiParameters(parseAbiParameters(ATLAS_SCHEMAS.skillCredential), stored.data);
        } catch {
          fields = undefined;
        }
        const { credential } = await get<{ credential: ApiCredential }>(`/credentials/${uid}`);
        expect(credential, `credential ${name}`).to.deep.equal({
          uid,
          schema: stored.schema,
          recipient: stored.recipient,
          attester: stored.attester,
          skill: fields?.[0] ?? null,
          level: fields?.[1] ?? null,
          evidenceURI: fields?.[2] ?? null,
          time: stored.time.toString(),
          expirationTime: stored.expirationTime.toString(),
          revoked: stored.revocationTime !== 0n,
          revocationTime: stored.revocationTime.toString(),
          blockNumber: log.blockNumber.toString(),
          transactionHash: log.transactionHash,
        });
      }
      const { credential: garbled } = await get<{ credential: ApiCredential }>(
        `/credentials/${graph.credentials.garbled}`,
      );
      expect([garbled.skill, garbled.level, garbled.evidenceURI], "undecodable data").to.deep.equal([null, null, null]);

      const skillLogs = attested.filter((l) => l.args.schemaUID === graph.schemas.skillCredential);
      for (const account of accounts()) {
        const body = await get<{ address: Address; received: ApiCredential[]; issued: ApiCredential[] }>(
          `/accounts/${account}/credentials`,
        );
        expect(
          body.received.map((c) => c.uid),
          `${account}: received`,
        ).to.deep.equal(skillLogs.filter((l) => getAddress(l.args.recipient) === account).map((l) => l.args.uid));
        expect(
          body.issued.map((c) => c.uid),
          `${account}: issued`,
        ).to.deep.equal(skillLogs.filter((l) => getAddress(l.args.attester) === account).map((l) => l.args.uid));
      }
      expect((await getJson(`${under().indexer.url}/credentials/${graph.foreignAttestation}`)).status).to.equal(404);
      // Every attestation of an Atlas schema, and nothing else (the foreign one is filtered out).
      const atlasUids = new Set<Hex>(Object.values(graph.schemas));
      const rows = await sqlQuery<Record<string, unknown>>(
        under().indexer.url,
        "SELECT uid, schema_name FROM attestation ORDER BY block_number, uid",
      );
      expect(rows.map((row) => String(row.uid)).sort(), "attestation rows").to.deep.equal(
        attested
          .filter((l) => atlasUids.has(l.args.schemaUID))
          .map((l) => l.args.uid)
          .sort(),
      );
      expect(
        attested.some((l) => l.args.uid === graph.foreignAttestation),
        "the foreign attestation happened",
      ).to.equal(true);
    });

    it("reports execution records and their verification as the ledger recorded them", async function () {
      const { chain, graph } = under();
      const { eas, ledger } = views();
      const fromBlock = BigInt(chain.book.contracts.ledger.blockNumber);
      const [recorded, outcomes, attested] = await Promise.all([
        chain.publicClient.getContractEvents({
          address: chain.book.contracts.ledger.address,
          abi: contributionLedgerAbi,
          eventName: "ExecutionRecorded",
          fromBlock,
          strict: true,
        }),
        chain.publicClient.getContractEvents({
          address: chain.book.contracts.ledger.address,
          abi: contributionLedgerAbi,
          eventName: "OutcomeRecorded",
          fromBlock,
          strict: true,
        }),
        chain.publicClient.getContractEvents({
          address: chain.book.contracts.eas.address,
          abi: easAbi,
          eventName: "Attested",
          fromBlock: BigInt(chain.book.contracts.eas.blockNumber),
          strict: true,
        }),
      ]);
      for (const [name, uid] of Object.entries(graph.executions)) {
        const stored = await eas.read.getAttestation([uid]);
        const [
          chainId,
          namedLedger,
          actor,
          sovereignId,
          missionId,
          taskRef,
          inputHash,
          outputHash,
          evidenceURI,
          modelHash,
        ] = decodeAbiParameters(parseAbiParameters(ATLAS_SCHEMAS.executionRecord), stored.data);
        const outcomeId = await ledger.read.executionOutcome([uid]);
        const log = recorded.find((l) => l.args.executionUID === uid);
        const { executionRecord } = await get<{ executionRecord: Record<string, unknown> }>(
          `/execution-records/${uid}`,
        );
        const attestedLog = attested.find((l) => l.args.uid === uid)!;
        expect(executionRecord, `execution record ${name}`).to.deep.equal({
          uid,
          attester: stored.attester,
          recipient: stored.recipient,
          chainId: chainId.toString(),
          ledger: namedLedger,
          actor,
          sovereignId: sovereignId.toString(),
          missionId: missionId.toString(),
          taskRef,
          inputHash,
          outputHash,
          evidenceURI,
          modelHash,
          time: stored.time.toString(),
          revoked: stored.revocationTime !== 0n,
          blockNumber: attestedLog.blockNumber.toString(),
          transactionHash: attestedLog.transactionHash,
          verification:
            outcomeId === 0n
              ? null
              : {
                  uid: log!.args.verificationUID,
                  verifier: getAddress(log!.args.verifier),
                  points: outcomes.find((o) => o.args.outcomeId === outcomeId)!.args.points.toString(),
                  outcomeId: outcomeId.toString(),
                  blockNumber: log!.blockNumber.toString(),
                  transactionHash: log!.transactionHash,
                },
        });
      }
      const verifications = await Promise.all(
        Object.values(graph.executions).map(async (uid) => {
          const { executionRecord } = await get<{ executionRecord: { verification: { points: string } | null } }>(
            `/execution-records/${uid}`,
          );
          return executionRecord.verification?.points ?? null;
        }),
      );
      expect(verifications, "points of the agent's, dave's and the unverified record").to.deep.equal([
        "40",
        "25",
        null,
      ]);
    });

    it("lists contributions and reputation as the ledger's events and reputationOf say", async function () {
      const { chain, graph } = under();
      const { ledger, registry } = views();
      const contributions = await expectedContributions(chain);
      const { atlantis, lemuria } = graph.sovereigns;
      const inAtlantis = contributions.filter((c) => c.sovereignId === String(atlantis));
      // The graph's edge cases: two verified executions in atlantis (the world has others: the
      // main job's agent and citizen in north, capital's payouts in its own sovereigns).
      expect(inAtlantis.map((c) => [c.account, c.points, c.kindName])).to.deep.equal([
        [graph.accounts.agent, "40", "execution"],
        [graph.accounts.dave, "25", "execution"],
      ]);
      expect((await get<{ contributions: ApiContribution[] }>("/contributions")).contributions).to.deep.equal(
        contributions,
      );
      const query = async (q: string) =>
        (await get<{ contributions: ApiContribution[] }>(`/contributions?${q}`)).contributions;
      expect(await query(`account=${graph.accounts.agent.toLowerCase()}`), "?account").to.deep.equal(
        contributions.filter((c) => c.account === graph.accounts.agent),
      );
      expect(await query(`sovereign=${atlantis}&account=${graph.accounts.dave}`), "?sovereign&account").to.deep.equal(
        inAtlantis.filter((c) => c.account === graph.accounts.dave),
      );
      expect(await query(`sovereign=${graph.sovereigns.north}`), "?sovereign=north").to.deep.equal(
        contributions.filter((c) => c.sovereignId === String(graph.sovereigns.north)),
      );
      expect(await query(`sovereign=${lemuria}`), "?sovereign=lemuria").to.deep.equal([]);
      expect(await query(`mission=${chain.ids.survey}`), "?mission=survey").to.deep.equal(inAtlantis);

      const sovereigns = ids(await registry.read.sovereignCount());
      for (const account of accounts()) {
        const body = await get<{
          memberships: (ApiMember & { handle: string | null })[];
          reputation: { sovereignId: string; points: string }[];
          contributions: ApiContribution[];
        }>(`/accounts/${account}`);
        const reputation = [];
        for (const id of sovereigns) {
          const points = await ledger.read.reputationOf([id, account]);
          if (points !== 0n) reputation.push({ sovereignId: id.toString(), points: points.toString() });
          const [isMember, isAdmin, roles, [invitedBy, applied]] = await Promise.all([
            registry.read.isMember([id, account]),
            registry.read.isAdmin([id, account]),
            registry.read.rolesOf([id, account]),
            registry.read.pendingMembership([id, account]),
          ]);
          const membership = body.memberships.find((m) => m.sovereignId === id.toString());
          if (isMember || isAdmin || invitedBy !== zeroAddress || applied) {
            expect(membership, `${account} in sovereign ${id}`).to.not.equal(undefined);
          }
          if (membership !== undefined) {
            expect(
              [membership.isMember, membership.isAdmin, membership.roles, membership.applied],
              `${account} in sovereign ${id}`,
            ).to.deep.equal([isMember, isAdmin, roles, applied]);
            expect(membership.handle).to.equal((await registry.read.getSovereign([id])).handle);
          }
        }
        expect(body.reputation, `${account}: reputation`).to.deep.equal(reputation);
        expect(body.contributions, `${account}: contributions`).to.deep.equal(
          contributions.filter((c) => c.account === account),
        );
      }
    });

    it("computes time-decayed reputation from the contributions and the last indexed block's time", async function () {
      const { chain, graph, indexer } = under();
      const { ledger } = views();
      const contributions = await expectedContributions(chain);
      const { body: status } = await getJson<IndexerStatus>(`${indexer.url}/status`);
      const now = BigInt(status.chain!.block.timestamp);
      for (const halfLife of [86_400, 3_600.5, undefined]) {
        for (const account of [graph.accounts.agent, graph.accounts.dave, graph.accounts.alice]) {
          const route = `/accounts/${account}/reputation${halfLife === undefined ? "" : `?halfLife=${halfLife}`}`;
          const body = await get<{
            address: Address;
            halfLife: number;
            blockNumber: string;
            timestamp: string;
            score: number;
            sovereigns: { sovereignId: string; points: string; score: number }[];
          }>(route);
          const expectedHalfLife = halfLife ?? 30 * 86_400;
          expect([body.address, body.halfLife, body.timestamp, body.blockNumber], route).to.deep.equal([
            account,
            expectedHalfLife,
            now.toString(),
            String(status.chain!.block.number),
          ]);
          const mine = contributions.filter((c) => c.account === account);
          const score = mine.reduce(
            (sum, c) => sum + Number(c.points) * 0.5 ** (Number(now - BigInt(c.timestamp)) / expectedHalfLife),
            0,
          );
          // Plain arithmetic, not chai's closeTo: Hardhat's matchers take integral numbers for bigints.
          const near = (got: number, want: number) => Math.abs(got - want) <= 1e-9 * Math.max(1, want);
          expect(near(body.score, score), `${route}: score ${body.score}, want ${score}`).to.equal(true);
          // Per sovereign, in id order: all-time points (reputationOf) and the score of its contributions.
          const sovereignIds = [...new Set(mine.map((c) => BigInt(c.sovereignId)))].sort((x, y) =>
            x < y ? -1 : x > y ? 1 : 0,
          );
          const perSovereign = [];
          for (const id of sovereignIds) {
            perSovereign.push([id.toString(), (await ledger.read.reputationOf([id, account])).toString()]);
          }
          expect(
            body.sovereigns.map((s) => [s.sovereignId, s.points]),
            `${route}: all-time points`,
          ).to.deep.equal(perSovereign);
          for (const [i, id] of sovereignIds.entries()) {
            const own = mine.filter((c) => BigInt(c.sovereignId) === id);
            const want = own.reduce(
              (sum, c) => sum + Number(c.points) * 0.5 ** (Number(now - BigInt(c.timestamp)) / expectedHalfLife),
              0,
            );
            expect(near(body.sovereigns[i].score, want), `${route}: sovereign ${id} score`).to.equal(true);
          }
        }
      }
      // Sanity on the numbers themselves: in atlantis, the agent's 40 points are a day older than dave's 25.
      const inAtlantis = `halfLife=86400&sovereign=${graph.sovereigns.atlantis}`;
      const agent = await get<{ score: number }>(`/accounts/${graph.accounts.agent}/reputation?${inAtlantis}`);
      const dave = await get<{ score: number }>(`/accounts/${graph.accounts.dave}/reputation?${inAtlantis}`);
      expect(Math.abs(agent.score / dave.score - (40 / 25) * 0.5), "agent/dave score ratio").to.be.below(0.01);
    });

    it("answers whether a sovereign honours a credential as checkCredential does", async function () {
      const { graph } = under();
      const { solidity, expiring, garbled } = graph.credentials;
      const { eve } = graph.accounts;
      const { north, south, atlantis, lemuria, avalon, thule } = graph.sovereigns;
      const { foreignCredential } = under().chain.ids;
      const cases: [string, string, string][] = [
        ["lemuria's own trust list", `/sovereigns/${lemuria}/credentials/${solidity}`, "valid"],
        ["by handle", `/sovereigns/lemuria/credentials/${solidity}`, "valid"],
        [
          "atlantis through lemuria (mutual, trusts carol)",
          `/sovereigns/${atlantis}/credentials/${solidity}?trustedBy=${lemuria}`,
          "valid",
        ],
        [
          "atlantis through avalon (one-sided)",
          `/sovereigns/${atlantis}/credentials/${solidity}?trustedBy=${avalon}`,
          "notRecognized",
        ],
        [
          "lemuria through avalon (revoked)",
          `/sovereigns/${lemuria}/credentials/${solidity}?trustedBy=${avalon}`,
          "notRecognized",
        ],
        ["atlantis' own list lacks carol", `/sovereigns/atlantis/credentials/${solidity}`, "untrustedIssuer"],
        [
          "atlantis through suspended thule",
          `/sovereigns/${atlantis}/credentials/${solidity}?trustedBy=${thule}`,
          "sovereignInactive",
        ],
        ["suspended thule, for itself: its frozen list", `/sovereigns/${thule}/credentials/${solidity}`, "valid"],
        [
          "someone else's credential",
          `/sovereigns/${lemuria}/credentials/${solidity}?account=${eve}`,
          "wrongRecipient",
        ],
        ["expired", `/sovereigns/${atlantis}/credentials/${expiring}`, "expired"],
        ["undecodable data counts all the same", `/sovereigns/${lemuria}/credentials/${garbled}`, "valid"],
        ["avalon's own trust list", `/sovereigns/${avalon}/credentials/${graph.revocable}`, "valid"],
        [
          "north through south (the main job's citizen)",
          `/sovereigns/${north}/credentials/${foreignCredential}?trustedBy=${south}`,
          "valid",
        ],
      ];
      for (const [label, route, status] of cases) {
        const body = await get<ApiHonour>(route);
        expect(body.status, `${label}: ${route}`).to.equal(status);
        await expectHonourMatchesChain(body, label);
      }
    });

    it("follows a revocation after the backfill", async function () {
      const { chain, graph, indexer } = under();
      const rust = graph.revocable;
      const before = await get<ApiHonour>(`/sovereigns/${graph.sovereigns.lemuria}/credentials/${rust}`);
      expect(before.status).to.equal("valid");
      const carol = chain.as(graph.accounts.carol).walletClient!;
      const hash = await carol.writeContract({
        account: graph.accounts.carol,
        chain: null,
        address: chain.book.contracts.eas.address,
        abi: easAbi,
        functionName: "revoke",
        args: [{ schema: graph.schemas.skillCredential, data: { uid: rust, value: 0n } }],
      });
      expect((await chain.publicClient.waitForTransactionReceipt({ hash })).status).to.equal("success");
      await waitUntilSynced(indexer, chain.url);
      const after = await get<ApiHonour>(`/sovereigns/${graph.sovereigns.lemuria}/credentials/${rust}`);
      expect(after.status).to.equal("revoked");
      await expectHonourMatchesChain(after, "revoked");
      const { credential } = await get<{ credential: ApiCredential }>(`/credentials/${rust}`);
      const stored = await views().eas.read.getAttestation([rust]);
      expect([credential.revoked, credential.revocationTime]).to.deep.equal([true, stored.revocationTime.toString()]);
    });

    it("answers 400 to malformed ids, UIDs, addresses and parameters, 404 to what was never indexed", async function () {
      const { graph, indexer } = under();
      const { solidity } = graph.credentials;
      const { byAgent } = graph.executions;
      const cases: [string, number, RegExp][] = [
        ["/sovereigns/Not_A_Handle", 400, /neither a sovereign id/],
        ["/sovereigns/-1", 400, /neither a sovereign id/],
        ["/sovereigns/18446744073709551616", 400, /below 2\^64/],
        ["/sovereigns/999", 404, /No sovereign 999/],
        ["/sovereigns/nowhere", 404, /No sovereign "nowhere"/],
        ["/sovereigns/999/members", 404, /No sovereign 999/],
        ["/organizations/guild", 400, /Organization id must be a decimal integer/],
        ["/organizations/99", 404, /No organization 99/],
        ["/missions/1.5", 400, /Mission id must be a decimal integer/],
        ["/missions/99", 404, /No mission 99/],
        ["/missions?status=Done", 400, /status must be one of draft, open/],
        ["/missions?status=none", 400, /status must be one of/],
        ["/missions?sovereign=x", 400, /sovereign must be a decimal integer/],
        ["/credentials/0x1234", 400, /not an attestation UID/],
        [`/credentials/${byAgent}`, 404, /No skill credential/],
        [`/credentials/${graph.foreignAttestation}`, 404, /No skill credential/],
        ["/execution-records/0xzz", 400, /not an attestation UID/],
        [`/execution-records/${solidity}`, 404, /No execution record/],
        ["/accounts/0x1234/credentials", 400, /not an address/],
        ["/accounts/alice/reputation", 400, /not an address/],
        [`/accounts/${graph.accounts.alice}/reputation?halfLife=0`, 400, /halfLife must be a positive number/],
        [`/accounts/${graph.accounts.alice}/reputation?halfLife=abc`, 400, /halfLife must be a positive number/],
        [`/accounts/${graph.accounts.alice}/reputation?sovereign=one`, 400, /sovereign must be a decimal integer/],
        ["/contributions?account=bob", 400, /not an address/],
        ["/contributions?sovereign=-2", 400, /sovereign must be a decimal integer/],
        ["/sovereigns/1/credentials/0x12", 400, /not an attestation UID/],
        [`/sovereigns/1/credentials/${solidity}?trustedBy=x`, 400, /trustedBy must be a decimal integer/],
        [`/sovereigns/1/credentials/${solidity}?account=nobody`, 400, /not an address/],
        [`/sovereigns/1/credentials/${solidity}?trustedBy=99`, 404, /No sovereign 99/],
        [`/sovereigns/99/credentials/${solidity}`, 404, /No sovereign 99/],
        [`/sovereigns/1/credentials/${byAgent}`, 404, /No skill credential/],
        [`/sovereigns/1/credentials/${zeroHash}`, 404, /No skill credential/],
      ];
      for (const [route, status, message] of cases) {
        const answer = await getJson<{ error: string; retryable: boolean }>(`${indexer.url}${route}`);
        expect(answer.status, route).to.equal(status);
        expect(answer.body.error, route).to.match(message);
        expect(answer.body.retryable, route).to.equal(false);
      }
      // An address the graph never saw: empty lists, not a 404.
      const nobody = "0x000000000000000000000000000000000000dEaD";
      expect(await get(`/accounts/${nobody}/credentials`)).to.deep.equal({ address: nobody, received: [], issued: [] });
      const reputation = await get<{ score: number; sovereigns: unknown[] }>(`/accounts/${nobody}/reputation`);
      expect([reputation.score, reputation.sovereigns]).to.deep.equal([0, []]);
    });
  });

  /** The honour answer must be checkCredential's (by name) and isCredentialValid's, at the answer's block. */
  async function expectHonourMatchesChain(body: ApiHonour, label: string): Promise<void> {
    const { registry } = views();
    const args = [BigInt(body.sovereignId), body.account, body.schema, body.uid, BigInt(body.trustedBy)] as const;
    const blockNumber = BigInt(body.blockNumber);
    const [status, valid] = await Promise.all([
      registry.read.checkCredential(args, { blockNumber }),
      registry.read.isCredentialValid(args, { blockNumber }),
    ]);
    expect(body.status, `${label}: checkCredential`).to.equal(CREDENTIAL_STATUSES[status]);
    expect(body.honoured, `${label}: isCredentialValid`).to.equal(valid);
    expect(body.schema).to.equal(under().chain.book.schemas.skillCredential);
  }
}

/** Every ContributionRecorded, with its outcome's mission, kind and token, as the API shapes it. */
async function expectedContributions(chain: World): Promise<ApiContribution[]> {
  const fromBlock = BigInt(chain.book.contracts.ledger.blockNumber);
  const address = chain.book.contracts.ledger.address;
  const [outcomes, contributions] = await Promise.all([
    chain.publicClient.getContractEvents({
      address,
      abi: contributionLedgerAbi,
      eventName: "OutcomeRecorded",
      fromBlock,
      strict: true,
    }),
    chain.publicClient.getContractEvents({
      address,
      abi: contributionLedgerAbi,
      eventName: "ContributionRecorded",
      fromBlock,
      strict: true,
    }),
  ]);
  return contributions.map((log) => {
    const outcome = outcomes.find((o) => o.args.outcomeId === log.args.outcomeId)!.args;
    const kindText = Buffer.from(outcome.kind.slice(2), "hex").toString("utf8").replace(/\0+$/, "");
    return {
      outcomeId: log.args.outcomeId.toString(),
      account: getAddress(log.args.account),
      sovereignId: log.args.sovereignId.toString(),
      missionId: outcome.missionId === 0n ? null : outcome.missionId.toString(),
      kind: outcome.kind,
      kindName: kindText,
      token: getAddress(outcome.token),
      amount: log.args.amount.toString(),
      points: log.args.points.toString(),
      weight: log.args.weight,
      reputation: log.args.reputation.toString(),
      timestamp: log.args.timestamp.toString(),
      blockNumber: log.blockNumber.toString(),
      transactionHash: log.transactionHash,
      logIndex: log.logIndex,
    };
  });
}
