/**
 * The main job's Sovereign Graph scenario, driven only through @atlas-os/sdk over JSON-RPC: steps
 * 1, 2 and 6 of the coordination loop (DESIGN.md).
 *
 * 1. Two sovereigns register (metadata validated against the SDK's JSON Schema, stored as a
 *    `data:` URI so anyone can re-hash it), recognize each other, and name trusted issuers.
 * 2. Each sovereign's issuer attests a citizen's skill (EAS); north honours south's credential
 *    through the recognition.
 * 6. An AI agent member of north records an execution for north's mission (EAS), north's verifier
 *    approves it, and the verified execution becomes a contribution with reputation.
 */
import {
  createPublicClient,
  createWalletClient,
  http,
  keccak256,
  toHex,
  type Address,
  type Hash,
  type Hex,
} from "viem";
import { hardhat } from "viem/chains";

import {
  addressesOf,
  canonicalJson,
  allLayers,
  createAtlasClient,
  missionMetadataHash,
  sovereignMetadataHash,
  type AddressBook,
  type AtlasClient,
  type MissionMetadata,
  type SovereignMetadata,
} from "../../sdk/src/index.ts";

/** What the scenario left on chain, for the summary and for the tests that compare the API with it. */
export interface GraphScenarioSummary {
  readonly north: bigint;
  readonly south: bigint;
  readonly missionId: bigint;
  readonly citizen: Address;
  readonly agent: Address;
  /** South's issuer's credential of the citizen, honoured by north through the recognition. */
  readonly foreignCredential: Hex;
  /** North's own issuer's credential of the citizen. */
  readonly ownCredential: Hex;
  readonly executionUID: Hex;
  readonly verificationUID: Hex;
  readonly outcomeId: bigint;
  readonly agentReputation: bigint;
  readonly steps: readonly { step: string; detail: string; tx?: Hash }[];
}

/** A metadata document as a `data:` URI: self-contained, so its hash can be checked by anyone. */
const dataUri = (document: object): string =>
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

