/**
 * Test-only: the Sovereign Graph's edge cases, in four sovereigns of their own (atlantis, lemuria,
 * avalon, thule): recognitions mutual, one-sided and revoked; issuers trusted and untrusted; a
 * sovereign suspended by governance; memberships invited, applied, rejected, cancelled, removed and
 * left; admins offered and accepted; roles; an agent; organizations; missions open, cancelled and
 * draft; skill credentials (expiring, undecodable, revocable), an attestation under a foreign
 * schema; execution records verified and recorded a day apart, and one never verified.
 */
import {
  encodeAbiParameters,
  keccak256,
  parseAbiParameters,
  parseEther,
  toHex,
  zeroAddress,
  zeroHash,
  type Address,
  type Hex,
} from "viem";
import { hardhat } from "viem/chains";

import { ATLAS_SCHEMAS, schemaUid } from "../../sdk/src/index.ts";
import { sovereignRegistryAbi } from "../../sdk/src/abi/index.ts";
import type { ScenarioContext } from "./context.ts";
import { attest, contracts, eventOf } from "./contracts.ts";
import { chapter, type ScenarioStep } from "./step.ts";

/** ISovereignRegistry.Role. */
export const Role = { Member: 0, Contributor: 1, Issuer: 2, Verifier: 3, Arbiter: 4, Operator: 5, Agent: 6 } as const;
/** ISovereignRegistry.MissionStatus. */
export const MissionStatus = { None: 0, Draft: 1, Open: 2, InProgress: 3, Completed: 4, Cancelled: 5 } as const;

const metadata = (name: string) => ({ uri: `ipfs://atlas/${name}`, hash: keccak256(toHex(name)) });
const skill = (name: string, level: number, evidenceURI: string) =>
  encodeAbiParameters(parseAbiParameters(ATLAS_SCHEMAS.skillCredential), [name, level, evidenceURI]);

/** Execution records and verifications name the ledger that may record them: this chain's. */
const ledgerOf = (ctx: ScenarioContext) => [BigInt(hardhat.id), ctx.book.contracts.ledger.address] as const;
const executionData = (ctx: ScenarioContext, actor: Address, missionId: bigint, task: string, modelHash: Hex) =>
  encodeAbiParameters(parseAbiParameters(ATLAS_SCHEMAS.executionRecord), [
    ...ledgerOf(ctx),
    actor,
    ctx.need("atlantis"),
    missionId,
    keccak256(toHex(`task ${task}`)),
    keccak256(toHex(`input ${task}`)),
    keccak256(toHex(`output ${task}`)),
    `ipfs://atlas/runs/${task}`,
    modelHash,
  ]);
const verification = (ctx: ScenarioContext, points: bigint, comment: string) =>
  encodeAbiParameters(parseAbiParameters(ATLAS_SCHEMAS.executionVerification), [
    ...ledgerOf(ctx),
    true,
    points,
    comment,
  ]);

const step = chapter("Sovereign Graph edge cases (test only)", { testOnly: true });

