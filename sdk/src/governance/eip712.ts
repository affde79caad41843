import type { Address, Hex, TypedDataDomain } from "viem";

import * as AtlasGovernor from "../abi/AtlasGovernor.ts";
import * as AtlasToken from "../abi/AtlasToken.ts";
import type { AtlasContext } from "../client.ts";

/** The items of `AtlasToken`'s ABI this action uses. */
const atlasTokenItems = [AtlasToken.eip712Domain] as const;

/** The items of `AtlasGovernor`'s ABI this action uses. */
const atlasGovernorItems = [AtlasGovernor.eip712Domain, AtlasGovernor.token] as const;

/**
 * The EIP-712 domain a contract signs with, read from its ERC-5267 `eip712Domain()`: only the
 * fields its `fields` bitmap declares, so the signature matches whatever the contract hashes.
 * Throws what viem throws; callers convert it with `decodeAtlasError`.
 */
export async function readEip712Domain(
  context: AtlasContext,
  contract: "governor" | "token",
): Promise<TypedDataDomain> {
  const address = context.addresses[contract];
  const [fields, name, version, chainId, verifyingContract, salt] =
    contract === "governor"
      ? await context.publicClient.readContract({ address, abi: atlasGovernorItems, functionName: "eip712Domain" })
      : await context.publicClient.readContract({ address, abi: atlasTokenItems, functionName: "eip712Domain" });
  const bits = Number.parseInt(fields, 16);
  const domain: { name?: string; version?: string; chainId?: bigint; verifyingContract?: Address; salt?: Hex } = {};
  if (bits & 0x01) domain.name = name;
  if (bits & 0x02) domain.version = version;
  if (bits & 0x04) domain.chainId = chainId;
  if (bits & 0x08) domain.verifyingContract = verifyingContract;
  if (bits & 0x10) domain.salt = salt;
  return domain;
}

/** The address of a wallet account, whether viem holds it as an object or as a plain address. */
export function accountAddress(account: { readonly address: Address } | Address): Address {
  return typeof account === "string" ? account : account.address;
}