export async function runGraphScenario(
  url: string,
  book: AddressBook,
  log: (line: string) => void,
): Promise<GraphScenarioSummary> {
  const publicClient = createPublicClient({ chain: hardhat, transport: http(url) });
  const accounts = await createWalletClient({ chain: hardhat, transport: http(url) }).getAddresses();
  // Accounts 0–6 belong to the governance scenario; the graph uses the next ones.
  const [northAdmin, southAdmin, northIssuer, southIssuer, citizen, verifier, operator, agent] = accounts.slice(7, 15);
  const clientFor = (account: Address): AtlasClient =>
    createAtlasClient({
      publicClient,
      walletClient: createWalletClient({ chain: hardhat, transport: http(url), account }),
      addresses: addressesOf(book),
      layers: allLayers,
    });
  const as = {
    northAdmin: clientFor(northAdmin),
    southAdmin: clientFor(southAdmin),
    northIssuer: clientFor(northIssuer),
    southIssuer: clientFor(southIssuer),
    citizen: clientFor(citizen),
    verifier: clientFor(verifier),
    operator: clientFor(operator),
    agent: clientFor(agent),
  };
  const steps: { step: string; detail: string; tx?: Hash }[] = [];
  const done = (step: string, detail: string, tx?: Hash) => {
    steps.push({ step, detail, ...(tx ? { tx } : {}) });
    log(`  ✓ ${step.padEnd(26)} ${detail}${tx ? `  (${tx.slice(0, 10)}…)` : ""}`);
  };
  const short = (value: string) => `${value.slice(0, 10)}…`;

  log("Sovereign Graph scenario (coordination loop steps 1, 2 and 6)");
  const registered: Record<"north" | "south", bigint> = { north: 0n, south: 0n };
  for (const [handle, admin] of [
    ["north", as.northAdmin],
    ["south", as.southAdmin],
  ] as const) {
    const document = SOVEREIGNS[handle];
    const { sovereignId, hash } = await admin.graph.registerSovereign({
      handle,
      metadataURI: dataUri(document),
      // Validates the document against the SDK's JSON Schema, then hashes it.
      metadataHash: sovereignMetadataHash(document),
    });
    registered[handle] = sovereignId;
    done(`register: ${handle}`, `sovereign ${sovereignId} "${document.name}"`, hash);
  }
  const { north, south } = registered;

  const proposed = await as.northAdmin.graph.recognize({ sovereignId: north, otherId: south });
  done("recognize: north → south", "proposed", proposed.hash);
  const accepted = await as.southAdmin.graph.recognize({ sovereignId: south, otherId: north });
  done("recognize: south → north", accepted.mutual ? "accepted: mutual recognition" : "proposed", accepted.hash);

  const northTrust = await as.northAdmin.graph.trustIssuer({
    sovereignId: north,
    schema: "skillCredential",
    issuer: northIssuer,
  });
  done("trustIssuer: north", `skill credentials by ${short(northIssuer)}`, northTrust.hash);
  const southTrust = await as.southAdmin.graph.trustIssuer({
    sovereignId: south,
    schema: "skillCredential",
    issuer: southIssuer,
  });
  done("trustIssuer: south", `skill credentials by ${short(southIssuer)}`, southTrust.hash);

  // North's citizens: the citizen, a verifier, and an agent with its operator.
  for (const [name, account, client] of [
    ["citizen", citizen, as.citizen],
    ["verifier", verifier, as.verifier],
    ["operator", operator, as.operator],
  ] as const) {
    await as.northAdmin.graph.invite({ sovereignId: north, account });
    const joined = await client.graph.acceptInvitation({ sovereignId: north });
    done(`join north: ${name}`, "invited, accepted", joined.hash);
  }
  const verifierRole = await as.northAdmin.graph.grantRole({ sovereignId: north, account: verifier, role: "verifier" });
  done("grantRole: verifier", `${short(verifier)} verifies for north`, verifierRole.hash);
  const agentRegistered = await as.northAdmin.graph.registerAgent({ sovereignId: north, agent, operator });
  done("registerAgent", `AI agent ${short(agent)}, operated by ${short(operator)}`, agentRegistered.hash);

  const foreign = await as.southIssuer.graph.attestSkillCredential({
    recipient: citizen,
    skill: "field hydrology",
    level: 4,
    evidenceURI: "ipfs://atlas-demo/south/hydrology-exam",
  });
  done("attest skill: south", `field hydrology, level 4 → ${short(citizen)}`, foreign.hash);
  const own = await as.northIssuer.graph.attestSkillCredential({
    recipient: citizen,
    skill: "delta mapping",
    level: 3,
    evidenceURI: "ipfs://atlas-demo/north/mapping-portfolio",
  });
  done("attest skill: north", `delta mapping, level 3 → ${short(citizen)}`, own.hash);
  const honoured = await as.northAdmin.graph.verifyCredential({
    sovereignId: north,
    uid: foreign.uid,
    account: citizen,
    schema: "skillCredential",
    trustedBy: south,
  });
  if (!honoured.valid) throw new Error(`north does not honour south's credential: ${honoured.status}`);
  done("credential across sovereigns", `north honours south's credential (${honoured.status})`);

  const missionDocument: MissionMetadata = {
    title: "Map the river delta",
    description: "Survey the delta's channels and publish a flood-risk map the towns can maintain.",
  };
  const mission = await as.northAdmin.graph.createMission({
    sovereignId: north,
    metadataURI: dataUri(missionDocument),
    metadataHash: missionMetadataHash(missionDocument),
  });
  await as.northAdmin.graph.transitionMission({ missionId: mission.missionId, to: "open" });
  const started = await as.northAdmin.graph.transitionMission({ missionId: mission.missionId, to: "inProgress" });
  done("mission", `${mission.missionId} "${missionDocument.title}": draft → open → in progress`, started.hash);

  const execution = await as.agent.graph.attestExecutionRecord({
    sovereignId: north,
    missionId: mission.missionId,
    taskRef: keccak256(toHex("delta-survey/segment-7")),
    inputHash: keccak256(toHex("lidar tiles 7a-7f")),
    outputHash: keccak256(toHex("channel map segment 7")),
    evidenceURI: "ipfs://atlas-demo/agent/segment-7-run",
    modelHash: keccak256(toHex("survey-agent model v3")),
  });
  done("execution record: agent", `segment 7 surveyed (EAS ${short(execution.uid)})`, execution.hash);
  const verification = await as.verifier.graph.attestExecutionVerification({
    executionUID: execution.uid,
    approved: true,
    points: 40n,
    comment: "Checked against the ground survey: within 0.5 m.",
  });
  done("verification: verifier", `approved, 40 points (EAS ${short(verification.uid)})`, verification.hash);
  const recorded = await as.operator.graph.recordVerifiedExecution({
    executionUID: execution.uid,
    verificationUID: verification.uid,
  });
  done(
    "contribution recorded",
    `outcome ${recorded.outcomeId}: agent reputation in north ${recorded.reputation}`,
    recorded.hash,
  );

  return {
    north,
    south,
    missionId: mission.missionId,
    citizen,
    agent,
    foreignCredential: foreign.uid,
    ownCredential: own.uid,
    executionUID: execution.uid,
    verificationUID: verification.uid,
    outcomeId: recorded.outcomeId,
    agentReputation: recorded.reputation,
    steps,
  };
}
