/**
 * A browser wallet for tests: `window.ethereum` (EIP-1193) injected into a page before it loads,
 * whose requests are answered in the test process. A viem local account (a dev key) signs typed
 * data (`eth_signTypedData_v4`) and transactions (sent raw to the node); reads go to the node.
 * Like a real wallet, it can be on another chain, and its user can reject a request.
 */
import {
  createWalletClient,
  defineChain,
  getAddress,
  http,
  isAddressEqual,
  toHex,
  type Hex,
  type LocalAccount,
  type TypedDataDefinition,
} from "viem";
import type { Page } from "playwright-core";

/** Requests a real wallet asks its user to approve. */
const APPROVALS = new Set([
  "eth_requestAccounts",
  "eth_sendTransaction",
  "eth_signTypedData_v4",
  "personal_sign",
  "wallet_switchEthereumChain",
]);

/** The EIP-1193 error a wallet answers when its user declines. */
const USER_REJECTED = { code: 4001, message: "User rejected the request." } as const;

type Answer = { result: unknown } | { error: { code: number; message: string; data?: unknown } };

export interface InjectedWallet {
  /** The selected account. */
  readonly account: LocalAccount;
  /** Methods the page asked for, in order. */
  readonly requests: string[];
  /** The user declines the next request that needs approval (EIP-1193 code 4001). */
  rejectNext(): void;
  /** Moves the wallet to another chain, as its user would, and tells the page (`chainChanged`). */
  switchChain(chainId: number): Promise<void>;
  /** Selects another account, as its user would, and tells the page (`accountsChanged`). */
  switchAccount(account: LocalAccount): Promise<void>;
}

export async function injectWallet(
  page: Page,
  { account: first, rpcUrl, chainId }: { account: LocalAccount; rpcUrl: string; chainId: number },
): Promise<InjectedWallet> {
  const nodeChain = defineChain({
    id: chainId,
    name: "test chain",
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
  const signerOf = (account: LocalAccount) =>
    createWalletClient({ account, chain: nodeChain, transport: http(rpcUrl) });
  let account = first;
  let signer = signerOf(account);
  let walletChainId = chainId;
  let connected = false;
  let rejecting = false;
  const requests: string[] = [];

  const emit = (event: string, value: unknown) =>
    page.evaluate(
      ({ event, value }: { event: string; value: unknown }) =>
        (globalThis as unknown as TestWalletWindow).__atlasTestWalletEmit(event, value),
      { event, value },
    );

  const forward = async (method: string, params: unknown[]): Promise<Answer> => {
    const response = await fetch(rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
    });
    const body = (await response.json()) as Answer;
    return "error" in body ? { error: body.error } : { result: body.result };
  };

  const answer = async (method: string, params: unknown[]): Promise<Answer> => {
    requests.push(method);
    if (APPROVALS.has(method) && rejecting) {
      rejecting = false;
      return { error: USER_REJECTED };
    }
    switch (method) {
      case "eth_requestAccounts":
        connected = true;
        return { result: [account.address] };
      case "eth_accounts":
        return { result: connected ? [account.address] : [] };
      case "eth_chainId":
        return { result: toHex(walletChainId) };
      case "wallet_switchEthereumChain": {
        const [{ chainId: requested }] = params as [{ chainId: Hex }];
        if (Number(requested) !== chainId)
          return { error: { code: 4902, message: `Unrecognized chain ${requested}.` } };
        walletChainId = chainId;
        await emit("chainChanged", requested);
        return { result: null };
      }
      case "eth_signTypedData_v4": {
        const [from, json] = params as [Hex, string];
        if (!isAddressEqual(from, account.address))
          return { error: { code: 4100, message: `Unknown account ${from}.` } };
        return { result: await account.signTypedData(JSON.parse(json) as TypedDataDefinition) };
      }
      case "personal_sign": {
        const [message] = params as [Hex];
        return { result: await account.signMessage({ message: { raw: message } }) };
      }
      case "eth_sendTransaction": {
        if (walletChainId !== chainId) return { error: { code: 4901, message: "The wallet is on another chain." } };
        const [tx] = params as [{ from: Hex; to?: Hex; data?: Hex; value?: Hex; gas?: Hex }];
        if (!isAddressEqual(tx.from, account.address)) {
          return { error: { code: 4100, message: `Unknown account ${tx.from}.` } };
        }
        const hash = await signer.sendTransaction({
          to: tx.to === undefined ? null : getAddress(tx.to),
          data: tx.data,
          value: tx.value === undefined ? undefined : BigInt(tx.value),
          gas: tx.gas === undefined ? undefined : BigInt(tx.gas),
        });
        return { result: hash };
      }
      default:
        return forward(method, params);
    }
  };

  await page.exposeFunction("__atlasTestWalletRequest", async (method: string, params: unknown[]) => {
    try {
      return await answer(method, params);
    } catch (error) {
      return { error: { code: -32603, message: error instanceof Error ? error.message : String(error) } };
    }
  });
  await page.addInitScript(installProvider);

  return {
    get account() {
      return account;
    },
    requests,
    rejectNext: () => {
      rejecting = true;
    },
    switchChain: async (id) => {
      walletChainId = id;
      await emit("chainChanged", toHex(id));
    },
    switchAccount: async (next) => {
      account = next;
      signer = signerOf(next);
      if (connected) await emit("accountsChanged", [next.address]);
    },
  };
}

interface TestWalletWindow {
  __atlasTestWalletRequest(method: string, params: unknown[]): Promise<Answer>;
  __atlasTestWalletEmit(event: string, value: unknown): void;
  ethereum?: unknown;
}

/** Runs in the page, before its own scripts: defines `window.ethereum`. */
function installProvider(): void {
  const w = globalThis as unknown as TestWalletWindow;
  const listeners = new Map<string, Set<(value: unknown) => void>>();
  w.__atlasTestWalletEmit = (event, value) => listeners.get(event)?.forEach((listener) => listener(value));
  w.ethereum = {
    isAtlasTestWallet: true,
    async request({ method, params }: { method: string; params?: unknown[] }) {
      const answer = await w.__atlasTestWalletRequest(method, params ?? []);
      if ("result" in answer) return answer.result;
      throw Object.assign(new Error(answer.error.message), answer.error);
    },
    on(event: string, listener: (value: unknown) => void) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
    },
    removeListener(event: string, listener: (value: unknown) => void) {
      listeners.get(event)?.delete(listener);
    },
  };
}
