import type { Account, Chain, PublicClient, Transport, WalletClient } from "viem";

import { addressesOf, type AtlasAddresses } from "./addressBook.ts";
import { deployments } from "./deployments.ts";
import { capitalActions, type CapitalActions } from "./capital/actions.ts";
import { AtlasAddressBookError } from "./errors.ts";
import { governanceActions, type GovernanceActions } from "./governance/actions.ts";
import { graphActions, type GraphActions } from "./graph/actions.ts";
import { interstateActions, type InterstateActions } from "./interstate/actions.ts";

/** What every action reads: the clients and the contract addresses, fixed at creation. */
export interface AtlasContext {
  readonly publicClient: PublicClient<Transport, Chain | undefined>;
  readonly walletClient: WalletClient<Transport, Chain | undefined, Account | undefined> | undefined;
  readonly addresses: AtlasAddresses;
  /** The chain the public client reads, and the one the wallet must be on to write. */
  readonly chainId: number;
}

export interface CreateAtlasClientParameters {
  /** Reads (and simulates writes) on the chain Atlas OS is deployed on. */
  readonly publicClient: PublicClient<Transport, Chain | undefined>;
  /** Signs and sends writes; omit for a read-only client. */
  readonly walletClient?: WalletClient<Transport, Chain | undefined, Account | undefined>;
  /** Contract addresses; default: the bundled address book of the public client's chain. */
  readonly addresses?: AtlasAddresses;
  /** Chain id, when the public client was created without a `chain`. */
  readonly chainId?: number;
}

/** An Atlas OS client: its context plus every layer's actions bound to it. */
export interface AtlasClient extends AtlasContext {
  readonly governance: GovernanceActions;
  /** The Sovereign Graph: sovereigns, members, missions, trust, credentials (EAS) and reputation. */
  readonly graph: GraphActions;
  /** Programmable capital: bounties, milestone escrows, revenue splits. */
  readonly capital: CapitalActions;
  /** Between sovereigns: the disputes of Arbitration (an escrow milestone's, say). */
  readonly interstate: InterstateActions;
}

/**
 * Creates an Atlas OS client.
 * @throws {AtlasAddressBookError} when no `addresses` are given and no address book is bundled
 * for the chain.
 */
export function createAtlasClient(parameters: CreateAtlasClientParameters): AtlasClient {
  const chainId = parameters.chainId ?? parameters.publicClient.chain?.id;
  if (chainId === undefined) {
    throw new AtlasAddressBookError("The public client has no chain: pass `chainId` or create it with a `chain`.");
  }
  let addresses = parameters.addresses;
  if (addresses === undefined) {
    const book = deployments[chainId];
    if (book === undefined) {
      throw new AtlasAddressBookError(
        `No Atlas OS address book is bundled for chain ${chainId}: pass \`addresses\` (on a local chain, read deployments/${chainId}.json with readAddressBook from "@atlas-os/sdk/node").`,
      );
    }
    addresses = addressesOf(book);
  }
  const context: AtlasContext = {
    publicClient: parameters.publicClient,
    walletClient: parameters.walletClient,
    addresses,
    chainId,
  };
  return {
    ...context,
    governance: governanceActions(context),
    graph: graphActions(context),
    capital: capitalActions(context),
    interstate: interstateActions(context),
  };
}
