/**
 * How actions call their layer's contracts: writes simulated, sent and decoded with the layer's
 * error catalog, reads decoded with it too. Shared by the capital and interstate actions; not
 * exported from the package.
 */
import type { Abi, Address } from "viem";

import type { AtlasContext } from "./client.ts";
import { decodeAtlasError, type AtlasErrorCatalog } from "./errors.ts";
import { checkAddress } from "./validate.ts";
import { simulateAndSend, walletAddress, type WriteResult } from "./write.ts";

/** {@link simulateAndSend}, positionally; `action` names the SDK action in messages. */
export function write(
  context: AtlasContext,
  errors: AtlasErrorCatalog,
  action: string,
  address: Address,
  abi: Abi,
  functionName: string,
  args: readonly unknown[],
  value?: bigint,
): Promise<WriteResult> {
  return simulateAndSend(context, errors, action, { address, abi, functionName, args, value });
}

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
