/**
 * The capital scenario the indexer tests index, driven with viem against the deployed bounty
 * board, milestone escrow, Arbitration and split factory: three sovereigns (an arbiter drawn from
 * the third), two missions, bounties in ETH and ATLAS (one credential-gated, one awarded, topped up
 * after the award, then expired and reclaimed, one cancelled after a submission), three escrows
 * (one in ATLAS with a protocol fee, endorsed by its funder, a mission manager; one in ETH created
 * unfunded by a manager for another funder; one in ETH funded by an outsider and endorsed by the
 * mission's manager), each accepted by its contributor, whose milestones are approved, attested,
 * released optimistically, reclaimed, streamed, ended early (by the contributor, and by the funder:
 * reclaimed after the review window, or disputed) and disputed (a ruling appealed to a drawn
 * arbiter, one final at once, one cross-appealed by both parties and ruled by governance's fallback
 * arbiters, one ruled and left unfinalized), pauses that end by themselves (the escrow's after a
 * day, the board's after ten), and splits (one distributed in ETH and ATLAS, with a recipient that
 * refuses ETH and takes its share elsewhere, then reconfigured after a last distribution under the
 * old configuration).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";

import { ATLAS_SCHEMAS } from "@atlas-os/sdk";
import {
  arbitrationAbi,
  atlasTokenAbi,
  bountyBoardAbi,
  easAbi,
  milestoneEscrowAbi,
  revenueSplitAbi,
  revenueSplitFactoryAbi,
  sovereignRegistryAbi,
} from "@atlas-os/sdk/abi";
import { expect } from "chai";
import {
  createWalletClient,
  encodeAbiParameters,
  getAddress,
  getContract,
  http,
  keccak256,
  parseAbiParameters,
  parseEther,
  parseEventLogs,
  toHex,
  zeroAddress,
  zeroHash,
  type Abi,
  type Account,
  type Address,
  type Hex,
  type TransactionReceipt,
} from "viem";
import { hardhat } from "viem/chains";

import { ATLAS, type DeployedChain } from "./chain.ts";
import { MissionStatus, Role } from "./graphScenario.ts";

const DAY = 86_400n;
const ROOT = path.resolve(import.meta.dirname, "../..");

/** A split's configuration, as the factory and the split take it. */
export interface SplitConfig {
  readonly recipients: readonly Address[];
  readonly allocations: readonly number[];
  readonly distributorFee: number;
}

/** What the scenario leaves behind, by name. */
export interface CapitalScenario {
  /** Every account the scenario touches, by name (dev accounts and the ETH-refusing receiver). */
  readonly accounts: Readonly<Record<string, Address>>;
  /** The tokens: ETH (the zero address) and ATLAS. */
  readonly tokens: readonly Address[];
  /** Mission 1 holds all the funding; mission 2 none. */
  readonly missions: { readonly funded: bigint; readonly unfunded: bigint };
  /**
   * Bounties 1 (ETH, awarded, topped up by carol after the award, expired, reclaimed by its first
   * two funders: carol's refund waits), 2 (ATLAS, credential-gated, open), 3 (ETH, cancelled after a
   * submission), 4 (ETH, awarded while its sovereign was suspended: the ledger did not record it;
   * past its deadline in block time, open on the board's clock, which a ten-day pause held back).
   */
  readonly bounties: readonly bigint[];
  /** Escrows 1 (ATLAS, 2.5% fee), 2 (ETH, no fee) and 3 (ETH, no fee, its streams ended early). */
  readonly escrows: readonly bigint[];
  /**
   * Disputes 1 (escrow 1, appealed), 2 (escrow 2, final at once), 3 (a cancelled stream's rest,
   * cross-appealed, ruled by fallback arbiters), 4 (a lump of escrow 3, ruled, never finalized).
   */
  readonly disputes: readonly bigint[];
  /** Governance's fallback arbiters: the deployment's two, and the deployer added by the scenario. */
  readonly fallbackArbiters: readonly Address[];
  /** The splits, with their current configurations. */
  readonly splits: readonly { readonly address: Address; readonly config: SplitConfig }[];
  /** The protocol fee escrow 1 was created with, in basis points. */
  readonly escrowProtocolFeeBps: bigint;
}

/** Sorts addresses ascending as numbers (the split's rule). */
export const sortAddresses = (addresses: readonly Address[]) =>
  [...addresses].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0));

