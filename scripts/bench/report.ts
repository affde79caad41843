/**
 * Printing for the indexer and API benchmarks: Markdown tables, figures, and the machine's load
 * (a figure measured while other work runs on the same cores says little, so each run prints the
 * load average it ran under).
 */
import { cpus, loadavg } from "node:os";

/** A Markdown table with padded columns; the first column left-aligned, the others right. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? "").length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(" | ")} |`;
  const rule = `|${widths.map((w, c) => (c === 0 ? `:${"-".repeat(w + 1)}` : `${"-".repeat(w + 1)}:`)).join("|")}|`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

/** 12,345 (no decimals). */
export const figure = (value: number): string => Math.round(value).toLocaleString("en-US");

/** 1.2 s, 340 ms. */
export const duration = (ms: number): string => (ms >= 1_000 ? `${(ms / 1_000).toFixed(1)} s` : `${Math.round(ms)} ms`);

/** "load average 0.42, 0.51, 0.60 on 2 cores" */
export function machineLoad(): string {
  const [one, five, fifteen] = loadavg().map((v) => v.toFixed(2));
  return `load average ${one}, ${five}, ${fifteen} (1, 5, 15 min) on ${cpus().length} cores`;
}

/** The 1-minute load average. */
export const loadNow = (): number => loadavg()[0];

export const log = (line = ""): void => console.log(line);
