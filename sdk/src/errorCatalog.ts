/**
 * Error catalogs: what decoding a contract's custom errors needs, built from the generated error
 * tables of sdk/src/abi/ (one error a line: its signature, then its sentence template from the
 * NatSpec `@dev` line of its declaration). Not exported from the package but through the catalogs.
 */
import { formatUnits, type Abi } from "viem";

import { errorTable } from "./abiText.ts";

/** Renders a custom error's decoded arguments as a sentence a person can read. */
export type ContractErrorFormatter = (args: readonly unknown[]) => string;

/**
 * What decoding a contract's (or a layer's) errors needs: the ABI of the custom errors its calls
 * can revert with, and a readable sentence for each of them.
 */
export interface AtlasErrorCatalog {
  /** The custom errors, as an ABI. */
  readonly abi: Abi;
  /** A sentence for each custom error of {@link AtlasErrorCatalog.abi | abi}, by name. */
  readonly messages: Readonly<Record<string, ContractErrorFormatter>>;
}

/** A unix time (seconds) in UTC, ISO 8601. */
function time(seconds: unknown): string {
  const date = new Date(Number(seconds) * 1000);
  return Number.isNaN(date.getTime()) ? `unix time ${String(seconds)}` : date.toISOString().replace(".000Z", "Z");
}

/** An enum member's SDK name as words: `inProgress` → "in progress"; `Pending` stays. */
function words(name: string | undefined, value: unknown): string {
  return name === undefined ? `#${String(value)}` : name.replace(/(?<=^[a-z].*)[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
}

/**
 * One argument as its template asks (`{i}` then the rendering): nothing (as viem decodes it: an
 * address, a number, a hex string, a string), `t` (a unix time as a UTC date), `$` (a token
 * address; the zero address is ETH), `e<k>` (a member of the catalog's k-th enum), `b<k>` (a
 * bitmap of members of the k-th enum), `u<d>` (an amount with d decimals), `?yes:no` (a phrase
 * picked by the argument's truth, `%` in it standing for the argument).
 */
function render(value: unknown, how: string, enums: readonly (readonly string[])[]): string {
  const kind = how.charAt(0);
  const rest = how.slice(1);
  switch (kind) {
    case "t":
      return time(value);
    case "$":
      return BigInt(value as string) === 0n ? "ETH" : `token ${String(value)}`;
    case "e":
      return words(enums[Number(rest)]![Number(value)], value);
    case "b": {
      const names = enums[Number(rest)]!.filter((_, i) => (BigInt(value as string) >> BigInt(i)) & 1n);
      return names.length === 0 ? "none" : names.map((name, i) => words(name, i)).join(" or ");
    }
    case "u":
      return formatUnits(value as bigint, Number(rest));
    case "?": {
      const [yes, no] = rest.split(/:(.*)/s) as [string, string];
      return (value !== false && value !== 0 && value !== 0n ? yes : no).replace("%", String(value));
    }
    default:
      return String(value);
  }
}

/** The catalog of an error table, whose templates name `enums` by index. */
export function errorCatalog(table: string, enums: readonly (readonly string[])[]): AtlasErrorCatalog {
  const abi: Abi[number][] = [];
  const messages: Record<string, ContractErrorFormatter> = {};
  for (const [item, template] of errorTable(table)) {
    abi.push(item);
    messages[item.name] = (args) =>
      template.replace(/\{(\d+)([^}]*)\}/g, (_, i: string, how: string) => render(args[Number(i)], how, enums));
  }
  return { abi, messages };
}

/**
 * `catalogs` in one: every error of each, once (an error two contracts share has one sentence,
 * the first catalog's).
 */
export function mergeCatalogs(...catalogs: readonly AtlasErrorCatalog[]): AtlasErrorCatalog {
  const messages = Object.assign(
    {},
    ...catalogs
      .slice()
      .reverse()
      .map((c) => c.messages),
  ) as Record<string, ContractErrorFormatter>;
  const key = (item: Abi[number]) =>
    item.type === "error" ? `${item.name}(${item.inputs.map((input) => input.type).join()})` : JSON.stringify(item);
  const abi = [...new Map(catalogs.flatMap((c) => c.abi).map((item) => [key(item), item])).values()];
  return { abi, messages };
}
