/**
 * Parsing of path and query parameters: each parser returns the typed value or throws a
 * BadRequestError (400) whose message says what was expected.
 */
import { isAddress, isHex, type Address, type Hex } from "viem";

import { BadRequestError } from "./errors.ts";

const UINT64_MAX = 2n ** 64n - 1n;

export function parseProposalId(raw: string): bigint {
  if (!/^\d{1,78}$/.test(raw)) throw new BadRequestError(`Proposal id must be a decimal integer, got "${raw}".`);
  return BigInt(raw);
}

export function parseAddress(raw: string): Address {
  if (!isAddress(raw, { strict: false })) {
    throw new BadRequestError(`"${raw}" is not an address (0x followed by 40 hexadecimal digits).`);
  }
  return raw;
}

/** A sovereign, organization or mission id: a decimal uint64 (`what` names it in the message). */
export function parseId(raw: string, what: string): bigint {
  if (!/^\d{1,20}$/.test(raw) || BigInt(raw) > UINT64_MAX) {
    throw new BadRequestError(`${what} must be a decimal integer below 2^64, got "${raw}".`);
  }
  return BigInt(raw);
}

/** An optional id from the query string. */
export function parseOptionalId(raw: string | undefined, what: string): bigint | undefined {
  return raw === undefined ? undefined : parseId(raw, what);
}

/** An EAS UID: 0x and 64 hexadecimal digits, returned lower-case. */
export function parseUid(raw: string): Hex {
  if (!isHex(raw, { strict: true }) || raw.length !== 66) {
    throw new BadRequestError(`"${raw}" is not an attestation UID (0x followed by 64 hexadecimal digits).`);
  }
  return raw.toLowerCase() as Hex;
}

/** The registry's handle rule: 3–32 of a–z, 0–9 and "-", not starting or ending with "-". */
export const HANDLE = /^[a-z0-9](?:[a-z0-9-]{1,30})[a-z0-9]$/;

/** A sovereign by id (decimal) or by handle. */
export function parseSovereignRef(raw: string): { id: bigint } | { handle: string } {
  if (/^\d+$/.test(raw)) return { id: parseId(raw, "Sovereign id") };
  if (HANDLE.test(raw)) return { handle: raw };
  throw new BadRequestError(`"${raw}" is neither a sovereign id (decimal) nor a handle (3–32 of a–z, 0–9, "-").`);
}

/** A positive number of seconds (a half-life), at most about 3,000 years. */
export function parseSeconds(raw: string, what: string): number {
  const value = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || !(value > 0) || value > 1e11) {
    throw new BadRequestError(`${what} must be a positive number of seconds, got "${raw}".`);
  }
  return value;
}

const UINT256_MAX = 2n ** 256n - 1n;

/** A bounty, escrow or dispute id: a decimal uint256 (`what` names it in the message). */
export function parseUint256(raw: string, what: string): bigint {
  if (!/^\d{1,78}$/.test(raw) || BigInt(raw) > UINT256_MAX) {
    throw new BadRequestError(`${what} must be a decimal integer below 2^256, got "${raw}".`);
  }
  return BigInt(raw);
}

/** One of `names` (a query parameter such as `kind`), or a 400 listing them. */
export function parseName<T extends string>(raw: string, names: readonly T[], what: string): T {
  if (!names.includes(raw as T)) throw new BadRequestError(`${what} must be one of ${names.join(", ")}, got "${raw}".`);
  return raw as T;
}
