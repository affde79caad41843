/**
 * The governance page: proposals with their state, tallies and deadlines; the connected wallet's
 * voting power and delegate; delegate, vote (with a reason) and vote by EIP-712 signature.
 */
import {
  createPublicClient,
  createWalletClient,
  custom,
  defineChain,
  erc20Abi,
  getAddress,
  http,
  isAddress,
  type Address,
  type Chain,
  type EIP1193Provider,
  type PublicClient,
  type WalletClient,
} from "viem";

import { createAtlasClient, decodeAtlasError, governance, governanceErrors, type VoteSupport } from "@atlas-os/sdk";

import { loadConfig, type AppConfig } from "./config.ts";
import {
  formatTimepoint,
  formatVotes,
  isoTimepoint,
  relativeTo,
  shortAddress,
  shortProposalId,
  type TokenUnit,
} from "./format.ts";
import { failureMessage } from "./messages.ts";
import {
  chainSource,
  indexerSource,
  type AccountRow,
  type GovernanceClient,
  type GovernanceSource,
  type ProposalRow,
} from "./sources.ts";

declare global {
  interface Window {
    ethereum?: EIP1193Provider;
  }
}

const SUPPORT_LABELS: Record<VoteSupport, string> = { for: "For", against: "Against", abstain: "Abstain" };

function element<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`#${id} is missing from index.html`);
  return found as T;
}

const ui = {
  network: element("network"),
  sourceNotice: element("source-notice"),
  message: element("message"),
  error: element("error"),
  switchChainHint: element("switch-chain-hint"),
  switchChain: element<HTMLButtonElement>("switch-chain"),
  connect: element<HTMLButtonElement>("connect"),
  account: element("account"),
  votingPower: element("voting-power"),
  delegate: element("delegate"),
  delegateForm: element<HTMLFormElement>("delegate-form"),
  delegatee: element<HTMLInputElement>("delegatee"),
  delegateSelf: element<HTMLButtonElement>("delegate-self"),
  refresh: element<HTMLButtonElement>("refresh"),
  chainTime: element("chain-time"),
  proposals: element<HTMLOListElement>("proposals"),
};

/** Everything the page knows; set once the configuration is loaded. */
interface Session {
  readonly config: AppConfig;
  readonly chain: Chain;
  readonly publicClient: PublicClient;
  readonly unit: TokenUnit;
  atlas: GovernanceClient;
  source: GovernanceSource;
  wallet: WalletClient | undefined;
  account: Address | undefined;
  /** The latest block's timestamp: the clock proposals are measured against. */
  now: bigint;
  busy: boolean;
  readonly rows: Map<bigint, ProposalRow>;
  /** Proposals the connected account has voted on. */
  readonly voted: Set<bigint>;
}

let session: Session | undefined;

/* Messages */

function say(text: string): void {
  ui.error.textContent = "";
  ui.switchChainHint.hidden = true;
  ui.message.textContent = text;
}

function fail(action: string, error: unknown): void {
  const { text, wrongChain } = failureMessage(action, error);
  ui.message.textContent = "";
  ui.error.textContent = text;
  ui.switchChainHint.hidden = !wrongChain;
  console.error(error);
}

/**
 * Runs a user action: one at a time, buttons disabled meanwhile, its outcome in the message
 * regions. `run` returns the success sentence.
 */
async function act(action: string, run: (s: Session) => Promise<string>): Promise<void> {
  const s = session;
  if (s === undefined || s.busy) return;
  s.busy = true;
  setBusy(true);
  try {
    say(`${action}: confirm in your wallet…`);
    say(await run(s));
  } catch (error) {
    fail(action, error);
  } finally {
    s.busy = false;
    setBusy(false);
  }
}

function setBusy(busy: boolean): void {
  document.body.toggleAttribute("aria-busy", busy);
  for (const button of document.querySelectorAll<HTMLButtonElement>("button[data-action]")) {
    button.disabled = busy || button.dataset.blocked === "true";
  }
}

/* Wallet */

function walletProvider(): EIP1193Provider | undefined {
  return window.ethereum;
}

