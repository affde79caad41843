import {
  BaseError,
  ChainMismatchError,
  HttpRequestError,
  TimeoutError,
  UserRejectedRequestError,
  WebSocketRequestError,
  decodeErrorResult,
  type Hex,
} from "viem";

import { atlasErrors, type AtlasContractErrorName } from "./abi/catalogs.ts";
import type { AtlasErrorCatalog } from "./errorCatalog.ts";

export type { AtlasErrorCatalog, ContractErrorFormatter } from "./errorCatalog.ts";

/** Base of every error the SDK throws. `shortMessage` is a sentence a person can read. */
export class AtlasError extends BaseError {
  constructor(shortMessage: string, options: { cause?: unknown; details?: string; metaMessages?: string[] } = {}) {
    super(shortMessage, {
      ...(options.cause instanceof Error ? { cause: options.cause } : {}),
      ...(options.details !== undefined ? { details: options.details } : {}),
      ...(options.metaMessages !== undefined ? { metaMessages: options.metaMessages } : {}),
      name: "AtlasError",
    });
  }
}

/** An address book is missing or malformed, or no addresses are known for the client's chain. */
export class AtlasAddressBookError extends AtlasError {
  override name = "AtlasAddressBookError";
}

/** A write was called on a client created without a wallet client. */
export class AtlasMissingWalletError extends AtlasError {
  override name = "AtlasMissingWalletError";
  constructor(action: string) {
    super(`${action} needs a wallet: create the Atlas client with a walletClient.`);
  }
}

/** The user declined the request in their wallet. */
export class AtlasUserRejectedError extends AtlasError {
  override name = "AtlasUserRejectedError";
  constructor(cause: unknown) {
    super("The request was rejected in the wallet.", { cause });
  }
}

/** The wallet is connected to another chain than the one the client reads. */
export class AtlasWrongChainError extends AtlasError {
  override name = "AtlasWrongChainError";
  readonly expectedChainId: number;
  readonly walletChainId: number | undefined;
  constructor(expectedChainId: number, walletChainId: number | undefined, cause?: unknown) {
    super(
      `The wallet is on chain ${walletChainId ?? "unknown"}, but Atlas OS is read from chain ${expectedChainId}: switch the wallet's network.`,
      { cause },
    );
    this.expectedChainId = expectedChainId;
    this.walletChainId = walletChainId;
  }
}

/** The RPC endpoint could not be reached or did not answer in time. */
export class AtlasNetworkError extends AtlasError {
  override name = "AtlasNetworkError";
  constructor(cause: unknown) {
    super("The network request failed: the RPC endpoint could not be reached or did not answer in time.", {
      cause,
    });
  }
}

/**
 * An action's parameter is not valid (not an address, a split's allocations not summing to
 * 1,000,000…): found by the SDK before anything is signed or sent.
 */
export class AtlasInputError extends AtlasError {
  override name = "AtlasInputError";
  /** The parameter at fault, as the action names it (e.g. `recipients[2]`). */
  readonly parameter: string;
  constructor(parameter: string, shortMessage: string) {
    super(shortMessage);
    this.parameter = parameter;
  }
}

/** A metadata document does not match its JSON Schema, or is not JSON. */
export class AtlasMetadataError extends AtlasError {
  override name = "AtlasMetadataError";
  /** One sentence per problem, naming where it is. */
  readonly problems: readonly string[];
  constructor(kind: string, problems: readonly string[]) {
    super(`The ${kind} is not valid: ${problems.join("; ")}.`);
    this.problems = problems;
  }
}

/**
 * A contract reverted with one of its custom errors, decoded by name and arguments. Its
 * `shortMessage` is the error's sentence in the catalog it was decoded with.
 */
export class AtlasContractError extends AtlasError {
  override name = "AtlasContractError";
  /** The custom error's name, as in the contract. */
  readonly errorName: AtlasContractErrorName;
  /** The custom error's arguments, decoded. */
  readonly args: readonly unknown[];
  /**
   * @param catalog Where the sentence comes from, e.g. `atlasErrors` (every contract's),
   * `governanceErrors` (a layer's) or `bountyBoardErrors` (a contract's); without one the message
   * only names the error.
   */
  constructor(
    errorName: AtlasContractErrorName,
    args: readonly unknown[],
    cause?: unknown,
    catalog?: AtlasErrorCatalog,
  ) {
    const format = catalog?.messages[errorName];
    super(format ? format(args) : `The contract reverted with ${errorName}.`, {
      cause,
      metaMessages: [`Contract error: ${errorName}(${args.map(String).join(", ")})`],
    });
    this.errorName = errorName;
    this.args = args;
  }
}

