/**
 * Reorganisation: blocks the world's indexers have already indexed are replaced (evm_snapshot,
 * votes, transfers, a delegation and a sovereign, evm_revert, different blocks mined higher); the
 * indexers end on the canonical chain. It rewrites the world's newest blocks, so it runs after
 * the other readers of the world (test/e2e/order.ts).
 */
import { expect } from "chai";
import { encodeFunctionData, keccak256, toHex, type Address, type Hex } from "viem";

import { type ProposeParameters } from "../../sdk/src/index.ts";
import { atlasTokenAbi, sovereignRegistryAbi } from "../../sdk/src/abi/index.ts";
import { useWorld, worldIndexer, type World } from "../e2e/world.ts";
import { expectIndexerAgreesWithChain, type ApiAccount, type ApiProposal, type ApiVote } from "./agreement.ts";
import { eventually, getJson, rpc, waitUntilSynced, type Indexer } from "./harness.ts";

const ATLAS = 10n ** 18n;

describe("indexer across a chain reorganisation", function () {
  this.timeout(600_000);

  let world: World;
  /** The world's indexers: both follow the reorganisation. */
  let indexers: Indexer[];
  let proposalId: bigint;

  before(async function () {
    const suite = this.test?.parent?.fullTitle() ?? "reorg";
    world = await useWorld(suite);
    indexers = [(await worldIndexer("pglite", suite)).indexer, (await worldIndexer("postgres", suite)).indexer];
    const { alice, bob, carol, dave, eve } = world.accounts;
    for (const holder of [alice, bob, carol, dave]) await world.as(holder).governance.delegate({ delegatee: holder });
    await world.testClient.mine({ blocks: 1 });
    const parameters: ProposeParameters = {
      targets: [world.book.contracts.token.address],
      values: [0n],
      calldatas: [encodeFunctionData({ abi: atlasTokenAbi, functionName: "transfer", args: [eve, 100n * ATLAS] })],
      description: "Reorg test",
    };
    ({ proposalId } = await world.as(alice).governance.propose(parameters));
    const { snapshot } = await world.reader.governance.getProposal({ proposalId });
    await world.increaseTo(snapshot + 1n);
    for (const indexer of indexers) await waitUntilSynced(indexer, world.url);
  });

  const transfer = (from: Address, to: Address, amount: bigint) =>
    world
      .as(from)
      .walletClient!.writeContract({
        account: from,
        chain: null,
        address: world.book.contracts.token.address,
        abi: atlasTokenAbi,
        functionName: "transfer",
        args: [to, amount * ATLAS],
      })
      .then((hash) => world.publicClient.waitForTransactionReceipt({ hash }));

  const register = (admin: Address, handle: string) =>
    world
      .as(admin)
      .walletClient!.writeContract({
        account: admin,
        chain: null,
        address: world.book.contracts.registry.address,
        abi: sovereignRegistryAbi,
        functionName: "register",
        args: [handle, `ipfs://atlas/${handle}`, keccak256(toHex(handle))],
      })
      .then((hash) => world.publicClient.waitForTransactionReceipt({ hash }));
  const handles = async (indexer: Indexer) =>
    (await getJson<{ sovereigns: { id: string; handle: string }[] }>(`${indexer.url}/sovereigns`)).body.sovereigns.map(
      (s) => [s.id, s.handle],
    );
  const votesOf = async (indexer: Indexer) =>
    (await getJson<{ proposal: ApiProposal; votes: ApiVote[] }>(`${indexer.url}/proposals/${proposalId}`)).body;
  const account = async (indexer: Indexer, address: Address) =>
    (await getJson<ApiAccount>(`${indexer.url}/accounts/${address}`)).body;

  it("drops the votes, transfers, delegations and sovereigns of the abandoned blocks and indexes the new ones", async function () {
    const { alice, bob, carol, dave, eve } = world.accounts;
    // What the abandoned branch changes, as the indexers had it before.
    const [worldHandles, eveBefore, carolBefore, aliceBefore] = await Promise.all([
      handles(indexers[0]),
      account(indexers[0], eve),
      account(indexers[0], carol),
      account(indexers[0], alice),
    ]);
    const nextSovereign = String(worldHandles.length + 1);
    const snapshot = await rpc<Hex>(world.url, "evm_snapshot");

    // The branch that will be abandoned.
    await world.as(bob).governance.castVote({ proposalId, support: "against", reason: "before the reorg" });
    await transfer(alice, eve, 1_000n);
    await world.as(carol).governance.delegate({ delegatee: bob });
    await register(alice, "ghost");
    for (const indexer of indexers) {
      await waitUntilSynced(indexer, world.url);
      expect(await handles(indexer), "the sovereign of the first branch").to.deep.equal([
        ...worldHandles,
        [nextSovereign, "ghost"],
      ]);
      expect(
        (await votesOf(indexer)).votes.map((v) => v.reason),
        "indexed on the first branch",
      ).to.deep.equal(["before the reorg"]);
      expect((await account(indexer, eve)).balance).to.equal(String(BigInt(eveBefore.balance) + 1_000n * ATLAS));
    }
    const abandonedHead = await world.publicClient.getBlockNumber({ cacheTime: 0 });

    // Back to the snapshot; a different, longer branch.
    expect(await rpc<boolean>(world.url, "evm_revert", [snapshot]), "evm_revert").to.equal(true);
    await world.as(dave).governance.castVote({ proposalId, support: "for", reason: "after the reorg" });
    await transfer(bob, eve, 500n);
    await register(bob, "harbour");
    await world.testClient.mine({ blocks: 5 });
    const head = await world.publicClient.getBlockNumber({ cacheTime: 0 });
    expect(head > abandonedHead, "the new branch is longer").to.equal(true);

    for (const indexer of indexers) {
      await eventually(async () => {
        await waitUntilSynced(indexer, world.url, 30_000);
        await expectIndexerAgreesWithChain(indexer.url, world);
      }, 120_000);

      expect(indexer.output(), "Ponder saw the reorganisation").to.match(/reorg/i);
      const after = await votesOf(indexer);
      expect(
        after.votes.map((v) => [v.voter, v.reason]),
        "only the canonical vote",
      ).to.deep.equal([[dave, "after the reorg"]]);
      expect(after.proposal.tally.against, "bob's abandoned vote is not counted").to.equal("0");
      expect(await world.reader.governance.hasVoted({ proposalId, account: bob })).to.equal(false);
      expect((await account(indexer, eve)).balance, "eve's balance on the canonical chain").to.equal(
        String(BigInt(eveBefore.balance) + 500n * ATLAS),
      );
      expect((await account(indexer, carol)).delegate, "carol's abandoned delegation").to.equal(carolBefore.delegate);
      expect(carolBefore.delegate, "carol delegated to herself before the branches").to.equal(carol);
      expect(await handles(indexer), "the next sovereign is the canonical branch's").to.deep.equal([
        ...worldHandles,
        [nextSovereign, "harbour"],
      ]);
      expect((await getJson(`${indexer.url}/sovereigns/ghost`)).status, "the abandoned sovereign").to.equal(404);
      expect((await account(indexer, alice)).memberships, "alice's abandoned sovereign").to.deep.equal(
        aliceBefore.memberships,
      );
    }
  });
});
