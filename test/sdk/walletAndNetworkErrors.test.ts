import { createServer } from "node:net";

import { expect } from "chai";
import {
  createPublicClient,
  createWalletClient,
  custom,
  http,
  UserRejectedRequestError,
  BaseError,
  type EIP1193RequestFn,
} from "viem";
import { hardhat } from "viem/chains";

import {
  AtlasAddressBookError,
  AtlasContractError,
  AtlasMissingWalletError,
  AtlasNetworkError,
  AtlasUserRejectedError,
  AtlasWrongChainError,
  allLayers,
  createAtlasClient,
  type AtlasClient,
} from "../../sdk/src/index.ts";
import { networkHelpers } from "../helpers/governance.ts";
import {
  atlasFixture,
  chainRequest,
  publicClient,
  rejection,
  testbed,
  treasuryTransfer,
  voter,
  walletClientOf,
  type Testbed,
} from "./fixtures.ts";

const { loadFixture } = networkHelpers;

/** The chain, except that `overrides` answer the methods they name (or throw what they throw). */
function walletRequest(overrides: Record<string, () => unknown>): EIP1193RequestFn {
  return ((args: { method: string; params?: unknown }) => {
    const override = overrides[args.method];
    return override ? Promise.resolve().then(override) : chainRequest(args as never);
  }) as EIP1193RequestFn;
}

const rejectInWallet = () => {
  // What MetaMask and other EIP-1193 wallets throw when the user clicks "Reject".
  throw Object.assign(new Error("User rejected the request."), { code: 4001 });
};

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

const WRONG_CHAIN = "The wallet is on chain 1, but Atlas OS is read from chain 31337: switch the wallet's network.";

