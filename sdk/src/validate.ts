/**
 * Checks of actions' parameters, made before anything is signed or sent: each throws an
 * {@link AtlasInputError} naming the parameter. Shared by the capital and interstate actions; not
 * exported from the package.
 */
import { isAddress, isHex, size, zeroAddress, type Address, type Hex } from "viem";

import { AtlasInputError } from "./errors.ts";

/**
 * `value`, checked to be an address: 0x and 40 hexadecimal digits, with a valid EIP-55 checksum
 * when it mixes cases.
 * @throws {AtlasInputError} naming `parameter`.
 */
export function checkAddress(parameter: string, value: unknown): Address {
  if (typeof value !== "string" || !isAddress(value)) {
    throw new AtlasInputError(
      parameter,
      `${parameter} (${String(value)}) is not an address: 0x and 40 hexadecimal digits, with a valid checksum if it mixes cases.`,
    );
  }
  return value;
}

/** {@link checkAddress} for an optional address; `undefined` becomes the zero address (none, or ETH). */
export function checkOptionalAddress(parameter: string, value: Address | undefined): Address {
  return value === undefined ? zeroAddress : checkAddress(parameter, value);
}

/**
 * `value`, checked to be an integer from `min` to `max`.
 * @throws {AtlasInputError} naming `parameter`.
 */
export function checkInteger(parameter: string, value: bigint | number, min: bigint, max: bigint): bigint {
  if (typeof value === "number" && !Number.isSafeInteger(value)) {
    throw new AtlasInputError(parameter, `${parameter} (${value}) is not an integer.`);
  }
  const integer = BigInt(value);
  if (integer < min || integer > max) {
    throw new AtlasInputError(parameter, `${parameter} is ${integer}; it must be ${min} to ${max}.`);
  }
  return integer;
}

/**
 * `value`, checked to be 32 bytes in hexadecimal (a hash, a salt, an attestation UID).
 * @throws {AtlasInputError} naming `parameter`.
 */
export function checkBytes32(parameter: string, value: unknown): Hex {
  if (typeof value !== "string" || !isHex(value, { strict: true }) || size(value) !== 32) {
    throw new AtlasInputError(
      parameter,
      `${parameter} (${String(value)}) is not 32 bytes in hexadecimal (0x and 64 digits).`,
    );
  }
  return value;
}
