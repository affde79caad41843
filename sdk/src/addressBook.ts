import { isAddress, isHex, type Address, type Hex } from "viem";

import { AtlasAddressBookError } from "./errors.ts";

/** Where one contract of a deployment lives. */
export interface ContractDeployment {
  /** Contract address. */
  readonly address: Address;
  /** Block of the deployment transaction: where an indexer starts reading its events. */
  readonly blockNumber: number;
}

/** The contracts of one Atlas OS deployment on one chain (`deployments/<chainId>.json`). */
export interface AddressBook {
  readonly chainId: number;
  readonly contracts: {
    readonly governor: ContractDeployment;
    readonly token: ContractDeployment;
    readonly timelock: ContractDeployment;
    /** SovereignRegistry (its ERC-1967 proxy). */
    readonly registry: ContractDeployment;
    /** ContributionLedger (its ERC-1967 proxy). */
    readonly ledger: ContractDeployment;
    /** EAS: deployed with the stack on a local chain, the canonical one on public networks. */
    readonly eas: ContractDeployment;
    /** EAS's SchemaRegistry. */
    readonly schemaRegistry: ContractDeployment;
    /** BountyBoard (its ERC-1967 proxy). */
    readonly bountyBoard: ContractDeployment;
    /** MilestoneEscrow (its ERC-1967 proxy). */
    readonly escrow: ContractDeployment;
    /** Arbitration, the interstate dispute module the escrow settles disputes through (its ERC-1967 proxy). */
    readonly arbitration: ContractDeployment;
    /** RevenueSplitFactory, which creates revenue splits. */
    readonly splitFactory: ContractDeployment;
  };
  /** EAS schema UIDs by schema name (filled by the layers that register schemas). */
  readonly schemas: Readonly<Record<string, Hex>>;
}

/** The contract addresses an Atlas client uses. */
export type AtlasAddresses = { readonly [K in keyof AddressBook["contracts"]]: Address };

/** Names of the contracts an address book lists. */
export const ADDRESS_BOOK_CONTRACTS = [
  "governor",
  "token",
  "timelock",
  "registry",
  "ledger",
  "eas",
  "schemaRegistry",
  "bountyBoard",
  "escrow",
  "arbitration",
  "splitFactory",
] as const satisfies readonly (keyof AddressBook["contracts"])[];

/** The addresses of an address book. */
export function addressesOf(book: AddressBook): AtlasAddresses {
  return {
    governor: book.contracts.governor.address,
    token: book.contracts.token.address,
    timelock: book.contracts.timelock.address,
    registry: book.contracts.registry.address,
    ledger: book.contracts.ledger.address,
    eas: book.contracts.eas.address,
    schemaRegistry: book.contracts.schemaRegistry.address,
    bountyBoard: book.contracts.bountyBoard.address,
    escrow: book.contracts.escrow.address,
    arbitration: book.contracts.arbitration.address,
    splitFactory: book.contracts.splitFactory.address,
  };
}

/**
 * Checks that `value` (parsed JSON) is an address book and returns it typed.
 * @throws {AtlasAddressBookError} naming the first field that is missing or malformed.
 */
export function parseAddressBook(value: unknown, source = "address book"): AddressBook {
  const fail = (field: string, problem: string): never => {
    throw new AtlasAddressBookError(`${source}: ${field} ${problem}`);
  };
  if (typeof value !== "object" || value === null) return fail("(root)", "is not an object");
  const book = value as Record<string, unknown>;
  if (!Number.isSafeInteger(book.chainId) || (book.chainId as number) <= 0)
    fail("chainId", "is not a positive integer");
  const contracts = book.contracts as Record<string, unknown> | undefined;
  if (typeof contracts !== "object" || contracts === null) fail("contracts", "is missing");
  for (const name of ADDRESS_BOOK_CONTRACTS) {
    const entry = contracts![name] as Record<string, unknown> | undefined;
    if (typeof entry !== "object" || entry === null) fail(`contracts.${name}`, "is missing");
    if (typeof entry!.address !== "string" || !isAddress(entry!.address))
      fail(`contracts.${name}.address`, "is not an address");
    if (!Number.isSafeInteger(entry!.blockNumber) || (entry!.blockNumber as number) < 0)
      fail(`contracts.${name}.blockNumber`, "is not a block number");
  }
  const schemas = (book.schemas ?? {}) as Record<string, unknown>;
  if (typeof schemas !== "object" || schemas === null) fail("schemas", "is not an object");
  for (const [name, uid] of Object.entries(schemas)) {
    if (typeof uid !== "string" || !isHex(uid) || uid.length !== 66) fail(`schemas.${name}`, "is not a 32-byte UID");
  }
  return { ...(book as unknown as AddressBook), schemas: schemas as Record<string, Hex> };
}
