/**
 * The governance page (app/) in headless Chromium against the main job: `npm start` brings up the
 * chain, the deployment, the scenario, the indexer and the page (the run the main job's own test
 * checks too, test/helpers/mainJob.ts), and the page reads its lists from the indexer's API. A test wallet is injected as
 * `window.ethereum` (dev keys sign in the test process), one page per scenario account:
 *
 * - alice (dev #2), bob (#3) and carol (#4) delegated to themselves and voted only on the first,
 *   executed proposal; the scenario leaves a second one Active with no votes. alice votes For with
 *   a reason, bob votes Against by EIP-712 signature, carol rejects the ballot signature.
 * - dave (#5) holds tokens but never delegated: he delegates to himself, which gives him votes for
 *   proposals created from now on only, so his vote on the Active one fails on chain.
 *
 * After every write the page's tallies are checked against the chain (SDK over HTTP) and, once it
 * has caught up, against the indexer's GET /proposals/:id.
 */
import { mkdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { createPublicClient, http, parseEther, type Address, type PublicClient } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { hardhat } from "viem/chains";

import {
  AtlasContractError,
  governanceErrors,
  addressesOf,
  allLayers,
  createAtlasClient,
  type AtlasAddresses,
  type AtlasClient,
} from "../../sdk/src/index.ts";
import { atlasGovernorAbi, atlasTokenAbi } from "../../sdk/src/abi/index.ts";
import { readAddressBook } from "../../sdk/src/node/index.ts";
import { injectWallet, type InjectedWallet } from "./injectedWallet.ts";
import { sharedMainJob, type MainJobHome } from "../helpers/mainJob.ts";

/** Hardhat's dev accounts; the main job's scenario names #2-#5 alice, bob, carol and dave (scripts/scenario/context.ts). */
const DEV_MNEMONIC = "test test test test test test test test test test test junk";
const devAccount = (index: number) => mnemonicToAccount(DEV_MNEMONIC, { addressIndex: index });
const ATLAS = parseEther("1");

/** TOOLCHAIN.md §7; the user-data-dir is a fresh temporary directory given to launchPersistentContext. */
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const SCREENSHOTS = path.join("test-output");
const OPEN_PROPOSAL = "Grant 1,000 ATLAS to the governance page's designers";

/** How the page writes a timestamp timepoint: `2026-11-30 11:44 UTC`. */
const pageTime = (timepoint: bigint) =>
  `${new Date(Number(timepoint) * 1000).toISOString().slice(0, 16).replace("T", " ")} UTC`;
const short = (address: Address) => `${address.slice(0, 6)}…${address.slice(-4)}`;

type Tally = { for: bigint; against: bigint; abstain: bigint };
interface IndexedProposal {
  proposal: { id: string; state: string; description: string; tally: Record<keyof Tally, string> };
  votes: { voter: Address; support: string; weight: string; reason: string }[];
}

describe("governance page in Chromium, against the main job", function () {
  this.timeout(600_000);

  const timings: Record<string, number> = {};
  const pageErrors: string[] = [];
  let home: MainJobHome | undefined;
  let profileDir: string | undefined;
  let context: BrowserContext | undefined;
  let addresses: AtlasAddresses;
  let publicClient: PublicClient;
  let reader: AtlasClient;
  let proposalId: bigint;
  const pages = {} as Record<"alice" | "bob" | "carol" | "dave", { page: Page; wallet: InjectedWallet }>;

  const timed = async <T>(label: string, run: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await run();
    } finally {
      timings[label] = Math.round(performance.now() - start);
    }
  };
  const proposalItem = (page: Page) => page.locator(`li[data-proposal-id="${proposalId}"]`);
  const text = async (page: Page, testid: string) => (await page.getByTestId(testid).innerText()).trim();
  const waitForText = (page: Page, testid: string, hasText: string | RegExp) =>
    page.getByTestId(testid).filter({ hasText }).waitFor({ timeout: 30_000 });
  const indexer = async <T>(route: string): Promise<T> => {
    const response = await fetch(`${home!.indexerUrl}${route}`);
    expect(response.status, `GET ${route}`).to.equal(200);
    return (await response.json()) as T;
  };
  /** The page's three tallies for the open proposal, as shown. */
  const shownTallies = async (page: Page) => {
    const item = proposalItem(page);
    return {
      for: await item.getByTestId("tally-for").innerText(),
      against: await item.getByTestId("tally-against").innerText(),
      abstain: await item.getByTestId("tally-abstain").innerText(),
    };
  };
  const asShown = (tally: Tally) => {
    const format = (v: bigint) => `${new Intl.NumberFormat("en-US").format(Number(v / ATLAS))} ATLAS`;
    return { for: format(tally.for), against: format(tally.against), abstain: format(tally.abstain) };
  };
  /** Waits until the indexer's GET /proposals/:id tallies equal `tally` (it follows the chain within a second). */
  const indexerCaughtUp = async (tally: Tally): Promise<IndexedProposal> => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const indexed = await indexer<IndexedProposal>(`/proposals/${proposalId}`);
      const seen = indexed.proposal.tally;
      if (
        seen.for === String(tally.for) &&
        seen.against === String(tally.against) &&
        seen.abstain === String(tally.abstain)
      )
        return indexed;
      if (Date.now() > deadline) {
        expect(seen, "the indexer's tallies").to.deep.equal({
          for: String(tally.for),
          against: String(tally.against),
          abstain: String(tally.abstain),
        });
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  /** The chain's tallies (SDK), the page's, and the indexer's once caught up: all equal to `tally`. */
  const expectTallies = async (page: Page, tally: Tally) => {
    expect(await reader.governance.getProposalVotes({ proposalId }), "tallies on chain").to.deep.equal(tally);
    expect(await shownTallies(page), "tallies on the page").to.deep.equal(asShown(tally));
    return timed(`indexer catch-up (${tally.for / ATLAS}/${tally.against / ATLAS})`, () => indexerCaughtUp(tally));
  };
  /** The page of `who`, brought to the front as its user would (Chromium throttles timers in background tabs). */
  const use = async (who: keyof typeof pages) => {
    await pages[who].page.bringToFront();
    return pages[who];
  };
  const connect = async (who: keyof typeof pages) => {
    const { page, wallet } = await use(who);
    await page.getByTestId("connect").click();
    await waitForText(page, "message", "Connected");
    expect(await text(page, "account")).to.equal(wallet.account.address);
  };

  before(async function () {
    ({ home } = await timed("npm start (to 'Atlas OS is running')", () =>
      sharedMainJob(this.test?.parent?.fullTitle() ?? "governance page"),
    ));

    const config = (await (await fetch(`${home.pageUrl}/atlas.config.json`)).json()) as {
      chainId: number;
      rpcUrl: string;
      indexerUrl: string;
      addresses: AtlasAddresses;
    };
    addresses = addressesOf(await readAddressBook(31337, home.deploymentsDir));
    expect(config, "the page's configuration").to.deep.equal({
      chainId: 31337,
      rpcUrl: home.rpcUrl,
      indexerUrl: home.indexerUrl,
      addresses,
    });
    publicClient = createPublicClient({ chain: hardhat, transport: http(home.rpcUrl) });
    reader = createAtlasClient({ publicClient, addresses, layers: allLayers });

    const { proposals } = await indexer<{ proposals: { id: string; state: string; description: string }[] }>(
      "/proposals",
    );
    const open = proposals.filter((p) => p.state === "Active");
    expect(open, "Active proposals").to.have.length(1);
    expect(open[0].description).to.match(new RegExp(`^${OPEN_PROPOSAL}`));
    proposalId = BigInt(open[0].id);

    profileDir = await mkdtemp(path.join(tmpdir(), "atlas-chromium-"));
    context = await timed("chromium launch", () =>
      chromium.launchPersistentContext(profileDir!, {
        executablePath: "/usr/bin/chromium",
        headless: true,
        args: CHROMIUM_FLAGS,
        viewport: { width: 1100, height: 1000 },
      }),
    );
    const names = ["alice", "bob", "carol", "dave"] as const;
    for (const [i, name] of names.entries()) {
      const page = (i === 0 ? context.pages()[0] : undefined) ?? (await context.newPage());
      const wallet = await injectWallet(page, { account: devAccount(i + 2), rpcUrl: home.rpcUrl, chainId: 31337 });
      page.on("pageerror", (error) => pageErrors.push(`${name}: ${error.message}`));
      pages[name] = { page, wallet };
    }
  });

  // The main job stays up for the main job's own test; a root hook stops it after the last suite.
  after(async function () {
    await context?.close();
    if (profileDir) await rm(profileDir, { recursive: true, force: true });
    console.log(`      timings (ms): ${JSON.stringify(timings)}`);
  });

  it("loads from the indexer (no fallback notice) and shows the open proposal Active with no votes", async function () {
    for (const [name, { page }] of Object.entries(pages)) {
      await page.bringToFront();
      await timed(`page load ${name}`, async () => {
        await page.goto(home!.pageUrl);
        await page.locator("body[data-ready=true]").waitFor({ timeout: 30_000 });
      });
      expect(await page.getByTestId("source-notice").isVisible(), "fallback notice shown").to.equal(false);
      expect(await page.getByTestId("source-notice").getAttribute("data-source")).to.equal("indexer");
      expect(await text(page, "error"), `${name}: no error`).to.equal("");
    }
    const { page } = await use("alice");
    expect(await text(page, "network")).to.equal(`Chain 31337 · governor ${addresses.governor}`);
    expect(await page.getByTestId("proposal").count(), "proposals listed").to.equal(2);
    const states = await page.getByTestId("proposal").getByTestId("state").allInnerTexts();
    expect(states, "newest first").to.deep.equal(["Active", "Executed"]);

    const onChain = await reader.governance.getProposal({ proposalId });
    expect(onChain.state).to.equal("Active");
    const item = proposalItem(page);
    expect(await item.getByTestId("description").innerText()).to.match(new RegExp(`^${OPEN_PROPOSAL}`));
    expect(await item.getByTestId("state").innerText()).to.equal("Active");
    expect(await item.getByTestId("timing").innerText()).to.equal(
      `· Voting closes ${pageTime(onChain.deadline)} (in 7 days)`,
    );
    expect(await item.getByTestId("vote-hint").innerText()).to.equal("Connect your wallet to vote.");
    expect(await item.getByTestId("vote").isDisabled(), "vote button before connecting").to.equal(true);
    await expectTallies(page, { for: 0n, against: 0n, abstain: 0n });
  });

  it("connects the injected wallets; the scenario's voters show their own delegation", async function () {
    for (const name of ["alice", "bob", "carol"] as const) {
      await connect(name);
      const { page, wallet } = pages[name];
      expect(await text(page, "voting-power"), `${name}'s voting power`).to.equal("150,000 ATLAS");
      expect(await text(page, "delegate")).to.equal(`Yourself (${short(wallet.account.address)})`);
      expect(await proposalItem(page).getByTestId("vote").isEnabled(), `${name} may vote`).to.equal(true);
    }
  });

  it("dave delegates to himself through the form; the page, the chain and the indexer agree", async function () {
    const { page, wallet } = await use("dave");
    const account = wallet.account.address;
    await connect("dave");
    expect(await text(page, "voting-power")).to.equal("0 ATLAS");
    expect(await text(page, "delegate")).to.match(/^Nobody yet/);
    // 150,000 ATLAS at genesis, 50,000 of which the scenario sent to its off-chain signer.
    const balance = await publicClient.readContract({
      address: addresses.token,
      abi: atlasTokenAbi,
      functionName: "balanceOf",
      args: [account],
    });
    expect(balance, "dave's balance").to.equal(100_000n * ATLAS);

    await page.getByTestId("delegatee").fill(account.toLowerCase());
    await timed("delegate (click to page updated)", async () => {
      await page.getByTestId("delegate-submit").click();
      await waitForText(page, "message", "Delegated to yourself");
    });
    expect(await text(page, "message")).to.equal(
      "Delegated to yourself: your tokens now vote directly (on proposals created from now on).",
    );
    expect(await text(page, "voting-power")).to.equal("100,000 ATLAS");
    expect(await text(page, "delegate")).to.equal(`Yourself (${short(account)})`);
    expect(await reader.governance.getDelegate({ account }), "delegate on chain").to.equal(account);
    expect(await reader.governance.getVotes({ account }), "votes on chain").to.equal(balance);

    const deadline = Date.now() + 30_000;
    let indexed: { votingPower: string; delegate: Address | null };
    do {
      indexed = await indexer(`/accounts/${account}`);
      if (indexed.delegate === account) break;
      await new Promise((r) => setTimeout(r, 200));
    } while (Date.now() < deadline);
    expect(indexed, "the indexer's account").to.deep.include({ delegate: account, votingPower: String(balance) });
  });

  it("alice votes For with a reason; the page shows the new tally, and the chain and the indexer agree", async function () {
    const { page, wallet } = await use("alice");
    const account = wallet.account.address;
    const item = proposalItem(page);
    await item.getByTestId("support-for").check();
    await item.getByTestId("reason").fill("The page is how most members will vote.");
    await timed("vote (click to tally)", async () => {
      await item.getByTestId("vote").click();
      await waitForText(page, "message", "Voted For");
    });
    expect(await text(page, "message")).to.equal(
      "Voted For with 150,000 ATLAS: “The page is how most members will vote.”.",
    );
    expect(await item.getByTestId("vote-hint").innerText()).to.equal("You have voted on this proposal.");
    expect(await item.getByTestId("vote").isDisabled(), "vote button after voting").to.equal(true);

    const indexed = await expectTallies(page, { for: 150_000n * ATLAS, against: 0n, abstain: 0n });
    expect(indexed.votes, "votes indexed").to.have.length(1);
    expect(indexed.votes[0]).to.deep.include({
      voter: account,
      support: "for",
      weight: String(150_000n * ATLAS),
      reason: "The page is how most members will vote.",
    });
    const casts = await publicClient.getContractEvents({
      address: addresses.governor,
      abi: atlasGovernorAbi,
      eventName: "VoteCast",
      args: { voter: account },
      fromBlock: 0n,
    });
    // alice voted on the scenario's first proposal too.
    const cast = casts.find((event) => event.args.proposalId === proposalId);
    expect(cast?.args).to.deep.include({
      voter: account,
      proposalId,
      support: 1,
      weight: 150_000n * ATLAS,
      reason: "The page is how most members will vote.",
    });
  });

  it("carol rejects the ballot signature in her wallet: the page says so, and nothing is counted", async function () {
    const { page, wallet } = await use("carol");
    const item = proposalItem(page);
    // The indexer has alice's vote (checked above): a refresh shows it on carol's page.
    await page.getByTestId("refresh").click();
    await waitForText(page, "message", "Proposals refreshed.");
    await item.getByTestId("support-against").check();
    const before = wallet.requests.length;
    wallet.rejectNext();
    await timed("rejected signature (click to message)", async () => {
      await item.getByTestId("vote-by-signature").click();
      await waitForText(page, "error", "cancelled");
    });
    expect(await text(page, "error")).to.equal(
      "Signed vote cancelled: The request was rejected in the wallet. Nothing was signed or sent.",
    );
    const asked = wallet.requests.slice(before);
    expect(
      asked.filter((m) => m === "eth_signTypedData_v4"),
      "signature requests",
    ).to.have.length(1);
    expect(asked, "no transaction sent").not.to.include("eth_sendTransaction");
    expect(await reader.governance.hasVoted({ proposalId, account: wallet.account.address })).to.equal(false);
    await expectTallies(page, { for: 150_000n * ATLAS, against: 0n, abstain: 0n });
    expect(await item.getByTestId("vote").isEnabled(), "carol may still vote").to.equal(true);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await timed("screenshot", () =>
      page.screenshot({ path: path.join(SCREENSHOTS, "governance-rejected-signature.png"), fullPage: true }),
    );
  });

  it("bob votes Against by EIP-712 signature; every page, the chain and the indexer agree", async function () {
    const { page, wallet } = await use("bob");
    const account = wallet.account.address;
    const item = proposalItem(page);
    await item.getByTestId("support-against").check();
    const before = wallet.requests.length;
    await timed("vote by signature (click to tally)", async () => {
      await item.getByTestId("vote-by-signature").click();
      await waitForText(page, "message", "Signed vote Against");
    });
    expect(await text(page, "message")).to.equal(
      `Signed vote Against by ${short(account)} counted with 150,000 ATLAS.`,
    );
    const approvals = wallet.requests
      .slice(before)
      .filter((m) => m === "eth_signTypedData_v4" || m === "eth_sendTransaction");
    expect(approvals, "the wallet signed typed data, then sent castVoteBySig").to.deep.equal([
      "eth_signTypedData_v4",
      "eth_sendTransaction",
    ]);
    const tally = { for: 150_000n * ATLAS, against: 150_000n * ATLAS, abstain: 0n };
    const indexed = await expectTallies(page, tally);
    expect(indexed.votes.map((v) => [v.voter, v.support, v.reason])).to.deep.equal([
      [pages.alice.wallet.account.address, "for", "The page is how most members will vote."],
      [account, "against", ""],
    ]);
    expect(await reader.governance.hasVoted({ proposalId, account }), "bob voted").to.equal(true);
    expect(
      await publicClient.readContract({
        address: addresses.governor,
        abi: atlasGovernorAbi,
        functionName: "nonces",
        args: [account],
      }),
      "ballot nonce used",
    ).to.equal(1n);

    // The indexer has caught up: a refresh reads the lists from it, on every page.
    for (const { page: other } of Object.values(pages)) {
      await other.bringToFront();
      await other.getByTestId("refresh").click();
      await waitForText(other, "message", "Proposals refreshed.");
      expect(await other.getByTestId("source-notice").isVisible(), "fallback notice after refresh").to.equal(false);
      expect(await shownTallies(other), "tallies after a refresh").to.deep.equal(asShown(tally));
    }
    await pages.alice.page.screenshot({ path: path.join(SCREENSHOTS, "governance.png"), fullPage: true });
  });

  it("dave's vote fails on chain, in the SDK's sentence: he had no voting power at the snapshot", async function () {
    const { page, wallet } = await use("dave");
    const account = wallet.account.address;
    const item = proposalItem(page);
    await item.getByTestId("support-for").check();
    await item.getByTestId("vote").click();
    await waitForText(page, "error", "failed on chain");
    const { snapshot } = await reader.governance.getProposal({ proposalId });
    const sentence = new AtlasContractError(
      "AtlasGovernorZeroVotingPower",
      [proposalId, account, snapshot],
      undefined,
      governanceErrors,
    ).shortMessage;
    expect(sentence, "the SDK's sentence").to.match(/had no voting power at the snapshot/);
    expect(await text(page, "error")).to.equal(`Vote failed on chain: ${sentence}`);
    expect(await reader.governance.hasVoted({ proposalId, account }), "dave voted").to.equal(false);
    await expectTallies(page, { for: 150_000n * ATLAS, against: 150_000n * ATLAS, abstain: 0n });
    await page.screenshot({ path: path.join(SCREENSHOTS, "governance-vote-failed.png"), fullPage: true });
  });

  it("tells the user to switch network when the wallet is on another chain, and switches it", async function () {
    const { page, wallet } = await use("alice");
    await wallet.switchChain(1);
    await page.getByTestId("switch-chain").waitFor({ state: "visible" });
    await page.getByTestId("delegate-self").click();
    await waitForText(page, "error", "not sent");
    expect(await text(page, "error")).to.equal(
      "Delegate not sent: The wallet is on chain 1, but Atlas OS is read from chain 31337: switch the wallet's network.",
    );
    await page.getByTestId("switch-chain").click();
    await waitForText(page, "message", "now on chain");
    expect(await text(page, "message")).to.equal("The wallet is now on chain 31337.");
    expect(await page.getByTestId("switch-chain").isVisible(), "switch button after switching").to.equal(false);
    expect(pageErrors, "uncaught errors in the pages").to.deep.equal([]);
  });
});
