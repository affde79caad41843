/**
 * The Sovereign Graph scenario the indexer tests index, driven with viem against the deployed
 * registry, ledger and EAS: four sovereigns, recognitions, trusted issuers, memberships and roles,
 * an agent, organizations, missions, skill credentials and verified execution records.
 */
import { ATLAS_SCHEMAS, schemaUid, type AtlasSchemaName } from "@atlas-os/sdk";
import { contributionLedgerAbi, easAbi, sovereignRegistryAbi } from "@atlas-os/sdk/abi";
import { expect } from "chai";
import {
  createWalletClient,
  encodeAbiParameters,
  http,
  getContract,
  keccak256,
  parseAbi,
  parseAbiParameters,
  parseEther,
  parseEventLogs,
  toHex,
  zeroAddress,
  zeroHash,
  type Account,
  type Address,
  type Hex,
  type TransactionReceipt,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { hardhat } from "viem/chains";

import type { DeployedChain } from "./chain.ts";

/** ISovereignRegistry.Role. */
export const Role = { Member: 0, Contributor: 1, Issuer: 2, Verifier: 3, Arbiter: 4, Operator: 5, Agent: 6 } as const;
/** ISovereignRegistry.MissionStatus. */
export const MissionStatus = { None: 0, Draft: 1, Open: 2, InProgress: 3, Completed: 4, Cancelled: 5 } as const;

const schemaRegistryAbi = parseAbi([
  "function register(string schema, address resolver, bool revocable) returns (bytes32)",
]);

/** What the scenario leaves behind, by name. */
export interface GraphScenario {
  /** Every account the scenario touches, by name (dev accounts, the agent, frank). */
  readonly accounts: Readonly<Record<string, Address>>;
  readonly sovereigns: {
    readonly atlantis: bigint;
    readonly lemuria: bigint;
    readonly avalon: bigint;
    readonly thule: bigint;
  };
  readonly schemas: Readonly<Record<AtlasSchemaName, Hex>>;
  readonly credentials: {
    /** carol → dave, "solidity" 4, no expiry. */
    readonly solidity: Hex;
    /** eve → the agent, expired by the end of the scenario. */
    readonly expiring: Hex;
    /** carol → eve, "rust" 3: the live test revokes it. */
    readonly rust: Hex;
    /** carol → dave, data that does not decode as the skill schema. */
    readonly garbled: Hex;
  };
  /** carol → dave under a schema that is not an Atlas schema: not indexed. */
  readonly foreignAttestation: Hex;
  readonly executions: {
    /** By the agent, verified by eve (40 points), recorded. */
    readonly byAgent: Hex;
    /** By dave, verified by eve (25 points), recorded a day later. */
    readonly byDave: Hex;
    /** By dave, never verified. */
    readonly unverified: Hex;
  };
}

const metadata = (name: string) => ({ uri: `ipfs://atlas/${name}`, hash: keccak256(toHex(name)) });

/**
 * Runs the scenario. Sovereign ids are 1–4 in registration order (a fresh registry). Time moves
 * forward by a day between the two recorded executions, past the expiring credential's expiry.
 */
export async function runGraphScenario(chain: DeployedChain): Promise<GraphScenario> {
  const { deployer, guardian, alice, bob, carol, dave, eve } = chain.accounts;
  const { publicClient, book } = chain;
  const agent = privateKeyToAccount(keccak256(toHex("atlas-os indexer test agent")));
  const frank = privateKeyToAccount(keccak256(toHex("atlas-os indexer test frank")));
  const schemas = book.schemas as Record<AtlasSchemaName, Hex>;

  const mined = async (hash: Promise<Hex>): Promise<TransactionReceipt> => {
    const receipt = await publicClient.waitForTransactionReceipt({ hash: await hash });
    expect(receipt.status, `transaction ${receipt.transactionHash}`).to.equal("success");
    return receipt;
  };
  const transport = http(chain.url, { retryCount: 0 });
  const client = (account: Address | Account) => ({
    public: publicClient,
    wallet: createWalletClient({ account, chain: hardhat, transport }),
  });
  const registry = (account: Address | Account) =>
    getContract({ address: book.contracts.registry.address, abi: sovereignRegistryAbi, client: client(account) });
  const ledger = (account: Address | Account) =>
    getContract({ address: book.contracts.ledger.address, abi: contributionLedgerAbi, client: client(account) });
  const eas = (account: Address | Account) =>
    getContract({ address: book.contracts.eas.address, abi: easAbi, client: client(account) });

  const attest = async (
    attester: Address | Account,
    schema: Hex,
    recipient: Address,
    data: Hex,
    options: { expirationTime?: bigint; refUID?: Hex } = {},
  ): Promise<Hex> => {
    const receipt = await mined(
      eas(attester).write.attest([
        {
          schema,
          data: {
            recipient,
            expirationTime: options.expirationTime ?? 0n,
            revocable: true,
            refUID: options.refUID ?? zeroHash,
            data,
            value: 0n,
          },
        },
      ]),
    );
    const [attested] = parseEventLogs({ abi: easAbi, eventName: "Attested", logs: receipt.logs });
    return attested.args.uid;
  };
  const skill = (name: string, level: number, evidenceURI: string) =>
    encodeAbiParameters(parseAbiParameters(ATLAS_SCHEMAS.skillCredential), [name, level, evidenceURI]);
  // Execution records and verifications name the ledger that may record them: this chain's.
  const ledgerOf = [BigInt(hardhat.id), book.contracts.ledger.address] as const;
  const executionData = (actor: Address, missionId: bigint, task: string, modelHash: Hex) =>
    encodeAbiParameters(parseAbiParameters(ATLAS_SCHEMAS.executionRecord), [
      ...ledgerOf,
      actor,
      1n,
      missionId,
      keccak256(toHex(`task ${task}`)),
      keccak256(toHex(`input ${task}`)),
      keccak256(toHex(`output ${task}`)),
      `ipfs://atlas/runs/${task}`,
      modelHash,
    ]);
  const verification = (points: bigint, comment: string) =>
    encodeAbiParameters(parseAbiParameters(ATLAS_SCHEMAS.executionVerification), [...ledgerOf, true, points, comment]);

  // The two local accounts need gas.
  const deployerWallet = chain.as(deployer).walletClient!;
  for (const local of [agent, frank]) {
    await mined(
      deployerWallet.sendTransaction({ account: deployer, chain: null, to: local.address, value: parseEther("1") }),
    );
  }

  // Sovereigns 1–4.
  const register = async (admin: Address, handle: string) => {
    const { uri, hash } = metadata(handle);
    await mined(registry(admin).write.register([handle, uri, hash]));
  };
  await register(alice, "atlantis");
  await register(bob, "lemuria");
  await register(guardian, "avalon");
  await register(deployer, "thule");
  const [atlantis, lemuria, avalon, thule] = [1n, 2n, 3n, 4n];
  const updated = metadata("atlantis-v2");
  await mined(registry(alice).write.updateSovereignMetadata([atlantis, updated.uri, updated.hash]));

  // Recognition: atlantis ⇄ lemuria and atlantis ⇄ thule mutual; avalon → atlantis one-sided;
  // avalon → lemuria proposed, then revoked by lemuria.
  await mined(registry(alice).write.recognize([atlantis, lemuria]));
  await mined(registry(bob).write.recognize([lemuria, atlantis]));
  await mined(registry(alice).write.recognize([atlantis, thule]));
  await mined(registry(deployer).write.recognize([thule, atlantis]));
  await mined(registry(guardian).write.recognize([avalon, atlantis]));
  await mined(registry(guardian).write.recognize([avalon, lemuria]));
  await mined(registry(bob).write.revokeRecognition([lemuria, avalon]));

  // Trusted issuers of skill credentials: carol by lemuria, avalon and thule; eve by atlantis; dave
  // trusted by atlantis, then untrusted.
  await mined(registry(bob).write.trustIssuer([lemuria, schemas.skillCredential, carol]));
  await mined(registry(guardian).write.trustIssuer([avalon, schemas.skillCredential, carol]));
  await mined(registry(deployer).write.trustIssuer([thule, schemas.skillCredential, carol]));
  await mined(registry(alice).write.trustIssuer([atlantis, schemas.skillCredential, eve]));
  await mined(registry(alice).write.trustIssuer([atlantis, schemas.skillCredential, dave]));
  await mined(registry(alice).write.untrustIssuer([atlantis, schemas.skillCredential, dave]));

  // Governance suspends thule: the timelock, impersonated.
  const timelock = book.contracts.timelock.address;
  await chain.testClient.impersonateAccount({ address: timelock });
  await chain.testClient.setBalance({ address: timelock, value: parseEther("1") });
  await mined(registry(timelock).write.suspendSovereign([thule]));
  await chain.testClient.stopImpersonatingAccount({ address: timelock });

  // Atlantis' people: dave invited, eve applied and approved, carol's application and bob's
  // invitation pending, guardian's invitation cancelled, frank admitted then removed, the
  // deployer admitted then gone.
  await mined(registry(alice).write.invite([atlantis, dave]));
  await mined(registry(dave).write.acceptInvitation([atlantis]));
  await mined(registry(eve).write.applyForMembership([atlantis]));
  await mined(registry(alice).write.approveApplication([atlantis, eve]));
  await mined(registry(carol).write.applyForMembership([atlantis]));
  await mined(registry(alice).write.invite([atlantis, bob]));
  await mined(registry(alice).write.invite([atlantis, guardian]));
  await mined(registry(alice).write.cancelInvitation([atlantis, guardian]));
  await mined(registry(guardian).write.applyForMembership([atlantis]));
  await mined(registry(alice).write.rejectApplication([atlantis, guardian]));
  await mined(registry(alice).write.invite([atlantis, frank.address]));
  await mined(registry(frank).write.acceptInvitation([atlantis]));
  await mined(registry(alice).write.invite([atlantis, deployer]));
  await mined(registry(deployer).write.acceptInvitation([atlantis]));
  await mined(registry(deployer).write.leave([atlantis]));

  // Admins: bob accepts adminship of atlantis (without being a member); carol has a pending hand-over offer.
  await mined(registry(alice).write.offerAdmin([atlantis, bob, false]));
  await mined(registry(bob).write.acceptAdmin([atlantis]));
  await mined(registry(alice).write.offerAdmin([atlantis, carol, true]));

  // Roles, and the agent operated by dave.
  await mined(registry(alice).write.grantRole([atlantis, dave, Role.Contributor]));
  await mined(registry(alice).write.grantRole([atlantis, dave, Role.Operator]));
  await mined(registry(alice).write.grantRole([atlantis, eve, Role.Verifier]));
  await mined(registry(alice).write.grantRole([atlantis, eve, Role.Issuer]));
  await mined(registry(alice).write.revokeRole([atlantis, eve, Role.Issuer]));
  await mined(registry(alice).write.grantRole([atlantis, frank.address, Role.Arbiter]));
  await mined(registry(alice).write.registerAgent([atlantis, agent.address, dave]));

  // Organizations: atlantis' guild (dave its admin; eve admin for a while; the agent left; frank
  // added, then removed from atlantis), and one in lemuria.
  const guild = metadata("guild");
  await mined(registry(alice).write.createOrganization([atlantis, dave, guild.uri, guild.hash]));
  await mined(registry(dave).write.addOrganizationMember([1n, eve]));
  await mined(registry(dave).write.addOrganizationMember([1n, agent.address]));
  await mined(registry(dave).write.addOrganizationMember([1n, frank.address]));
  await mined(registry(alice).write.setOrganizationAdmin([1n, eve, true]));
  await mined(registry(alice).write.setOrganizationAdmin([1n, eve, false]));
  await mined(registry(agent).write.removeOrganizationMember([1n, agent.address]));
  await mined(registry(alice).write.removeMember([atlantis, frank.address]));
  const council = metadata("council");
  await mined(registry(bob).write.createOrganization([lemuria, bob, council.uri, council.hash]));

  // Missions: 1 in the guild (Open, then InProgress, metadata updated), 2 cancelled, 3 a draft in lemuria.
  const survey = metadata("survey");
  await mined(registry(dave).write.createMission([atlantis, 1n, survey.uri, survey.hash]));
  await mined(registry(dave).write.transitionMission([1n, MissionStatus.Open]));
  await mined(registry(dave).write.transitionMission([1n, MissionStatus.InProgress]));
  const surveyV2 = metadata("survey-v2");
  await mined(registry(alice).write.updateMissionMetadata([1n, surveyV2.uri, surveyV2.hash]));
  const bridge = metadata("bridge");
  await mined(registry(alice).write.createMission([atlantis, 0n, bridge.uri, bridge.hash]));
  await mined(registry(alice).write.transitionMission([2n, MissionStatus.Cancelled]));
  const harbour = metadata("harbour");
  await mined(registry(bob).write.createMission([lemuria, 0n, harbour.uri, harbour.hash]));

  // Skill credentials, and one attestation under a schema that is not Atlas'.
  const now = (await publicClient.getBlock()).timestamp;
  const solidity = await attest(carol, schemas.skillCredential, dave, skill("solidity", 4, "ipfs://atlas/evidence/1"));
  const expiring = await attest(eve, schemas.skillCredential, agent.address, skill("data-labeling", 2, ""), {
    expirationTime: now + 600n,
  });
  const rust = await attest(carol, schemas.skillCredential, eve, skill("rust", 3, "ipfs://atlas/evidence/3"));
  const garbled = await attest(carol, schemas.skillCredential, dave, "0x1234");
  const foreignSchema = "string nickname";
  const schemaRegistry = getContract({
    address: book.contracts.schemaRegistry.address,
    abi: schemaRegistryAbi,
    client: client(carol),
  });
  await mined(schemaRegistry.write.register([foreignSchema, zeroAddress, true]));
  const foreignAttestation = await attest(
    carol,
    schemaUid(foreignSchema),
    dave,
    encodeAbiParameters(parseAbiParameters(foreignSchema), ["d"]),
  );

  // Executions: the agent's and dave's, verified by eve and recorded a day apart; one never verified.
  const byAgent = await attest(
    agent,
    schemas.executionRecord,
    zeroAddress,
    executionData(agent.address, 1n, "a", keccak256(toHex("model"))),
  );
  const agentVerified = await attest(eve, schemas.executionVerification, agent.address, verification(40n, "checked"), {
    refUID: byAgent,
  });
  await mined(ledger(alice).write.recordVerifiedExecution([byAgent, agentVerified]));
  await chain.increaseTo((await publicClient.getBlock()).timestamp + 86_400n);
  const byDave = await attest(dave, schemas.executionRecord, zeroAddress, executionData(dave, 1n, "b", zeroHash));
  const daveVerified = await attest(eve, schemas.executionVerification, dave, verification(25n, "fine"), {
    refUID: byDave,
  });
  await mined(ledger(carol).write.recordVerifiedExecution([byDave, daveVerified]));
  const unverified = await attest(dave, schemas.executionRecord, zeroAddress, executionData(dave, 0n, "c", zeroHash));

  return {
    accounts: { deployer, guardian, alice, bob, carol, dave, eve, agent: agent.address, frank: frank.address },
    sovereigns: { atlantis, lemuria, avalon, thule },
    schemas,
    credentials: { solidity, expiring, rust, garbled },
    foreignAttestation,
    executions: { byAgent, byDave, unverified },
  };
}