async function connect(): Promise<void> {
  let walletChainId: number | undefined;
  await act("Connect", async (s) => {
    const provider = walletProvider();
    if (provider === undefined) throw new Error("No wallet found: install a browser wallet (EIP-1193).");
    const wallet = createWalletClient({ chain: s.chain, transport: custom(provider) });
    let addresses: Address[];
    try {
      addresses = await wallet.requestAddresses();
    } catch (error) {
      throw decodeAtlasError(error, governanceErrors);
    }
    const account = addresses[0];
    if (account === undefined) throw new Error("The wallet shared no account.");
    s.wallet = wallet;
    s.atlas = createAtlasClient({
      publicClient: s.publicClient,
      walletClient: wallet,
      addresses: s.config.addresses,
      chainId: s.config.chainId,
      layers: { governance },
    });
    await showAccount(s, getAddress(account));
    walletChainId = await wallet.getChainId();
    return walletChainId === s.config.chainId
      ? `Connected ${shortAddress(getAddress(account))}.`
      : `Connected ${shortAddress(getAddress(account))}, but the wallet is on chain ${walletChainId}: switch it to chain ${s.config.chainId} to vote.`;
  });
  const s = session;
  if (s?.account === undefined) return;
  ui.connect.textContent = "Connected";
  ui.connect.dataset.blocked = "true";
  ui.connect.disabled = true;
  for (const button of ui.delegateForm.querySelectorAll<HTMLButtonElement>("button")) {
    button.dataset.blocked = "false";
    button.disabled = false;
  }
  ui.switchChainHint.hidden = walletChainId === s.config.chainId;
}

async function switchNetwork(): Promise<void> {
  await act("Switch network", async (s) => {
    if (s.wallet === undefined) throw new Error("Connect your wallet first.");
    try {
      await s.wallet.switchChain({ id: s.config.chainId });
    } catch (error) {
      throw decodeAtlasError(error, governanceErrors);
    }
    return `The wallet is now on chain ${s.config.chainId}.`;
  });
}

async function showAccount(s: Session, account: Address | undefined, fromChain = false): Promise<void> {
  s.account = account;
  if (account === undefined) {
    ui.account.textContent = "Not connected";
    ui.votingPower.textContent = "–";
    ui.delegate.textContent = "–";
  } else {
    const row: AccountRow = await (fromChain ? chainSource(s.atlas) : s.source)
      .account(account)
      .catch(() => chainSource(s.atlas).account(account));
    ui.account.textContent = account;
    ui.account.title = account;
    ui.votingPower.textContent = formatVotes(row.votingPower, s.unit);
    ui.delegate.textContent =
      row.delegate === undefined
        ? "Nobody yet: delegate (to yourself to vote directly) to turn your tokens into votes"
        : row.delegate === account
          ? `Yourself (${shortAddress(account)})`
          : row.delegate;
  }
  await loadVoted(s);
  for (const row of s.rows.values()) updateProposal(s, row);
}

async function loadVoted(s: Session): Promise<void> {
  const account = s.account;
  const ids = [...s.rows.keys()];
  const voted =
    account === undefined
      ? []
      : await Promise.all(ids.map((proposalId) => s.atlas.governance.hasVoted({ proposalId, account })));
  s.voted.clear();
  for (const [i, id] of ids.entries()) if (voted[i] === true) s.voted.add(id);
}

/* Delegation */

async function delegate(to: "self" | "input"): Promise<void> {
  await act("Delegate", async (s) => {
    if (s.account === undefined) throw new Error("Connect your wallet first.");
    const typed = ui.delegatee.value.trim();
    if (to === "input" && !isAddress(typed, { strict: false })) {
      throw new Error(`"${typed}" is not an address: enter 0x followed by 40 hexadecimal digits.`);
    }
    const delegatee = to === "self" ? s.account : getAddress(typed);
    const { toDelegate } = await s.atlas.governance.delegate({ delegatee });
    ui.delegatee.value = "";
    await showAccount(s, s.account, true);
    return toDelegate === s.account
      ? "Delegated to yourself: your tokens now vote directly (on proposals created from now on)."
      : `Delegated to ${toDelegate}.`;
  });
}

/* Proposals */

