/**
 * The main job's Sovereign Graph steps: steps 1, 2 and 6 of the coordination loop (docs/ARCHITECTURE.md).
 *
 * 1. Two sovereigns register (metadata validated against the SDK's JSON Schema, stored as a
 *    `data:` URI so anyone can re-hash it), recognize each other, and name trusted issuers.
 * 2. Each sovereign's issuer attests a citizen's skill (EAS); north honours south's credential
 *    through the recognition.
 * 6. An AI agent member of north records an execution for north's mission (EAS), north's verifier
 *    approves it, and the verified execution becomes a contribution with reputation.
 */
import { keccak256, toHex } from "viem";

import {
  canonicalJson,
  missionMetadataHash,
  sovereignMetadataHash,
  type MissionMetadata,
  type SovereignMetadata,
} from "../../sdk/src/index.ts";
import { chapter, short, type ScenarioStep } from "./step.ts";

/** A metadata document as a `data:` URI: self-contained, so its hash can be checked by anyone. */
export const dataUri = (document: object): string =>
  `data:application/json;base64,${Buffer.from(canonicalJson(document)).toString("base64")}`;

const SOVEREIGNS: Record<"north" | "south", SovereignMetadata> = {
  north: {
    name: "North Commons",
    description: "A network state of river-delta towns sharing water data and maintenance crews.",
    kind: "network-state",
    governance: { model: "token-voting", description: "ATLAS holders vote through the Atlas governor." },
  },
  south: {
    name: "South Cooperative",
    description: "A surveying co-operative that trains and certifies field hydrologists.",
    kind: "cooperative",
    governance: { model: "one-member-one-vote" },
  },
};

const MISSION: MissionMetadata = {
  title: "Map the river delta",
  description: "Survey the delta's channels and publish a flood-risk map the towns can maintain.",
};

const step = chapter("Sovereign Graph scenario (coordination loop steps 1, 2 and 6)");

