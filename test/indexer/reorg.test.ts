/**
 * Reorganisation: blocks the indexer has already indexed are replaced (evm_snapshot, votes,
 * transfers and a sovereign, evm_revert, different blocks mined higher); the indexer ends on the
 * canonical chain.
 */
import { rm } from "node:fs/promises";

import { expect } from "chai";
import { type ProposeParameters } from "@atlas-os/sdk";
import { atlasTokenAbi, sovereignRegistryAbi } from "@atlas-os/sdk/abi";
import { encodeFunctionData, keccak256, toHex, type Hex } from "viem";

import { ATLAS, deployChain, type DeployedChain } from "./chain.ts";
import {
  eventually,
  getJson,
  rpc,
  startIndexer,
  stopIndexers,
  tempDir,
  waitUntilSynced,
  type Indexer,
} from "./harness.ts";
import { expectIndexerAgreesWithChain, type ApiAccount, type ApiProposal, type ApiVote } from "./scenario.ts";

describe("indexer across a chain reorganisation", function () {
  this.timeout(600_000);

  let chain: DeployedChain;
  let dataDir: string;
  let indexer: Indexer;
  let proposalId: bigint;

  before(async function () {
    dataDir = await tempDir("atlas-indexer-");
    chain = await deployChain();
    const { alice, bob, carol, dave, eve } = chain.accounts;
    for (const holder of [alice, bob, carol, dave]) await chain.as(holder).governance.delegate({ delegatee: holder });
    await chain.testClient.mine({ blocks: 1 });
    const parameters: ProposeParameters = {
      targets: [chain.book.contracts.token.address],
      values: [0n],
      calldatas: [encodeFunctionData({ abi: atlasTokenAbi, functionName: "transfer", args: [eve, 100n * ATLAS] })],
      description: "Reorg test",
    };
    ({ proposalId } = await chain.as(alice).governance.propose(parameters));
    const { snapshot } = await chain.reader.governance.getProposal({ proposalId });
    await chain.increaseTo(snapshot + 1n);
    indexer = await startIndexer({
      rpcUrl: chain.url,
      deploymentsDir: chain.deploymentsDir,
      dataDir,
      schema: "atlas_reorg",
    });
    await waitUntilSynced(indexer, chain.url);
  });

  after(async function () {
    await stopIndexers();
    await chain?.dispose();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const transfer = (from: Hex, to: Hex, amount: bigint) =>
    chain
      .as(from)
      .walletClient!.writeContract({
        account: from,
        chain: null,
        address: chain.book.contracts.token.address,
        abi: atlasTokenAbi,
        functionName: "transfer",
        args: [to, amount * ATLAS],
      })
      .then((hash) => chain.publicClient.waitForTransactionReceipt({ hash }));

  const register = (admin: Hex, handle: string) =>
    chain
      .as(admin)
      .walletClient!.writeContract({
        account: admin,
        chain: null,
        address: chain.book.contracts.registry.address,
        abi: sovereignRegistryAbi,
        functionName: "register",
        args: [handle, `ipfs://atlas/${handle}`, keccak256(toHex(handle))],
      })
      .then((hash) => chain.publicClient.waitForTransactionReceipt({ hash }));
  const handles = async () =>
    (await getJson<{ sovereigns: { id: string; handle: string }[] }>(`${indexer.url}/sovereigns`)).body.sovereigns.map(
      (s) => [s.id, s.handle],
    );

  const votesOf = async () =>
    (await getJson<{ proposal: ApiProposal; votes: ApiVote[] }>(`${indexer.url}/proposals/${proposalId}`)).body;

  it("drops the votes, transfers, delegations and sovereigns of the abandoned blocks and indexes the new ones", async function () {
    const { alice, bob, carol, dave, eve } = chain.accounts;
    const snapshot = await rpc<Hex>(chain.url, "evm_snapshot");

    // The branch that will be abandoned.
    await chain.as(bob).governance.castVote({ proposalId, support: "against", reason: "before the reorg" });
    await transfer(alice, eve, 1_000n);
    await chain.as(carol).governance.delegate({ delegatee: bob });
    await register(alice, "ghost");
    await waitUntilSynced(indexer, chain.url);
    expect(await handles(), "the sovereign of the first branch").to.deep.equal([["1", "ghost"]]);
    const before = await votesOf();
    expect(
      before.votes.map((v) => v.reason),
      "indexed on the first branch",
    ).to.deep.equal(["before the reorg"]);
    expect((await getJson<ApiAccount>(`${indexer.url}/accounts/${eve}`)).body.balance).to.equal(String(1_000n * ATLAS));
    const abandonedHead = await chain.publicClient.getBlockNumber({ cacheTime: 0 });

    // Back to the snapshot; a different, longer branch.
    expect(await rpc<boolean>(chain.url, "evm_revert", [snapshot]), "evm_revert").to.equal(true);
    await chain.as(dave).governance.castVote({ proposalId, support: "for", reason: "after the reorg" });
    await transfer(bob, eve, 500n);
    await register(bob, "harbour");
    await chain.testClient.mine({ blocks: 5 });
    const head = await chain.publicClient.getBlockNumber({ cacheTime: 0 });
    expect(head > abandonedHead, "the new branch is longer").to.equal(true);

    await eventually(async () => {
      await waitUntilSynced(indexer, chain.url, 30_000);
      await expectIndexerAgreesWithChain(indexer.url, chain);
    }, 120_000);

    expect(indexer.output(), "Ponder saw the reorganisation").to.match(/reorg/i);
    const after = await votesOf();
    expect(
      after.votes.map((v) => [v.voter, v.reason]),
      "only the canonical vote",
    ).to.deep.equal([[dave, "after the reorg"]]);
    expect(after.proposal.tally.against, "bob's abandoned vote is not counted").to.equal("0");
    expect(await chain.reader.governance.hasVoted({ proposalId, account: bob })).to.equal(false);
    const eveAccount = (await getJson<ApiAccount>(`${indexer.url}/accounts/${eve}`)).body;
    expect(eveAccount.balance, "eve's balance on the canonical chain").to.equal(String(500n * ATLAS));
    const carolAccount = (await getJson<ApiAccount>(`${indexer.url}/accounts/${carol}`)).body;
    expect(carolAccount.delegate, "carol's abandoned delegation").to.equal(carol);
    expect(await handles(), "sovereign 1 is the canonical branch's").to.deep.equal([["1", "harbour"]]);
    expect((await getJson(`${indexer.url}/sovereigns/ghost`)).status, "the abandoned sovereign").to.equal(404);
    const aliceAccount = (await getJson<ApiAccount>(`${indexer.url}/accounts/${alice}`)).body;
    expect(aliceAccount.memberships, "alice's abandoned sovereign").to.deep.equal([]);
  });
});