async function loadProposals(s: Session): Promise<void> {
  ui.proposals.setAttribute("aria-busy", "true");
  const [rows, block] = await Promise.all([s.source.proposals(), s.publicClient.getBlock({ blockTag: "latest" })]);
  s.now = block.timestamp;
  ui.chainTime.textContent = `Chain time ${formatTimepoint(block.timestamp)} (block ${block.number}).`;
  s.rows.clear();
  ui.proposals.replaceChildren();
  for (const row of rows) {
    s.rows.set(row.id, row);
    ui.proposals.append(proposalItem(row));
    updateProposal(s, row);
  }
  if (rows.length === 0) {
    const empty = document.createElement("li");
    empty.className = "muted";
    empty.textContent = "No proposals yet.";
    ui.proposals.append(empty);
  }
  ui.proposals.setAttribute("aria-busy", "false");
}

/** Re-reads one proposal from the chain (right after a write, before any indexer catches up). */
async function refreshProposal(s: Session, id: bigint): Promise<void> {
  const row = s.rows.get(id);
  if (row === undefined) return;
  const [fresh, block] = await Promise.all([
    chainSource(s.atlas).refreshed(row),
    s.publicClient.getBlock({ blockTag: "latest" }),
  ]);
  s.now = block.timestamp;
  s.rows.set(id, fresh);
  updateProposal(s, fresh);
}

function proposalItem(row: ProposalRow): HTMLLIElement {
  const key = row.id.toString();
  const item = document.createElement("li");
  item.className = "proposal";
  item.dataset.testid = "proposal";
  item.dataset.proposalId = key;

  const article = document.createElement("article");
  article.setAttribute("aria-labelledby", `proposal-${key}-title`);
  const title = document.createElement("h3");
  title.id = `proposal-${key}-title`;
  title.dataset.testid = "description";
  title.textContent = row.description.split("\n")[0] || "(no description)";
  const meta = document.createElement("p");
  meta.className = "muted";
  meta.textContent = `Proposal ${shortProposalId(row.id)} by ${shortAddress(row.proposer)}`;
  meta.title = `Proposal ${key} by ${row.proposer}`;

  const status = document.createElement("p");
  status.className = "status";
  const state = document.createElement("span");
  state.className = "state";
  state.dataset.testid = "state";
  const timing = document.createElement("span");
  timing.dataset.testid = "timing";
  status.append(state, " ", timing);

  const tallies = document.createElement("dl");
  tallies.className = "tallies";
  for (const support of ["for", "against", "abstain"] as const) {
    const group = document.createElement("div");
    group.className = `tally tally-${support}`;
    const dt = document.createElement("dt");
    dt.textContent = SUPPORT_LABELS[support];
    const dd = document.createElement("dd");
    dd.dataset.testid = `tally-${support}`;
    group.append(dt, dd);
    tallies.append(group);
  }

  article.append(title, meta, status, tallies, voteForm(row));
  item.append(article);
  return item;
}