describe("SDK wallet and network errors", function () {
  async function fresh(): Promise<Testbed> {
    return testbed(await loadFixture(atlasFixture));
  }

  describe("user rejection", function () {
    function rejectingClient(t: Testbed): AtlasClient {
      const request = walletRequest({ eth_sendTransaction: rejectInWallet, eth_signTypedData_v4: rejectInWallet });
      return createAtlasClient({
        publicClient,
        walletClient: walletClientOf(t.accounts.alice, request),
        addresses: t.addresses,
        layers: allLayers,
      });
    }

    it("turns a transaction rejected in the wallet into AtlasUserRejectedError, and sends nothing", async function () {
      const t = await fresh();
      const error = await rejection(
        rejectingClient(t).governance.delegate({ delegatee: t.accounts.alice }),
        AtlasUserRejectedError,
      );
      expect(error.shortMessage).to.equal("The request was rejected in the wallet.");
      expect(
        error.walk((e) => e instanceof UserRejectedRequestError),
        "keeps viem's error as the cause",
      ).to.be.instanceOf(UserRejectedRequestError);
      expect(await t.reader.governance.getDelegate({ account: t.accounts.alice })).to.equal(undefined);
    });

    it("turns a signature rejected in the wallet into AtlasUserRejectedError", async function () {
      const t = await fresh();
      const governance = rejectingClient(t).governance;
      await rejection(governance.signBallot({ proposalId: 1n, support: "for" }), AtlasUserRejectedError);
      await rejection(
        governance.signDelegation({ delegatee: t.accounts.alice, expiry: 2n ** 40n }),
        AtlasUserRejectedError,
      );
    });

    it("simulates before prompting: a write that would revert fails with its contract error, not a wallet prompt", async function () {
      const t = await fresh();
      const error = await rejection(
        rejectingClient(t).governance.propose(treasuryTransfer(t, "below the threshold")),
        AtlasContractError,
      );
      expect(error.errorName).to.equal("GovernorInsufficientProposerVotes");
    });
  });

  describe("wrong chain", function () {
    const onMainnet = walletRequest({ eth_chainId: () => "0x1" });

    it("reports both chain ids when the wallet switched networks under a client created for the chain", async function () {
      const t = await fresh();
      const walletClient = createWalletClient({
        account: t.accounts.alice,
        chain: hardhat,
        transport: custom({ request: onMainnet }, { retryCount: 0 }),
      });
      const atlas = createAtlasClient({ publicClient, walletClient, addresses: t.addresses, layers: allLayers });
      const error = await rejection(atlas.governance.delegate({ delegatee: t.accounts.alice }), AtlasWrongChainError);
      expect([error.expectedChainId, error.walletChainId]).to.deep.equal([31337, 1]);
      expect(error.shortMessage).to.equal(WRONG_CHAIN);
      expect(await t.reader.governance.getDelegate({ account: t.accounts.alice }), "nothing sent").to.equal(undefined);
    });

    it("reports both chain ids for a wallet client created without a chain, before anything is signed", async function () {
      const t = await fresh();
      const walletClient = createWalletClient({
        account: t.accounts.alice,
        transport: custom({ request: onMainnet }, { retryCount: 0 }),
      });
      const atlas = createAtlasClient({ publicClient, walletClient, addresses: t.addresses, layers: allLayers });
      for (const attempt of [
        atlas.governance.delegate({ delegatee: t.accounts.alice }),
        atlas.governance.signBallot({ proposalId: 1n, support: "for" }),
      ]) {
        const error = await rejection(attempt, AtlasWrongChainError);
        expect([error.expectedChainId, error.walletChainId]).to.deep.equal([31337, 1]);
        expect(error.shortMessage).to.equal(WRONG_CHAIN);
      }
    });
  });

  describe("network failure", function () {
    it("turns an unreachable RPC into AtlasNetworkError, for reads and writes", async function () {
      const t = await fresh();
      const transport = http(`http://127.0.0.1:${await closedPort()}`, { retryCount: 0 });
      const offline = createPublicClient({ chain: hardhat, transport });
      const atlas = createAtlasClient({
        publicClient: offline,
        walletClient: createWalletClient({ account: voter, chain: hardhat, transport }),
        addresses: t.addresses,
        layers: allLayers,
      });
      const message = "The network request failed: the RPC endpoint could not be reached or did not answer in time.";
      for (const attempt of [
        atlas.governance.getProposal({ proposalId: 1n }),
        atlas.governance.getGovernanceSettings(),
        atlas.governance.getProposals(),
        atlas.governance.delegate({ delegatee: voter.address }),
      ]) {
        const error = await rejection(attempt, AtlasNetworkError);
        expect(error.shortMessage).to.equal(message);
        expect(error).not.to.be.instanceOf(AtlasContractError);
      }
    });
  });

  describe("missing wallet", function () {
    it("rejects writes and signatures on a read-only client with AtlasMissingWalletError", async function () {
      const t = await fresh();
      const error = await rejection(
        t.reader.governance.propose(treasuryTransfer(t, "no wallet")),
        AtlasMissingWalletError,
      );
      expect(error.shortMessage).to.equal("propose needs a wallet: create the Atlas client with a walletClient.");
      const signing = await rejection(
        t.reader.governance.signBallot({ proposalId: 1n, support: "for" }),
        AtlasMissingWalletError,
      );
      expect(signing.shortMessage).to.equal("signBallot needs a wallet: create the Atlas client with a walletClient.");
    });

    it("rejects a write when the wallet exposes no account", async function () {
      const t = await fresh();
      const walletClient = createWalletClient({
        chain: hardhat,
        transport: custom({ request: walletRequest({ eth_accounts: () => [] }) }),
      });
      const atlas = createAtlasClient({ publicClient, walletClient, addresses: t.addresses, layers: allLayers });
      const error = await rejection(
        atlas.governance.delegate({ delegatee: t.accounts.alice }),
        AtlasMissingWalletError,
      );
      expect(error.shortMessage).to.equal("delegate needs a wallet: create the Atlas client with a walletClient.");
    });
  });

  describe("address book", function () {
    it("refuses to create a client for a chain without a bundled address book when no addresses are given", function () {
      expect(() => createAtlasClient({ publicClient, layers: allLayers }))
        .to.throw(AtlasAddressBookError)
        .with.property(
          "shortMessage",
          'No Atlas OS address book is bundled for chain 31337: pass `addresses` (on a local chain, read deployments/31337.json with readAddressBook from "@atlas-os/sdk/node").',
        );
      const chainless = createPublicClient({ transport: custom({ request: chainRequest }) });
      expect(() => createAtlasClient({ publicClient: chainless, layers: allLayers }))
        .to.throw(AtlasAddressBookError)
        .with.property("shortMessage", "The public client has no chain: pass `chainId` or create it with a `chain`.");
    });
  });

  it("keeps every SDK error a viem BaseError with the original cause", async function () {
    const t = await fresh();
    const error = await rejection(t.reader.governance.getProposal({ proposalId: 42n }), AtlasContractError);
    expect(error).to.be.instanceOf(BaseError);
    expect(error.cause, "cause").to.be.instanceOf(BaseError);
  });
});
