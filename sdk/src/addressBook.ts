import { isAddress, isHex, type Address, type Hex } from "viem";

import { ADDRESS_BOOK_CONTRACTS, type AddressBookContracts } from "./abi/addressBook.ts";
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
  /** Every contract of the manifest that has an address-book key (deploy/manifest.ts). */
  readonly contracts: AddressBookContracts;
  /** EAS schema UIDs by schema name (filled by the layers that register schemas). */
  readonly schemas: Readonly<Record<string, Hex>>;
}

/** The contract addresses an Atlas client uses. */
export type AtlasAddresses = { readonly [K in keyof AddressBookContracts]: Address };

export { ADDRESS_BOOK_CONTRACTS, type AddressBookContracts };

/** The addresses of an address book. */
export function addressesOf(book: AddressBook): AtlasAddresses {
  return Object.fromEntries(
    ADDRESS_BOOK_CONTRACTS.map((name) => [name, book.contracts[name].address]),
  ) as AtlasAddresses;
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
