import type { Account, Chain, PublicClient, Transport, WalletClient } from "viem";

import { addressesOf, type AtlasAddresses } from "./addressBook.ts";
import { deployments } from "./deployments.ts";
import { AtlasAddressBookError } from "./errors.ts";
import type { allLayers } from "./layers.ts";

/** What every action reads: the clients and the contract addresses, fixed at creation. */
export interface AtlasContext {
  readonly publicClient: PublicClient<Transport, Chain | undefined>;
  readonly walletClient: WalletClient<Transport, Chain | undefined, Account | undefined> | undefined;
  readonly addresses: AtlasAddresses;
  /** The chain the public client reads, and the one the wallet must be on to write. */
  readonly chainId: number;
}

/**
 * A layer of the SDK as a client binds it: a function of the context returning the layer's
 * actions (`governance`, `graph`, `capital`, `interstate`, or {@link allLayers} for all).
 */
export type AtlasLayer<TActions extends object = object> = (context: AtlasContext) => TActions;

/** The layers a client binds, by the property name each gets on the client. */
export type AtlasLayers = { readonly [name: string]: AtlasLayer };

export interface CreateAtlasClientParameters<TLayers extends AtlasLayers = AtlasLayers> {
  /** Reads (and simulates writes) on the chain Atlas OS is deployed on. */
  readonly publicClient: PublicClient<Transport, Chain | undefined>;
  /** Signs and sends writes; omit for a read-only client. */
  readonly walletClient?: WalletClient<Transport, Chain | undefined, Account | undefined>;
  /** Contract addresses; default: the bundled address book of the public client's chain. */
  readonly addresses?: AtlasAddresses;
  /** Chain id, when the public client was created without a `chain`. */
  readonly chainId?: number;
  /**
   * The layers to bind, e.g. `{ governance }` (imported from the package): the client gets one
   * property per layer, and a bundle carries the code of these layers only. Scripts that use
   * every layer pass {@link allLayers}.
   */
  readonly layers: TLayers;
}

/** An Atlas OS client: its context plus the actions of each layer it was created with, bound to it. */
export type AtlasClient<TLayers extends AtlasLayers = AllLayers> = AtlasContext & {
  readonly [K in keyof TLayers]: ReturnType<TLayers[K]>;
};

/** The type of {@link allLayers}: every layer of the SDK. */
export type AllLayers = typeof allLayers;

/**
 * Creates an Atlas OS client bound to `layers`:
 * `createAtlasClient({ publicClient, walletClient, layers: { governance } })` has
 * `atlas.governance` and nothing of the other layers.
 * @throws {AtlasAddressBookError} when no `addresses` are given and no address book is bundled
 * for the chain.
 */
export function createAtlasClient<const TLayers extends AtlasLayers>(
  parameters: CreateAtlasClientParameters<TLayers>,
): AtlasClient<TLayers> {
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
  const bound = Object.fromEntries(Object.entries(parameters.layers).map(([name, layer]) => [name, layer(context)]));
  return { ...context, ...bound } as AtlasClient<TLayers>;
}
