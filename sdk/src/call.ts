/**
 * How actions read their contracts, decoding what a read throws with the contract's error
 * catalog, and fill an address parameter from the wallet. (Writes go through `simulateAndSend`,
 * write.ts.) Not exported from the package.
 */
import type { Address } from "viem";

import type { AtlasContext } from "./client.ts";
import { decodeAtlasError, type AtlasErrorCatalog } from "./errors.ts";
import { checkAddress } from "./validate.ts";
import { walletAddress } from "./write.ts";

/** Runs `reads`, decoding what they throw with `errors`. */
export async function read<T>(errors: AtlasErrorCatalog, reads: () => Promise<T>): Promise<T> {
  try {
    return await reads();
  } catch (error) {
    throw decodeAtlasError(error, errors);
  }
}

/**
 * The address parameter `value`, checked, or the wallet account's address when it is omitted.
 * @throws {AtlasInputError} naming `parameter`; {AtlasMissingWalletError}, {AtlasWrongChainError}.
 */
export async function addressOrWallet(
  context: AtlasContext,
  errors: AtlasErrorCatalog,
  action: string,
  parameter: string,
  value: Address | undefined,
): Promise<Address> {
  return value === undefined ? walletAddress(context, errors, action) : checkAddress(parameter, value);
}
