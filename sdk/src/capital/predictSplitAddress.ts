import { concat, encodeAbiParameters, getContractAddress, keccak256, zeroHash, type Address, type Hex } from "viem";

import type { AtlasError } from "../errors.ts";
import { checkAddress, checkBytes32, checkOptionalAddress } from "../validate.ts";

import { checkSplitConfig, hashSplitConfig, type SplitConfig } from "./splitConfig.ts";

/** The parameters of {@link predictSplitAddress}. */
export interface PredictSplitAddressParameters {
  /** The RevenueSplitFactory (bound actions: the client's `splitFactory`). */
  readonly factory: Address;
  /**
   * The RevenueSplit implementation the factory clones; default: the contract the factory
   * created in its constructor, its first CREATE (nonce 1), which is what `implementation()`
   * returns.
   */
  readonly implementation?: Address;
  /** The split's configuration (checked: a split that could never be created has no address worth funding). */
  readonly config: SplitConfig;
  /** Who may update the split; default: nobody (the zero address: an immutable split). */
  readonly controller?: Address;
  /** Any value of the creator's choosing: another salt gives another split; default: zero. */
  readonly salt?: Hex;
}

/** What {@link predictSplitAddress} returns. */
export interface PredictSplitAddressReturnType {
  /** Where `createSplit` puts the split, on any chain where the factory has this address. */
  readonly split: Address;
  /** The configuration's hash, `keccak256(abi.encode(config))`. */
  readonly splitHash: Hex;
  /** The CREATE2 salt: `keccak256(abi.encode(splitHash, controller, salt))`. */
  readonly createSalt: Hex;
}

/** What {@link predictSplitAddress} throws: an `AtlasError` (its documentation says which). */
export type PredictSplitAddressErrorType = AtlasError;

/** OpenZeppelin Clones' EIP-1167 creation code, around the implementation's address. */
const CLONE_PREFIX = "0x3d602d80600a3d3981f3363d3d373d3d3d363d73";
const CLONE_SUFFIX = "0x5af43d82803e903d91602b57fd5bf3";

/**
 * The address of a revenue split before it exists, computed off chain (no RPC call) by the
 * formula of IRevenueSplitFactory: CREATE2 from the factory, with a salt committing to the
 * configuration, the controller and `salt`, of the EIP-1167 clone of the implementation. Revenue
 * may be sent there before anyone creates the split; its first distribution shares it.
 * @throws {AtlasInputError} for an address that is not one, or a configuration RevenueSplit
 * would refuse (recipients unsorted or repeated, allocations not summing to 1,000,000…).
 */
export function predictSplitAddress(parameters: PredictSplitAddressParameters): PredictSplitAddressReturnType {
  const factory = checkAddress("factory", parameters.factory);
  const implementation =
    parameters.implementation === undefined
      ? getContractAddress({ from: factory, nonce: 1n })
      : checkAddress("implementation", parameters.implementation);
  const splitHash = hashSplitConfig(checkSplitConfig(parameters.config));
  const controller = checkOptionalAddress("controller", parameters.controller);
  const createSalt = keccak256(
    encodeAbiParameters(
      [{ type: "bytes32" }, { type: "address" }, { type: "bytes32" }],
      [splitHash, controller, checkBytes32("salt", parameters.salt ?? zeroHash)],
    ),
  );
  const split = getContractAddress({
    opcode: "CREATE2",
    from: factory,
    salt: createSalt,
    bytecode: concat([CLONE_PREFIX, implementation, CLONE_SUFFIX]),
  });
  return { split, splitHash, createSalt };
}