export const GRAPH_EDGE_STEPS: readonly ScenarioStep[] = [
  step("gas for local accounts", "graph", async (ctx) => {
    const { deployer, edgeAgent, frank } = ctx.accounts;
    for (const local of [edgeAgent, frank]) {
      await ctx.mined(ctx.wallet(deployer).sendTransaction({ to: local.address, value: parseEther("1") }));
    }
    return { detail: "the deployer sends atlantis' agent and frank 1 ETH each" };
  }),
  step("register: four sovereigns", "graph", async (ctx) => {
    const { alice, bob, guardian, deployer } = ctx.accounts;
    const { registry } = contracts(ctx);
    for (const [admin, handle] of [
      [alice, "atlantis"],
      [bob, "lemuria"],
      [guardian, "avalon"],
      [deployer, "thule"],
    ] as const) {
      const { uri, hash } = metadata(handle);
      const receipt = await ctx.mined(registry(admin).write.register([handle, uri, hash]));
      ctx.ids[handle] = eventOf(receipt, sovereignRegistryAbi, "SovereignRegistered").sovereignId;
    }
    const updated = metadata("atlantis-v2");
    await ctx.mined(registry(alice).write.updateSovereignMetadata([ctx.need("atlantis"), updated.uri, updated.hash]));
    return { detail: "atlantis (metadata updated), lemuria, avalon, thule" };
  }),
  // atlantis ⇄ lemuria and atlantis ⇄ thule mutual; avalon → atlantis one-sided; avalon → lemuria
  // proposed, then revoked by lemuria.
  step("recognitions", "graph", async (ctx) => {
    const { alice, bob, guardian, deployer } = ctx.accounts;
    const { registry } = contracts(ctx);
    const [atlantis, lemuria, avalon, thule] = [
      ctx.need("atlantis"),
      ctx.need("lemuria"),
      ctx.need("avalon"),
      ctx.need("thule"),
    ];
    await ctx.mined(registry(alice).write.recognize([atlantis, lemuria]));
    await ctx.mined(registry(bob).write.recognize([lemuria, atlantis]));
    await ctx.mined(registry(alice).write.recognize([atlantis, thule]));
    await ctx.mined(registry(deployer).write.recognize([thule, atlantis]));
    await ctx.mined(registry(guardian).write.recognize([avalon, atlantis]));
    await ctx.mined(registry(guardian).write.recognize([avalon, lemuria]));
    const revoked = await ctx.mined(registry(bob).write.revokeRecognition([lemuria, avalon]));
    return { detail: "two mutual, one one-sided, one revoked", tx: revoked.transactionHash };
  }),
  // Skill credentials: carol trusted by lemuria, avalon and thule; eve by atlantis; dave trusted by
  // atlantis, then untrusted.
  step("trusted issuers", "graph", async (ctx) => {
    const { alice, bob, guardian, deployer, carol, dave, eve } = ctx.accounts;
    const { registry } = contracts(ctx);
    const skillSchema = ctx.book.schemas.skillCredential;
    await ctx.mined(registry(bob).write.trustIssuer([ctx.need("lemuria"), skillSchema, carol]));
    await ctx.mined(registry(guardian).write.trustIssuer([ctx.need("avalon"), skillSchema, carol]));
    await ctx.mined(registry(deployer).write.trustIssuer([ctx.need("thule"), skillSchema, carol]));
    await ctx.mined(registry(alice).write.trustIssuer([ctx.need("atlantis"), skillSchema, eve]));
    await ctx.mined(registry(alice).write.trustIssuer([ctx.need("atlantis"), skillSchema, dave]));
    const untrusted = await ctx.mined(registry(alice).write.untrustIssuer([ctx.need("atlantis"), skillSchema, dave]));
    return {
      detail: "carol by three sovereigns, eve by atlantis, dave trusted then untrusted",
      tx: untrusted.transactionHash,
    };
  }),
  step("suspend: thule", "graph", async (ctx) => {
    const timelock = ctx.book.contracts.timelock.address;
    const receipt = await ctx.impersonating(timelock, () =>
      ctx.mined(
        contracts(ctx)
          .registry(timelock)
          .write.suspendSovereign([ctx.need("thule")]),
      ),
    );
    return { detail: "governance (the timelock) suspends thule", tx: receipt.transactionHash };
  }),
  // Atlantis' people: dave invited, eve applied and approved, carol's application and bob's
  // invitation pending, the guardian's invitation cancelled and application rejected, frank
  // admitted (removed later), the deployer admitted then gone.
  step("atlantis' people", "graph", async (ctx) => {
    const { alice, bob, carol, dave, eve, guardian, deployer, frank } = ctx.accounts;
    const { registry } = contracts(ctx);
    const atlantis = ctx.need("atlantis");
    await ctx.mined(registry(alice).write.invite([atlantis, dave]));
    await ctx.mined(registry(dave).write.acceptInvitation([atlantis]));
    await ctx.mined(registry(eve).write.applyForMembership([atlantis]));
    await ctx.mined(registry(alice).write.approveApplication([atlantis, eve]));
    await ctx.mined(registry(carol).write.applyForMembership([atlantis]));
    await ctx.mined(registry(alice).write.invite([atlantis, bob]));
    await ctx.mined(registry(alice).write.invite([atlantis, guardian]));
    await ctx.mined(registry(alice).write.cancelInvitation([atlantis, guardian]));
    await ctx.mined(registry(guardian).write.applyForMembership([atlantis]));
    await ctx.mined(registry(alice).write.rejectApplication([atlantis, guardian]));
    await ctx.mined(registry(alice).write.invite([atlantis, frank.address]));
    await ctx.mined(registry(frank).write.acceptInvitation([atlantis]));
    await ctx.mined(registry(alice).write.invite([atlantis, deployer]));
    await ctx.mined(registry(deployer).write.acceptInvitation([atlantis]));
    const left = await ctx.mined(registry(deployer).write.leave([atlantis]));
    return { detail: "invitations, applications, a rejection, a cancellation, a departure", tx: left.transactionHash };
  }),
  // Admins: bob accepts adminship of atlantis (without being a member); carol has a pending hand-over offer.
  step("atlantis' admins", "graph", async (ctx) => {
    const { alice, bob, carol } = ctx.accounts;
    const { registry } = contracts(ctx);
    const atlantis = ctx.need("atlantis");
    await ctx.mined(registry(alice).write.offerAdmin([atlantis, bob, false]));
    await ctx.mined(registry(bob).write.acceptAdmin([atlantis]));
    const offered = await ctx.mined(registry(alice).write.offerAdmin([atlantis, carol, true]));
    return { detail: "bob accepts, carol's hand-over offer pending", tx: offered.transactionHash };
  }),
  // Roles, and the agent operated by dave.
  step("roles and the agent", "graph", async (ctx) => {
    const { alice, dave, eve, frank, edgeAgent } = ctx.accounts;
    const { registry } = contracts(ctx);
    const atlantis = ctx.need("atlantis");
    await ctx.mined(registry(alice).write.grantRole([atlantis, dave, Role.Contributor]));
    await ctx.mined(registry(alice).write.grantRole([atlantis, dave, Role.Operator]));
    await ctx.mined(registry(alice).write.grantRole([atlantis, eve, Role.Verifier]));
    await ctx.mined(registry(alice).write.grantRole([atlantis, eve, Role.Issuer]));
    await ctx.mined(registry(alice).write.revokeRole([atlantis, eve, Role.Issuer]));
    await ctx.mined(registry(alice).write.grantRole([atlantis, frank.address, Role.Arbiter]));
    const agent = await ctx.mined(registry(alice).write.registerAgent([atlantis, edgeAgent.address, dave]));
    return { detail: "dave contributes and operates the agent, eve verifies", tx: agent.transactionHash };
  }),
  // Organizations: atlantis' guild (dave its admin; eve admin for a while; the agent left; frank
  // added, then removed from atlantis), and one in lemuria.
  step("organizations", "graph", async (ctx) => {
    const { alice, bob, dave, eve, frank, edgeAgent } = ctx.accounts;
    const { registry } = contracts(ctx);
    const guildMetadata = metadata("guild");
    const created = await ctx.mined(
      registry(alice).write.createOrganization([ctx.need("atlantis"), dave, guildMetadata.uri, guildMetadata.hash]),
    );
    const guild = eventOf(created, sovereignRegistryAbi, "OrganizationCreated").organizationId;
    ctx.ids.guild = guild;
    await ctx.mined(registry(dave).write.addOrganizationMember([guild, eve]));
    await ctx.mined(registry(dave).write.addOrganizationMember([guild, edgeAgent.address]));
    await ctx.mined(registry(dave).write.addOrganizationMember([guild, frank.address]));
    await ctx.mined(registry(alice).write.setOrganizationAdmin([guild, eve, true]));
    await ctx.mined(registry(alice).write.setOrganizationAdmin([guild, eve, false]));
    await ctx.mined(registry(edgeAgent).write.removeOrganizationMember([guild, edgeAgent.address]));
    await ctx.mined(registry(alice).write.removeMember([ctx.need("atlantis"), frank.address]));
    const councilMetadata = metadata("council");
    const council = await ctx.mined(
      registry(bob).write.createOrganization([ctx.need("lemuria"), bob, councilMetadata.uri, councilMetadata.hash]),
    );
    ctx.ids.council = eventOf(council, sovereignRegistryAbi, "OrganizationCreated").organizationId;
    return { detail: "atlantis' guild, lemuria's council", tx: council.transactionHash };
  }),
  // Missions: the survey in the guild (open, then in progress, metadata updated), the bridge
  // cancelled, the harbour a draft in lemuria.
  step("missions", "graph", async (ctx) => {
    const { alice, bob, dave } = ctx.accounts;
    const { registry } = contracts(ctx);
    const create = async (admin: Address, sovereignId: bigint, organizationId: bigint, name: string) => {
      const { uri, hash } = metadata(name);
      const receipt = await ctx.mined(registry(admin).write.createMission([sovereignId, organizationId, uri, hash]));
      return eventOf(receipt, sovereignRegistryAbi, "MissionCreated").missionId;
    };
    const survey = await create(dave, ctx.need("atlantis"), ctx.need("guild"), "survey");
    ctx.ids.survey = survey;
    await ctx.mined(registry(dave).write.transitionMission([survey, MissionStatus.Open]));
    await ctx.mined(registry(dave).write.transitionMission([survey, MissionStatus.InProgress]));
    const surveyV2 = metadata("survey-v2");
    await ctx.mined(registry(alice).write.updateMissionMetadata([survey, surveyV2.uri, surveyV2.hash]));
    const bridge = await create(alice, ctx.need("atlantis"), 0n, "bridge");
    ctx.ids.bridge = bridge;
    const cancelled = await ctx.mined(registry(alice).write.transitionMission([bridge, MissionStatus.Cancelled]));
    ctx.ids.harbour = await create(bob, ctx.need("lemuria"), 0n, "harbour");
    return { detail: "survey in progress, bridge cancelled, harbour a draft", tx: cancelled.transactionHash };
  }),
  // Skill credentials, one of them revocable per indexer suite, and one attestation under a
  // schema that is not Atlas'.
  step("credentials", "graph", async (ctx) => {
    const { carol, dave, eve, edgeAgent } = ctx.accounts;
    const schema = ctx.book.schemas.skillCredential;
    const now = await ctx.now();
    const solidity = await attest(ctx, carol, schema, dave, skill("solidity", 4, "ipfs://atlas/evidence/1"));
    const expiring = await attest(ctx, eve, schema, edgeAgent.address, skill("data-labeling", 2, ""), {
      expirationTime: now + 600n,
    });
    const rust = await attest(ctx, carol, schema, eve, skill("rust", 3, "ipfs://atlas/evidence/3"));
    const go = await attest(ctx, carol, schema, eve, skill("go", 2, "ipfs://atlas/evidence/4"));
    const garbled = await attest(ctx, carol, schema, dave, "0x1234");
    ctx.ids.credentials = { solidity, expiring, garbled };
    ctx.ids.revocable = { pglite: rust, postgres: go };
    const foreignSchema = "string nickname";
    await ctx.mined(contracts(ctx).schemaRegistry(carol).write.register([foreignSchema, zeroAddress, true]));
    ctx.ids.foreignAttestation = await attest(
      ctx,
      carol,
      schemaUid(foreignSchema),
      dave,
      encodeAbiParameters(parseAbiParameters(foreignSchema), ["d"]),
    );
    return { detail: "five skill credentials (one expiring, one undecodable), one foreign attestation" };
  }),
  // Executions: the agent's and dave's, verified by eve and recorded a day apart; one never verified.
  step("executions", "graph", async (ctx) => {
    const { alice, carol, dave, eve, edgeAgent } = ctx.accounts;
    const { ledger } = contracts(ctx);
    const survey = ctx.need("survey");
    const schemas = ctx.book.schemas;
    const byAgent = await attest(
      ctx,
      edgeAgent,
      schemas.executionRecord,
      zeroAddress,
      executionData(ctx, edgeAgent.address, survey, "a", keccak256(toHex("model"))),
    );
    const agentVerified = await attest(
      ctx,
      eve,
      schemas.executionVerification,
      edgeAgent.address,
      verification(ctx, 40n, "checked"),
      {
        refUID: byAgent,
      },
    );
    await ctx.mined(ledger(alice).write.recordVerifiedExecution([byAgent, agentVerified]));
    await ctx.travelTo((await ctx.now()) + 86_400n);
    const byDave = await attest(
      ctx,
      dave,
      schemas.executionRecord,
      zeroAddress,
      executionData(ctx, dave, survey, "b", zeroHash),
    );
    const daveVerified = await attest(ctx, eve, schemas.executionVerification, dave, verification(ctx, 25n, "fine"), {
      refUID: byDave,
    });
    const recorded = await ctx.mined(ledger(carol).write.recordVerifiedExecution([byDave, daveVerified]));
    const unverified = await attest(
      ctx,
      dave,
      schemas.executionRecord,
      zeroAddress,
      executionData(ctx, dave, 0n, "c", zeroHash),
    );
    ctx.ids.executions = { byAgent, byDave, unverified };
    return {
      detail: "the agent's (40 points) and dave's (25) recorded a day apart, one unverified",
      tx: recorded.transactionHash,
    };
  }),
];
