import { getAddress, isAddress, type Address } from "viem";

import { ADDRESS_BOOK_CONTRACTS, type AtlasAddresses } from "@atlas-os/sdk";

/** The page's runtime configuration, served next to it as `/atlas.config.json`. */
export interface AppConfig {
  readonly chainId: number;
  readonly rpcUrl: string;
  readonly indexerUrl: string;
  readonly addresses: AtlasAddresses;
}

export class AppConfigError extends Error {
  override name = "AppConfigError";
}

/** Fetches and checks `/atlas.config.json`; throws an {@link AppConfigError} that names the bad field. */
export async function loadConfig(url = "/atlas.config.json"): Promise<AppConfig> {
  let raw: unknown;
  try {
    const response = await fetch(url, { cache: "no-store" });
    if (!response.ok) throw new AppConfigError(`${url} answered HTTP ${response.status}.`);
    raw = await response.json();
  } catch (error) {
    if (error instanceof AppConfigError) throw error;
    throw new AppConfigError(`${url} could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseConfig(raw, url);
}

export function parseConfig(raw: unknown, source: string): AppConfig {
  const object = (value: unknown, field: string): Record<string, unknown> => {
    if (typeof value !== "object" || value === null) throw new AppConfigError(`${source}: ${field} must be an object.`);
    return value as Record<string, unknown>;
  };
  const text = (value: unknown, field: string): string => {
    if (typeof value !== "string" || value === "") throw new AppConfigError(`${source}: ${field} must be a URL.`);
    return value.replace(/\/+$/, "");
  };
  const address = (value: unknown, field: string): Address => {
    if (typeof value !== "string" || !isAddress(value, { strict: false })) {
      throw new AppConfigError(`${source}: addresses.${field} must be an address.`);
    }
    return getAddress(value);
  };
  const config = object(raw, "the file");
  if (typeof config.chainId !== "number" || !Number.isSafeInteger(config.chainId) || config.chainId <= 0) {
    throw new AppConfigError(`${source}: chainId must be a positive integer.`);
  }
  const addresses = object(config.addresses, "addresses");
  return {
    chainId: config.chainId,
    rpcUrl: text(config.rpcUrl, "rpcUrl"),
    indexerUrl: text(config.indexerUrl, "indexerUrl"),
    addresses: Object.fromEntries(
      ADDRESS_BOOK_CONTRACTS.map((name) => [name, address(addresses[name], name)]),
    ) as unknown as AtlasAddresses,
  };
}
