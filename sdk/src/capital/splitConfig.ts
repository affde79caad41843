import { encodeAbiParameters, keccak256, type Address, type Hex } from "viem";

import * as RevenueSplitFactory from "../abi/RevenueSplitFactory.ts";
import { AtlasInputError } from "../errors.ts";
import { checkAddress } from "../validate.ts";

/**
 * A revenue split's configuration (IRevenueSplit.SplitConfig). Allocations and the distributor
 * fee are parts per million of what is distributed ({@link SPLIT_TOTAL_ALLOCATION} = 100%).
 */
export interface SplitConfig {
  /** Who is paid: sorted ascending (as numbers), no duplicates, no zero address; 1 to {@link SPLIT_MAX_RECIPIENTS}. */
  readonly recipients: readonly Address[];
  /** Each recipient's part, in order, non-zero, summing to exactly {@link SPLIT_TOTAL_ALLOCATION}. */
  readonly allocations: readonly number[];
  /** The distributor's part of each distribution, taken first; at most {@link SPLIT_MAX_DISTRIBUTOR_FEE} (10%). */
  readonly distributorFee: number;
}

/** What a split's allocations sum to: 1,000,000 parts per million (RevenueSplit's `TOTAL_ALLOCATION`). */
export const SPLIT_TOTAL_ALLOCATION = 1_000_000;
/** The highest distributor fee, 100,000 parts per million: 10% (RevenueSplit's `MAX_DISTRIBUTOR_FEE`). */
export const SPLIT_MAX_DISTRIBUTOR_FEE = 100_000;
/** The most recipients a split may have (RevenueSplit's `MAX_RECIPIENTS`). */
export const SPLIT_MAX_RECIPIENTS = 500;

/** The ABI parameter of a split configuration: the first input of the factory's `createSplit`. */
const configParameter = RevenueSplitFactory.createSplit.inputs[0];

/**
 * A split configuration's hash, as the split stores it and the factory derives the split's
 * address from it: `keccak256(abi.encode(config))`.
 */
export function hashSplitConfig(config: SplitConfig): Hex {
  return keccak256(encodeAbiParameters([configParameter], [config]));
}

/**
 * `config`, checked as RevenueSplit checks it (first problem found, in the contract's order), so
 * that a bad configuration fails before anything is signed, and no address is predicted for a
 * split that could never be created.
 * @throws {AtlasInputError} naming the parameter at fault (e.g. `recipients[2]`).
 */
export function checkSplitConfig(config: SplitConfig): SplitConfig {
  const { recipients, allocations, distributorFee } = config;
  const fail = (parameter: string, message: string): never => {
    throw new AtlasInputError(parameter, message);
  };
  if (recipients.length === 0 || recipients.length > SPLIT_MAX_RECIPIENTS) {
    fail("recipients", `A split has 1 to ${SPLIT_MAX_RECIPIENTS} recipients, not ${recipients.length}.`);
  }
  if (allocations.length !== recipients.length) {
    fail("allocations", `${recipients.length} recipients were given with ${allocations.length} allocations.`);
  }
  let previous = -1n;
  let sum = 0;
  for (const [index, recipient] of recipients.entries()) {
    const value = BigInt(checkAddress(`recipients[${index}]`, recipient));
    if (value === 0n) fail(`recipients[${index}]`, "The zero address cannot be a recipient.");
    if (value === previous) fail(`recipients[${index}]`, `${recipient} appears twice (again at ${index}).`);
    if (value < previous) {
      fail(
        `recipients[${index}]`,
        `Recipients must be sorted ascending: ${recipient} (at ${index}) is below the one before it.`,
      );
    }
    previous = value;
    const allocation = allocations[index]!;
    if (!Number.isSafeInteger(allocation) || allocation <= 0) {
      fail(`allocations[${index}]`, `The allocation at ${index} (${allocation}) is not a positive integer.`);
    }
    sum += allocation;
  }
  if (sum !== SPLIT_TOTAL_ALLOCATION) {
    fail("allocations", `Allocations sum to ${sum}, not to ${SPLIT_TOTAL_ALLOCATION}.`);
  }
  if (!Number.isSafeInteger(distributorFee) || distributorFee < 0 || distributorFee > SPLIT_MAX_DISTRIBUTOR_FEE) {
    fail(
      "distributorFee",
      `A distributor fee is an integer from 0 to ${SPLIT_MAX_DISTRIBUTOR_FEE} parts per million, not ${distributorFee}.`,
    );
  }
  return config;
}