function voteForm(row: ProposalRow): HTMLFormElement {
  const key = row.id.toString();
  const form = document.createElement("form");
  form.className = "vote";
  form.dataset.testid = "vote-form";

  const fieldset = document.createElement("fieldset");
  const legend = document.createElement("legend");
  legend.textContent = "Your vote";
  fieldset.append(legend);
  for (const support of ["for", "against", "abstain"] as const) {
    const label = document.createElement("label");
    const radio = document.createElement("input");
    radio.type = "radio";
    radio.name = "support";
    radio.value = support;
    radio.required = true;
    radio.dataset.testid = `support-${support}`;
    label.append(radio, ` ${SUPPORT_LABELS[support]}`);
    fieldset.append(label);
  }

  const reasonLabel = document.createElement("label");
  reasonLabel.htmlFor = `reason-${key}`;
  reasonLabel.textContent = "Reason (optional, recorded on chain with a direct vote)";
  const reason = document.createElement("textarea");
  reason.id = `reason-${key}`;
  reason.name = "reason";
  reason.rows = 2;
  reason.dataset.testid = "reason";

  const actions = document.createElement("div");
  actions.className = "actions";
  const vote = document.createElement("button");
  vote.type = "submit";
  vote.dataset.action = "vote";
  vote.dataset.testid = "vote";
  vote.textContent = "Vote";
  const bySignature = document.createElement("button");
  bySignature.type = "button";
  bySignature.dataset.action = "vote-by-signature";
  bySignature.dataset.testid = "vote-by-signature";
  bySignature.textContent = "Sign vote (EIP-712) and submit";
  const hint = document.createElement("p");
  hint.className = "muted";
  hint.dataset.testid = "vote-hint";
  hint.id = `vote-hint-${key}`;
  vote.setAttribute("aria-describedby", hint.id);
  bySignature.setAttribute("aria-describedby", hint.id);
  actions.append(vote, bySignature);

  const chosen = (): VoteSupport | undefined =>
    (form.querySelector<HTMLInputElement>("input[name=support]:checked")?.value as VoteSupport | undefined) ??
    undefined;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const support = chosen();
    if (support !== undefined) void castVote(row.id, support, reason.value.trim());
  });
  bySignature.addEventListener("click", () => {
    const support = chosen();
    if (support === undefined) form.reportValidity();
    else void castVoteBySignature(row.id, support);
  });

  form.append(fieldset, reasonLabel, reason, actions, hint);
  return form;
}

function updateProposal(s: Session, row: ProposalRow): void {
  const item = ui.proposals.querySelector<HTMLLIElement>(`li[data-proposal-id="${row.id}"]`);
  if (item === null) return;
  const field = (testid: string) => item.querySelector<HTMLElement>(`[data-testid="${testid}"]`)!;
  field("state").textContent = row.state;
  field("state").dataset.state = row.state;
  const timing = field("timing");
  const at = (label: string, timepoint: bigint) => {
    const time = document.createElement("time");
    time.dateTime = isoTimepoint(timepoint);
    time.dataset.testid = "deadline";
    time.textContent = formatTimepoint(timepoint);
    timing.replaceChildren(`${label} `, time, ` (${relativeTo(timepoint, s.now)})`);
  };
  if (row.state === "Pending") at("· Voting opens", row.voteStart);
  else if (row.state === "Active") at("· Voting closes", row.deadline);
  else if (row.state === "Queued" && row.eta !== undefined) at("· Executable from", row.eta);
  else at("· Voting closed", row.deadline);
  for (const support of ["for", "against", "abstain"] as const) {
    field(`tally-${support}`).textContent = formatVotes(row.votes[support], s.unit);
  }

  const voted = s.voted.has(row.id);
  const blocked = s.account === undefined || row.state !== "Active" || voted;
  field("vote-hint").textContent =
    s.account === undefined
      ? "Connect your wallet to vote."
      : voted
        ? "You have voted on this proposal."
        : row.state === "Pending"
          ? "Voting has not opened yet."
          : row.state !== "Active"
            ? "Voting is closed."
            : "A direct vote is a transaction from your wallet. A signed vote: your wallet signs EIP-712 typed data (a ballot), then submits it with castVoteBySig; it carries no reason.";
  for (const button of item.querySelectorAll<HTMLButtonElement>("button[data-action]")) {
    button.dataset.blocked = String(blocked);
    button.disabled = blocked || s.busy;
  }
}

async function castVote(proposalId: bigint, support: VoteSupport, reason: string): Promise<void> {
  await act("Vote", async (s) => {
    const { weight } = await s.atlas.governance.castVote({
      proposalId,
      support,
      ...(reason === "" ? {} : { reason }),
    });
    await Promise.all([refreshProposal(s, proposalId), showAccount(s, s.account, true)]);
    return `Voted ${SUPPORT_LABELS[support]} with ${formatVotes(weight, s.unit)}${reason === "" ? "" : `: “${reason}”`}.`;
  });
}

async function castVoteBySignature(proposalId: bigint, support: VoteSupport): Promise<void> {
  await act("Signed vote", async (s) => {
    const ballot = await s.atlas.governance.signBallot({ proposalId, support });
    say(`Ballot signed by ${shortAddress(ballot.voter)}: submitting it with castVoteBySig, confirm in your wallet…`);
    const { weight } = await s.atlas.governance.castVoteBySig(ballot);
    await Promise.all([refreshProposal(s, proposalId), showAccount(s, s.account, true)]);
    return `Signed vote ${SUPPORT_LABELS[support]} by ${shortAddress(ballot.voter)} counted with ${formatVotes(weight, s.unit)}.`;
  });
}