export const GRAPH_STEPS: readonly ScenarioStep[] = [
  ...(["north", "south"] as const).map((handle) =>
    step(`register: ${handle}`, "graph", async (ctx) => {
      const admin = handle === "north" ? ctx.accounts.northAdmin : ctx.accounts.southAdmin;
      const document = SOVEREIGNS[handle];
      const { sovereignId, hash } = await ctx.as(admin).graph.registerSovereign({
        handle,
        metadataURI: dataUri(document),
        // Validates the document against the SDK's JSON Schema, then hashes it.
        metadataHash: sovereignMetadataHash(document),
      });
      ctx.ids[handle] = sovereignId;
      return { detail: `sovereign ${sovereignId} "${document.name}"`, tx: hash };
    }),
  ),
  step("recognize: north → south", "graph", async (ctx) => {
    const proposed = await ctx
      .as(ctx.accounts.northAdmin)
      .graph.recognize({ sovereignId: ctx.need("north"), otherId: ctx.need("south") });
    return { detail: "proposed", tx: proposed.hash };
  }),
  step("recognize: south → north", "graph", async (ctx) => {
    const accepted = await ctx
      .as(ctx.accounts.southAdmin)
      .graph.recognize({ sovereignId: ctx.need("south"), otherId: ctx.need("north") });
    return { detail: accepted.mutual ? "accepted: mutual recognition" : "proposed", tx: accepted.hash };
  }),
  ...(["north", "south"] as const).map((handle) =>
    step(`trustIssuer: ${handle}`, "graph", async (ctx) => {
      const { northAdmin, southAdmin, northIssuer, southIssuer } = ctx.accounts;
      const [admin, issuer] = handle === "north" ? [northAdmin, northIssuer] : [southAdmin, southIssuer];
      const trusted = await ctx
        .as(admin)
        .graph.trustIssuer({ sovereignId: ctx.need(handle), schema: "skillCredential", issuer });
      return { detail: `skill credentials by ${short(issuer)}`, tx: trusted.hash };
    }),
  ),
  // North's citizens: the citizen, a verifier, and an agent's operator.
  ...(["citizen", "verifier", "operator"] as const).map((name) =>
    step(`join north: ${name}`, "graph", async (ctx) => {
      const account = ctx.accounts[name];
      await ctx.as(ctx.accounts.northAdmin).graph.invite({ sovereignId: ctx.need("north"), account });
      const joined = await ctx.as(account).graph.acceptInvitation({ sovereignId: ctx.need("north") });
      return { detail: "invited, accepted", tx: joined.hash };
    }),
  ),
  step("grantRole: verifier", "graph", async (ctx) => {
    const { northAdmin, verifier } = ctx.accounts;
    const granted = await ctx
      .as(northAdmin)
      .graph.grantRole({ sovereignId: ctx.need("north"), account: verifier, role: "verifier" });
    return { detail: `${short(verifier)} verifies for north`, tx: granted.hash };
  }),
  step("registerAgent", "graph", async (ctx) => {
    const { northAdmin, agent, operator } = ctx.accounts;
    const registered = await ctx
      .as(northAdmin)
      .graph.registerAgent({ sovereignId: ctx.need("north"), agent, operator });
    return { detail: `AI agent ${short(agent)}, operated by ${short(operator)}`, tx: registered.hash };
  }),
  step("attest skill: south", "graph", async (ctx) => {
    const { citizen } = ctx.accounts;
    const foreign = await ctx.as(ctx.accounts.southIssuer).graph.attestSkillCredential({
      recipient: citizen,
      skill: "field hydrology",
      level: 4,
      evidenceURI: "ipfs://atlas-demo/south/hydrology-exam",
    });
    ctx.ids.foreignCredential = foreign.uid;
    return { detail: `field hydrology, level 4 → ${short(citizen)}`, tx: foreign.hash };
  }),
  step("attest skill: north", "graph", async (ctx) => {
    const { citizen } = ctx.accounts;
    const own = await ctx.as(ctx.accounts.northIssuer).graph.attestSkillCredential({
      recipient: citizen,
      skill: "delta mapping",
      level: 3,
      evidenceURI: "ipfs://atlas-demo/north/mapping-portfolio",
    });
    ctx.ids.ownCredential = own.uid;
    return { detail: `delta mapping, level 3 → ${short(citizen)}`, tx: own.hash };
  }),
  step("credential across sovereigns", "graph", async (ctx) => {
    const honoured = await ctx.as(ctx.accounts.northAdmin).graph.verifyCredential({
      sovereignId: ctx.need("north"),
      uid: ctx.need("foreignCredential"),
      account: ctx.accounts.citizen,
      schema: "skillCredential",
      trustedBy: ctx.need("south"),
    });
    if (!honoured.valid) throw new Error(`north does not honour south's credential: ${honoured.status}`);
    return { detail: `north honours south's credential (${honoured.status})` };
  }),
  step("mission", "graph", async (ctx) => {
    const north = ctx.as(ctx.accounts.northAdmin).graph;
    const { missionId } = await north.createMission({
      sovereignId: ctx.need("north"),
      metadataURI: dataUri(MISSION),
      metadataHash: missionMetadataHash(MISSION),
    });
    ctx.ids.mission = missionId;
    await north.transitionMission({ missionId, to: "open" });
    const started = await north.transitionMission({ missionId, to: "inProgress" });
    return { detail: `${missionId} "${MISSION.title}": draft → open → in progress`, tx: started.hash };
  }),
  step("execution record: agent", "graph", async (ctx) => {
    const execution = await ctx.as(ctx.accounts.agent).graph.attestExecutionRecord({
      sovereignId: ctx.need("north"),
      missionId: ctx.need("mission"),
      taskRef: keccak256(toHex("delta-survey/segment-7")),
      inputHash: keccak256(toHex("lidar tiles 7a-7f")),
      outputHash: keccak256(toHex("channel map segment 7")),
      evidenceURI: "ipfs://atlas-demo/agent/segment-7-run",
      modelHash: keccak256(toHex("survey-agent model v3")),
    });
    ctx.ids.executionUID = execution.uid;
    return { detail: `segment 7 surveyed (EAS ${short(execution.uid)})`, tx: execution.hash };
  }),
  step("verification: verifier", "graph", async (ctx) => {
    const verification = await ctx.as(ctx.accounts.verifier).graph.attestExecutionVerification({
      executionUID: ctx.need("executionUID"),
      approved: true,
      points: 40n,
      comment: "Checked against the ground survey: within 0.5 m.",
    });
    ctx.ids.verificationUID = verification.uid;
    return { detail: `approved, 40 points (EAS ${short(verification.uid)})`, tx: verification.hash };
  }),
  step("contribution recorded", "graph", async (ctx) => {
    const recorded = await ctx.as(ctx.accounts.operator).graph.recordVerifiedExecution({
      executionUID: ctx.need("executionUID"),
      verificationUID: ctx.need("verificationUID"),
    });
    ctx.ids.outcomeId = recorded.outcomeId;
    ctx.ids.agentReputation = recorded.reputation;
    return {
      detail: `outcome ${recorded.outcomeId}: agent reputation in north ${recorded.reputation}`,
      tx: recorded.hash,
    };
  }),
];