/** The contract reverted without a custom error the SDK knows (a string, a panic, or raw data). */
export class AtlasRevertError extends AtlasError {
  override name = "AtlasRevertError";
  constructor(reason: string, cause?: unknown) {
    super(`The transaction would revert: ${reason}.`, { cause });
  }
}

function revertData(error: BaseError): Hex | undefined {
  let data: Hex | undefined;
  error.walk((e) => {
    const candidate = (e as { data?: unknown; raw?: unknown }).raw ?? (e as { data?: unknown }).data;
    if (typeof candidate === "string" && candidate.startsWith("0x") && candidate.length >= 10) {
      data = candidate as Hex;
      return true;
    }
    const nested = (e as { data?: { data?: unknown } }).data?.data;
    if (typeof nested === "string" && nested.startsWith("0x") && nested.length >= 10) {
      data = nested as Hex;
      return true;
    }
    return false;
  });
  return data;
}

/**
 * Turns anything a viem call throws into an {@link AtlasError}: a contract error decoded with
 * `catalog` (a contract's, such as `bountyBoardErrors`, a layer's, such as `governanceErrors`, or
 * every contract's, `atlasErrors`), a user rejection, a wrong chain, a network failure, or (last)
 * a generic AtlasError keeping the cause. A custom error the catalog does not have is not decoded
 * by name: it becomes an {@link AtlasRevertError} as viem reads it. Each action decodes with its
 * contract's catalog only, so that a bundle carries the errors and sentences of the contracts it
 * calls and no other; {@link toAtlasError} decodes with every contract's.
 */
export function decodeAtlasError(error: unknown, catalog: AtlasErrorCatalog): AtlasError {
  if (error instanceof AtlasError) return error;
  if (!(error instanceof BaseError)) {
    return new AtlasError(error instanceof Error ? error.message : String(error), { cause: error });
  }
  if (error.walk((e) => e instanceof UserRejectedRequestError)) return new AtlasUserRejectedError(error);
  const mismatch = error.walk((e) => e instanceof ChainMismatchError);
  if (mismatch) {
    const message = (mismatch as BaseError).shortMessage;
    const ids = [...message.matchAll(/id: (\d+)/g)].map((m) => Number(m[1]));
    return new AtlasWrongChainError(ids[1] ?? 0, ids[0], error);
  }
  const data = revertData(error);
  if (data) {
    try {
      // Widened: viem's types omit the built-in errors it decodes as well.
      const decoded = decodeErrorResult({ abi: catalog.abi, data }) as {
        errorName: AtlasContractErrorName | "Error" | "Panic";
        args: readonly unknown[] | undefined;
      };
      // viem also decodes the built-in Error(string) and Panic(uint256): those are plain reverts.
      if (decoded.errorName === "Error") return new AtlasRevertError(`"${String(decoded.args?.[0])}"`, error);
      if (decoded.errorName === "Panic") return new AtlasRevertError(`panic code ${String(decoded.args?.[0])}`, error);
      return new AtlasContractError(decoded.errorName, decoded.args ?? [], error, catalog);
    } catch {
      // Not one of ours: fall through to viem's own reading of it.
    }
  }
  if (
    error.walk((e) => e instanceof HttpRequestError || e instanceof TimeoutError || e instanceof WebSocketRequestError)
  ) {
    return new AtlasNetworkError(error);
  }
  const reverted = error.walk((e) => (e as { name?: string }).name === "ContractFunctionRevertedError");
  if (reverted) return new AtlasRevertError((reverted as BaseError).shortMessage, error);
  return new AtlasError(error.shortMessage, { cause: error });
}

/**
 * {@link decodeAtlasError} with every Atlas OS contract's errors (`atlasErrors`): for errors of
 * your own viem calls. An app that calls a few contracts decodes with their catalogs instead, and
 * carries no other contract's sentences.
 */
export function toAtlasError(error: unknown): AtlasError {
  return decodeAtlasError(error, atlasErrors);
}