/* Start */

async function refreshAll(s: Session): Promise<void> {
  const indexer = await indexerSource(s.config.indexerUrl);
  s.source = indexer ?? chainSource(s.atlas);
  ui.sourceNotice.hidden = indexer !== undefined;
  ui.sourceNotice.dataset.source = s.source.kind;
  ui.sourceNotice.textContent =
    indexer === undefined
      ? `The indexer (${s.config.indexerUrl}) is unreachable: proposals are read from the chain directly, which is slower.`
      : "";
  await loadProposals(s);
  if (s.account !== undefined) await showAccount(s, s.account);
}

async function start(): Promise<void> {
  let config: AppConfig;
  try {
    config = await loadConfig();
  } catch (error) {
    ui.network.textContent = "";
    ui.error.textContent = `The page cannot start: ${error instanceof Error ? error.message : String(error)}`;
    return;
  }
  const chain = defineChain({
    id: config.chainId,
    name: `Chain ${config.chainId}`,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [config.rpcUrl] } },
  });
  const publicClient = createPublicClient({ chain, transport: http(config.rpcUrl) }) as PublicClient;
  const atlas = createAtlasClient({
    publicClient,
    addresses: config.addresses,
    chainId: config.chainId,
    layers: { governance },
  });
  ui.network.textContent = `Chain ${config.chainId} · governor ${config.addresses.governor}`;
  try {
    // The token's ERC-20 metadata: viem's ERC-20 ABI, not the SDK's whole token ABI.
    const token = { address: config.addresses.token, abi: erc20Abi } as const;
    const [symbol, decimals] = await Promise.all([
      publicClient.readContract({ ...token, functionName: "symbol" }),
      publicClient.readContract({ ...token, functionName: "decimals" }),
    ]);
    session = {
      config,
      chain,
      publicClient,
      unit: { symbol, decimals },
      atlas,
      source: chainSource(atlas),
      wallet: undefined,
      account: undefined,
      now: 0n,
      busy: false,
      rows: new Map(),
      voted: new Set(),
    };
    await refreshAll(session);
  } catch (error) {
    fail("Loading governance", error);
    return;
  }

  const provider = walletProvider();
  if (provider === undefined) {
    ui.connect.disabled = true;
    ui.connect.dataset.blocked = "true";
    say("No wallet found: install a browser wallet (EIP-1193) to vote.");
  } else {
    provider.on("accountsChanged", (accounts) => {
      const s = session;
      if (s?.wallet === undefined) return;
      const next = accounts[0];
      void showAccount(s, next === undefined ? undefined : getAddress(next));
    });
    provider.on("chainChanged", (chainId) => {
      const s = session;
      if (s?.wallet === undefined) return;
      ui.switchChainHint.hidden = Number(chainId) === s.config.chainId;
    });
  }
  ui.connect.dataset.action = "connect";
  ui.connect.addEventListener("click", () => void connect());
  ui.switchChain.dataset.action = "switch-chain";
  ui.switchChain.addEventListener("click", () => void switchNetwork());
  ui.delegateSelf.addEventListener("click", () => void delegate("self"));
  ui.delegateForm.addEventListener("submit", (event) => {
    event.preventDefault();
    void delegate("input");
  });
  for (const button of ui.delegateForm.querySelectorAll<HTMLButtonElement>("button")) {
    button.dataset.action = "delegate";
    button.dataset.blocked = "true"; // until a wallet is connected
    button.disabled = true;
  }
  ui.refresh.dataset.action = "refresh";
  ui.refresh.addEventListener("click", () => {
    const s = session;
    if (s === undefined || s.busy) return;
    void refreshAll(s).then(
      () => say("Proposals refreshed."),
      (error: unknown) => fail("Refresh", error),
    );
  });
  document.body.dataset.ready = "true";
}

void start();
