import { formatUnits, type Address } from "viem";

/** The governance token as amounts are shown: `150,000 ATLAS`. */
export interface TokenUnit {
  readonly symbol: string;
  readonly decimals: number;
}

const amountFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

export function formatVotes(amount: bigint, unit: TokenUnit): string {
  return `${amountFormat.format(Number(formatUnits(amount, unit.decimals)))} ${unit.symbol}`;
}

export function shortAddress(address: Address): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}

/** A proposal id is a 256-bit hash: its first and last digits are enough to tell proposals apart. */
export function shortProposalId(id: bigint): string {
  const text = id.toString();
  return text.length <= 14 ? text : `${text.slice(0, 6)}…${text.slice(-6)}`;
}

/** A timestamp timepoint (seconds) as `2026-11-30 11:44 UTC`. */
export function formatTimepoint(timepoint: bigint): string {
  return `${new Date(Number(timepoint) * 1000).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function isoTimepoint(timepoint: bigint): string {
  return new Date(Number(timepoint) * 1000).toISOString();
}

/** `in 6 days`, `3 hours ago`, measured from the chain's clock (the latest block), not the browser's. */
export function relativeTo(timepoint: bigint, now: bigint): string {
  const seconds = Number(timepoint - now);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ["day", 86_400],
    ["hour", 3_600],
    ["minute", 60],
  ];
  const format = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(seconds, "second");
}