/** Runs the scenario. Sovereigns are 1–3 and missions 1–2 on a fresh registry. */
export async function runCapitalScenario(chain: DeployedChain): Promise<CapitalScenario> {
  const { deployer, guardian, alice, bob, carol, dave, eve } = chain.accounts;
  const { publicClient, book } = chain;
  const transport = http(chain.url, { retryCount: 0 });
  const wallet = (account: Address | Account) => createWalletClient({ account, chain: hardhat, transport });
  const client = (account: Address | Account) => ({ public: publicClient, wallet: wallet(account) });
  const mined = async (hash: Promise<Hex>): Promise<TransactionReceipt> => {
    const receipt = await publicClient.waitForTransactionReceipt({ hash: await hash });
    expect(receipt.status, `transaction ${receipt.transactionHash}`).to.equal("success");
    return receipt;
  };
  const at = <const A extends Abi>(address: Address, abi: A) => {
    return (account: Address | Account) => getContract({ address, abi, client: client(account) });
  };
  const registry = at(book.contracts.registry.address, sovereignRegistryAbi);
  const eas = at(book.contracts.eas.address, easAbi);
  const token = at(book.contracts.token.address, atlasTokenAbi);
  const board = at(book.contracts.bountyBoard.address, bountyBoardAbi);
  const escrow = at(book.contracts.escrow.address, milestoneEscrowAbi);
  const arbitration = at(book.contracts.arbitration.address, arbitrationAbi);
  const factory = at(book.contracts.splitFactory.address, revenueSplitFactoryAbi);
  const atlasToken = book.contracts.token.address;
  const now = async () => (await publicClient.getBlock()).timestamp;
  const metadata = (name: string) => ({ uri: `ipfs://atlas/${name}`, hash: keccak256(toHex(name)) });
  const attest = async (attester: Address, schema: Hex, recipient: Address, data: Hex): Promise<Hex> => {
    const receipt = await mined(
      eas(attester).write.attest([
        {
          schema,
          data: { recipient, expirationTime: 0n, revocable: true, refUID: zeroHash, data, value: 0n },
        },
      ]),
    );
    const [attested] = parseEventLogs({ abi: easAbi, eventName: "Attested", logs: receipt.logs });
    return attested.args.uid;
  };
  const governance = async (call: () => Promise<Hex>) => {
    const timelock = book.contracts.timelock.address;
    await chain.testClient.impersonateAccount({ address: timelock });
    await chain.testClient.setBalance({ address: timelock, value: parseEther("1") });
    await mined(call());
    await chain.testClient.stopImpersonatingAccount({ address: timelock });
  };

  /* THE GRAPH UNDERNEATH: sovereigns, an arbiter, missions, a trusted credential */

  const [atlantis, lemuria, avalon] = [1n, 2n, 3n];
  for (const [admin, handle] of [
    [alice, "atlantis"],
    [bob, "lemuria"],
    [guardian, "avalon"],
  ] as const) {
    const { uri, hash } = metadata(handle);
    await mined(registry(admin).write.register([handle, uri, hash]));
  }
  // Avalon is recognized by both others: its arbiters can be drawn for their disputes.
  await mined(registry(guardian).write.recognize([avalon, atlantis]));
  await mined(registry(alice).write.recognize([atlantis, avalon]));
  await mined(registry(guardian).write.recognize([avalon, lemuria]));
  await mined(registry(bob).write.recognize([lemuria, avalon]));
  await mined(registry(guardian).write.invite([avalon, eve]));
  await mined(registry(eve).write.acceptInvitation([avalon]));
  await mined(registry(guardian).write.grantRole([avalon, eve, Role.Arbiter]));
  // An escrow names each party's sovereign only if the party is a member of it.
  await mined(registry(bob).write.invite([lemuria, dave]));
  await mined(registry(dave).write.acceptInvitation([lemuria]));
  await mined(registry(alice).write.invite([atlantis, carol]));
  await mined(registry(carol).write.acceptInvitation([atlantis]));
  for (const name of ["mission-funded", "mission-unfunded"]) {
    const { uri, hash } = metadata(name);
    await mined(registry(alice).write.createMission([atlantis, 0n, uri, hash]));
  }
  const [funded, unfunded] = [1n, 2n];
  await mined(registry(alice).write.transitionMission([funded, MissionStatus.Open]));
  await mined(registry(alice).write.transitionMission([unfunded, MissionStatus.Open]));
  const skillSchema = book.schemas.skillCredential;
  await mined(registry(alice).write.trustIssuer([atlantis, skillSchema, carol]));
  const credential = await attest(
    carol,
    skillSchema,
    dave,
    encodeAbiParameters(parseAbiParameters(ATLAS_SCHEMAS.skillCredential), ["solidity", 4, "ipfs://atlas/ev"]),
  );

  const t0 = await now();

  /* ESCROWS: 1 in ATLAS with a 2.5% protocol fee, funded at creation; 2 in ETH, funded later */

  const feeBps = 250n;
  const timelockAddress = book.contracts.timelock.address;
  await governance(() => escrow(timelockAddress).write.setProtocolFee([Number(feeBps)]));
  const lump = (amount: bigint, deadline: bigint) => ({
    amount,
    kind: 0,
    deadline: Number(deadline),
    start: 0,
    end: 0,
  });
  const stream = (amount: bigint, start: bigint, end: bigint) => ({
    amount,
    kind: 1,
    deadline: 0,
    start: Number(start),
    end: Number(end),
  });
  const escrowOne = [
    lump(100n * ATLAS, t0 + 30n * DAY), // approved by the funder
    lump(50n * ATLAS, t0 + 30n * DAY), // released on the verifier's attestation
    lump(80n * ATLAS, t0 + 30n * DAY), // disputed by the funder, appealed
    stream(120n * ATLAS, t0, t0 + 40n * DAY), // claimed once, still vesting at the end of the scenario
    lump(30n * ATLAS, t0 + 2n * DAY), // never submitted: reclaimed
  ];
  await mined(
    token(alice).write.approve([book.contracts.escrow.address, escrowOne.reduce((sum, m) => sum + m.amount, 0n)]),
  );
  await mined(
    escrow(alice).write.createEscrow([
      {
        missionId: funded,
        funder: alice,
        contributor: dave,
        token: atlasToken,
        verifier: carol,
        arbiter: guardian,
        funderSovereign: atlantis,
        contributorSovereign: lemuria,
        reviewWindow: Number(DAY),
        fund: true,
      },
      escrowOne,
    ]),
  );
  await governance(() => escrow(timelockAddress).write.setProtocolFee([0]));
  await mined(
    escrow(alice).write.createEscrow([
      {
        missionId: funded,
        funder: bob,
        contributor: carol,
        token: zeroAddress,
        verifier: zeroAddress,
        arbiter: zeroAddress,
        funderSovereign: lemuria,
        contributorSovereign: atlantis,
        reviewWindow: 3600,
        fund: false,
      },
      [
        lump(parseEther("1"), t0 + 30n * DAY), // released optimistically
        lump(parseEther("0.5"), t0 + 30n * DAY), // never funded
        stream(parseEther("2"), t0, t0 + 5n * DAY), // claimed whole
        lump(parseEther("0.4"), t0 + 30n * DAY), // disputed by the contributor
      ],
    ]),
  );
  for (const [index, value] of [
    [0n, parseEther("1")],
    [2n, parseEther("2")],
    [3n, parseEther("0.4")],
  ] as const) {
    await mined(escrow(bob).write.fundMilestone([2n, index], { value }));
  }

  // The deals: escrow 1's funder, a manager of the mission, endorses it (escrow 2, created by a
  // manager for another funder, is endorsed from the start); each contributor accepts its terms.
  await mined(escrow(alice).write.endorseEscrow([1n]));
  await mined(escrow(dave).write.acceptEscrow([1n]));
  await mined(escrow(carol).write.acceptEscrow([2n]));

  // Escrow 1: an approval, an attested release, a dispute by the funder.
  await mined(escrow(alice).write.approveMilestone([1n, 0n]));
  const verification = await attest(
    carol,
    book.schemas.milestoneVerification,
    dave,
    encodeAbiParameters(parseAbiParameters(ATLAS_SCHEMAS.milestoneVerification), [
      BigInt(hardhat.id),
      book.contracts.escrow.address,
      1n,
      1n,
      true,
      "ipfs://atlas/ok",
    ]),
  );
  await mined(escrow(dave).write.approveWithAttestation([1n, 1n, verification]));
  const evidence = metadata("evidence");
  await mined(escrow(dave).write.submitMilestone([1n, 2n, evidence.uri, evidence.hash]));
  await mined(escrow(alice).write.dispute([1n, 2n, "ipfs://atlas/funder-claim", keccak256(toHex("claim"))]));
  // Dispute 1: the named arbiter rules 60% to the funder, dave appeals, eve (drawn from avalon) rules 25%.
  await mined(arbitration(dave).write.submitEvidence([1n, "ipfs://atlas/defence", keccak256(toHex("defence"))]));
  await mined(arbitration(guardian).write.rule([1n, 600_000n]));
  await mined(arbitration(dave).write.appeal([1n]));
  await mined(arbitration(dave).write.proposeArbiter([1n, eve, avalon]));
  await mined(arbitration(eve).write.rule([1n, 250_000n]));
  await mined(arbitration(bob).write.finalize([1n]));

  // Escrow 2: submissions, a dispute by the contributor (dispute 2), ruled 70% to it.
  await mined(escrow(carol).write.submitMilestone([2n, 0n, evidence.uri, evidence.hash]));
  await mined(escrow(carol).write.submitMilestone([2n, 3n, evidence.uri, evidence.hash]));
  await mined(escrow(carol).write.dispute([2n, 3n, "ipfs://atlas/contributor-claim", keccak256(toHex("mine"))]));
  await mined(arbitration(carol).write.proposeArbiter([2n, eve, avalon]));
  await mined(arbitration(eve).write.rule([2n, 700_000n]));

  /* BOUNTIES */

  const terms = (token: Address, deadline: bigint, name: string, credentialSchema: Hex = zeroHash) => ({
    missionId: funded,
    token,
    deadline,
    credentialTrustedBy: credentialSchema === zeroHash ? 0n : atlantis,
    credentialSchema,
    metadataURI: metadata(name).uri,
    metadataHash: metadata(name).hash,
  });
  await mined(
    board(alice).write.createBounty([terms(zeroAddress, t0 + 3n * DAY, "bounty-eth"), parseEther("1")], {
      value: parseEther("1"),
    }),
  );
  await mined(board(bob).write.fund([1n, parseEther("0.5")], { value: parseEther("0.5") }));
  await mined(board(dave).write.submitWork([1n, "ipfs://atlas/dave", keccak256(toHex("dave")), zeroHash]));
  await mined(board(eve).write.submitWork([1n, "ipfs://atlas/eve", keccak256(toHex("eve")), zeroHash]));
  await mined(board(alice).write.award([1n, [dave, eve], [parseEther("0.6"), parseEther("0.3")]]));
  // A top-up after the award pays for no part of it: carol's 0.3 ETH comes back whole.
  await mined(board(carol).write.fund([1n, parseEther("0.3")], { value: parseEther("0.3") }));

  await mined(token(carol).write.approve([book.contracts.bountyBoard.address, 100n * ATLAS]));
  await mined(
    board(carol).write.createBounty([terms(atlasToken, t0 + 60n * DAY, "bounty-atlas", skillSchema), 100n * ATLAS]),
  );
  await mined(board(dave).write.submitWork([2n, "ipfs://atlas/dave-2", keccak256(toHex("dave-2")), credential]));
  await mined(board(alice).write.award([2n, [dave], [40n * ATLAS]]));

  // A submission does not lock the funds: the manager cancels before any award.
  await mined(
    board(bob).write.createBounty([terms(zeroAddress, t0 + 10n * DAY, "bounty-cancelled"), parseEther("0.2")], {
      value: parseEther("0.2"),
    }),
  );
  await mined(board(dave).write.submitWork([3n, "ipfs://atlas/dave-3", keccak256(toHex("dave-3")), zeroHash]));
  await mined(board(alice).write.cancel([3n]));
  await mined(board(bob).write.reclaim([3n, bob]));

  /* ESCROW 3: an outsider funds the mission in ETH; its manager endorses the deal */

  await mined(
    escrow(bob).write.createEscrow(
      [
        {
          missionId: funded,
          funder: bob,
          contributor: eve,
          token: zeroAddress,
          verifier: zeroAddress,
          arbiter: zeroAddress,
          funderSovereign: lemuria,
          contributorSovereign: avalon,
          reviewWindow: Number(DAY),
          fund: true,
        },
        [
          stream(parseEther("3"), t0, t0 + 30n * DAY), // cancelled by the funder, its rest disputed
          stream(parseEther("1"), t0, t0 + 10n * DAY), // ended by the contributor
          stream(parseEther("1"), t0, t0 + 10n * DAY), // cancelled by the funder, its rest reclaimed
          lump(parseEther("0.5"), t0 + 30n * DAY), // disputed by the funder, never finalized
        ],
      ],
      { value: parseEther("5.5") },
    ),
  );
  await mined(escrow(alice).write.endorseEscrow([3n]));
  await mined(escrow(eve).write.acceptEscrow([3n]));
  // Governance adds a third fallback arbiter (the deployment named dev accounts 18 and 19).
  const nodeAccounts = await wallet(deployer).getAddresses();
  const [fallbackOne, fallbackTwo] = [getAddress(nodeAccounts[18]), getAddress(nodeAccounts[19])];
  for (const account of [fallbackOne, fallbackTwo]) {
    expect(await arbitration(account).read.isFallbackArbiter([account]), `fallback arbiter ${account}`).to.equal(true);
  }
  await governance(() => arbitration(timelockAddress).write.setFallbackArbiter([deployer, true]));

  /* THE ESCROW IS PAUSED FOR A DAY: its clock stands still, its deadlines move by as much */

  // Governance shortens the escrow's pauses to a day; the guardian's pause then ends by itself.
  await governance(() => escrow(timelockAddress).write.setMaxPauseDuration([Number(DAY)]));
  await mined(escrow(guardian).write.pause());
  await chain.increaseTo(t0 + 2n * DAY);

  /* FOUR DAYS LATER: deadlines, review windows and the appeal window have passed */

  await chain.increaseTo(t0 + 4n * DAY);
  await mined(escrow(carol).write.releaseOptimistic([2n, 0n]));
  await mined(escrow(alice).write.reclaimMilestone([1n, 4n]));
  await mined(arbitration(alice).write.finalize([2n]));
  // Alice and bob take back their part of the leftover; carol's refund waits.
  await mined(board(alice).write.reclaim([1n, alice]));
  await mined(board(bob).write.reclaim([1n, carol]));

  // Escrow 3, stream 0: bob cancels it, eve disputes the unvested rest (dispute 3). Round 1: eve
  // draws a fallback arbiter, who gives her 40%. Bob appeals first, draws the other fallback
  // arbiter; eve, whom the ruling disfavours, appeals too and moves round 2 from then on: she
  // replaces bob's arbiter by the third fallback arbiter, who gives her 80%.
  await mined(escrow(bob).write.cancelStream([3n, 0n]));
  await mined(escrow(eve).write.dispute([3n, 0n, "ipfs://atlas/eve-claim", keccak256(toHex("eve-claim"))]));
  await mined(arbitration(eve).write.proposeArbiter([3n, fallbackOne, 0n]));
  await mined(arbitration(fallbackOne).write.rule([3n, 400_000n]));
  await mined(arbitration(bob).write.appeal([3n]));
  await mined(arbitration(bob).write.proposeArbiter([3n, fallbackTwo, 0n]));
  await mined(arbitration(eve).write.appeal([3n]));
  await mined(arbitration(eve).write.proposeArbiter([3n, deployer, 0n]));
  await mined(arbitration(deployer).write.rule([3n, 800_000n]));
  await mined(arbitration(carol).write.finalize([3n]));
  // Stream 1 ended by eve (the rest goes back to bob), stream 2 cancelled by bob.
  await mined(escrow(eve).write.cancelStream([3n, 1n]));
  await mined(escrow(bob).write.cancelStream([3n, 2n]));
  // The lump: submitted, disputed by bob (dispute 4), ruled all to him, never finalized.
  await mined(escrow(eve).write.submitMilestone([3n, 3n, evidence.uri, evidence.hash]));
  await mined(escrow(bob).write.dispute([3n, 3n, "ipfs://atlas/bob-claim", keccak256(toHex("bob-claim"))]));
  await mined(arbitration(bob).write.proposeArbiter([4n, fallbackOne, 0n]));
  await mined(arbitration(fallbackOne).write.rule([4n, 1_000_000n]));

  /* TEN DAYS LATER: streams claimed, a cancelled stream's rest reclaimed, credits withdrawn */

  await chain.increaseTo(t0 + 10n * DAY);
  await mined(escrow(dave).write.claim([1n, 3n]));
  await mined(escrow(carol).write.claim([2n, 2n]));
  await mined(escrow(carol).write.withdraw([zeroAddress, carol]));
  await mined(escrow(bob).write.reclaimMilestone([3n, 2n]));
  await mined(escrow(eve).write.withdraw([zeroAddress, eve]));

  // Bounty 4 is awarded while its sovereign is suspended: the ledger refuses the record, eve is paid.
  await mined(
    board(alice).write.createBounty([terms(zeroAddress, t0 + 20n * DAY, "bounty-unrecorded"), parseEther("0.1")], {
      value: parseEther("0.1"),
    }),
  );
  await mined(board(eve).write.submitWork([4n, "ipfs://atlas/eve-4", keccak256(toHex("eve-4")), zeroHash]));
  await governance(() => registry(timelockAddress).write.suspendSovereign([atlantis]));
  await mined(board(alice).write.award([4n, [eve], [parseEther("0.05")]]));
  await governance(() => registry(timelockAddress).write.reactivateSovereign([atlantis]));

  // The board's pauses last at most ten days; the guardian pauses it, and nobody unpauses.
  await governance(() => board(timelockAddress).write.setMaxPauseDuration([Number(10n * DAY)]));
  await mined(board(guardian).write.pause());

  /* SPLITS */

  const artifact = JSON.parse(
    await readFile(path.join(ROOT, "artifacts/test/mocks/tokens/Receivers.sol/RevertingReceiver.json"), "utf8"),
  ) as { abi: Abi; bytecode: Hex };
  const deployed = await mined(
    wallet(deployer).deployContract({ abi: artifact.abi, bytecode: artifact.bytecode, account: deployer, chain: null }),
  );
  const refuser = getAddress(deployed.contractAddress!);
  const createSplit = async (creator: Address, config: SplitConfig, controller: Address, salt: string) => {
    const receipt = await mined(factory(creator).write.createSplit([config, controller, keccak256(toHex(salt))]));
    const [created] = parseEventLogs({ abi: revenueSplitFactoryAbi, eventName: "SplitCreated", logs: receipt.logs });
    return created.args.split;
  };
  const split = (address: Address) => at(address, revenueSplitAbi);
  const sendEth = (from: Address, to: Address, value: bigint) =>
    mined(wallet(from).sendTransaction({ account: from, chain: null, to, value }));

  const sorted = sortAddresses([alice, bob, refuser]);
  const allocation = { [alice]: 500_000, [bob]: 300_000, [refuser]: 200_000 };
  const first: SplitConfig = {
    recipients: sorted,
    allocations: sorted.map((r) => allocation[r]),
    distributorFee: 10_000,
  };
  const revenue = await createSplit(deployer, first, alice, "revenue");
  // ETH: the refuser's share is deferred; dave distributes, eve gets the reward.
  await sendEth(deployer, revenue, parseEther("1"));
  await mined(split(revenue)(dave).write.distribute([zeroAddress, first, eve]));
  // ATLAS: dave distributes and takes the reward himself.
  await mined(token(carol).write.transfer([revenue, 1_000n * ATLAS + 7n]));
  await mined(split(revenue)(dave).write.distribute([atlasToken, first, zeroAddress]));
  // The refuser takes its deferred ETH to carol.
  await chain.testClient.impersonateAccount({ address: refuser });
  await chain.testClient.setBalance({ address: refuser, value: parseEther("1") });
  await mined(split(revenue)(refuser).write.withdraw([zeroAddress, carol]));
  await chain.testClient.stopImpersonatingAccount({ address: refuser });
  // Reconfigured by its controller, which first distributes the ATLAS paid in since under the old
  // configuration; made immutable, distributed again without a fee.
  await mined(token(carol).write.transfer([revenue, 200n * ATLAS]));
  const pair = sortAddresses([alice, carol]);
  const second: SplitConfig = {
    recipients: pair,
    allocations: pair.map((r) => (r === alice ? 600_000 : 400_000)),
    distributorFee: 0,
  };
  await mined(split(revenue)(alice).write.updateSplit([second, [atlasToken], first]));
  await mined(split(revenue)(alice).write.transferControl([zeroAddress]));
  await sendEth(deployer, revenue, parseEther("0.3"));
  await mined(split(revenue)(bob).write.distribute([zeroAddress, second, bob]));
  const solo: SplitConfig = { recipients: [dave], allocations: [1_000_000], distributorFee: 0 };
  const quiet = await createSplit(carol, solo, zeroAddress, "quiet");

  /* TWENTY-SIX DAYS AFTER THE START: the board's pause ended by itself at day 20 */

  await chain.increaseTo(t0 + 26n * DAY);

  return {
    accounts: { deployer, guardian, alice, bob, carol, dave, eve, refuser, fallbackOne, fallbackTwo },
    tokens: [zeroAddress, atlasToken],
    missions: { funded, unfunded },
    bounties: [1n, 2n, 3n, 4n],
    escrows: [1n, 2n, 3n],
    disputes: [1n, 2n, 3n, 4n],
    fallbackArbiters: [fallbackOne, fallbackTwo, deployer],
    splits: [
      { address: revenue, config: second },
      { address: quiet, config: solo },
    ],
    escrowProtocolFeeBps: feeBps,
  };
}
