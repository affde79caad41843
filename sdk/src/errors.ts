import {
  BaseError,
  ChainMismatchError,
  HttpRequestError,
  TimeoutError,
  UserRejectedRequestError,
  WebSocketRequestError,
  decodeErrorResult,
  formatUnits,
  type ContractErrorName,
  type Hex,
} from "viem";

import type { atlasGovernorAbi } from "./abi/AtlasGovernor.ts";
import type { atlasTokenAbi } from "./abi/AtlasToken.ts";
import type { timelockControllerAbi } from "./abi/TimelockController.ts";
import { atlasErrorsAbi } from "./abi/errors.ts";

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

/** Name of a custom error of any Atlas OS contract. */
export type AtlasContractErrorName =
  | ContractErrorName<typeof atlasGovernorAbi>
  | ContractErrorName<typeof atlasTokenAbi>
  | ContractErrorName<typeof timelockControllerAbi>;

export { atlasErrorsAbi };

const STATES = ["Pending", "Active", "Canceled", "Defeated", "Succeeded", "Queued", "Expired", "Executed"];
const str = (value: unknown): string => String(value);
const tokens = (value: unknown): string => `${formatUnits(value as bigint, 18)} tokens`;
const states = (bitmap: unknown): string => {
  const bits = BigInt(bitmap as bigint);
  const names = STATES.filter((_, i) => (bits >> BigInt(i)) & 1n);
  return names.length === 0 ? "none" : names.join(" or ");
};
const proposalState = (value: unknown): string => STATES[Number(value)] ?? str(value);

type Formatter = (args: readonly unknown[]) => string;

/**
 * A readable sentence for every custom error of the contracts. `satisfies` makes a missing entry
 * a compile error, and a test checks it against the ABIs at run time.
 */
export const contractErrorMessages = {
  // AtlasGovernor
  AtlasGovernorZeroVotingPower: ([proposalId, voter, timepoint]) =>
    `${str(voter)} had no voting power at the snapshot (${str(timepoint)}) of proposal ${str(proposalId)}; tokens or delegations received later do not count.`,
  GovernorAlreadyCastVote: ([voter]) => `${str(voter)} has already voted on this proposal.`,
  GovernorAlreadyQueuedProposal: ([proposalId]) => `Proposal ${str(proposalId)} is already queued.`,
  GovernorDisabledDeposit: () => "The governor does not accept deposits; send funds to the timelock (the treasury).",
  GovernorInsufficientProposerVotes: ([proposer, votes, threshold]) =>
    `${str(proposer)} has ${tokens(votes)} of voting power; proposing needs ${tokens(threshold)}.`,
  GovernorInvalidProposalLength: ([targets, calldatas, values]) =>
    `A proposal needs as many targets (${str(targets)}), calldatas (${str(calldatas)}) and values (${str(values)}), and at least one.`,
  GovernorInvalidQuorumFraction: ([numerator, denominator]) =>
    `A quorum of ${str(numerator)}/${str(denominator)} is not a valid fraction.`,
  GovernorInvalidSignature: ([voter]) =>
    `The signature is not a valid, unused signature by ${str(voter)} (already used, or signed for other data).`,
  GovernorInvalidVoteParams: () => "The vote parameters are not valid for this governor.",
  GovernorInvalidVoteType: () => "The vote must be 0 (against), 1 (for) or 2 (abstain).",
  GovernorInvalidVotingPeriod: ([period]) => `A voting period of ${str(period)} is not allowed (it must be above 0).`,
  GovernorNonexistentProposal: ([proposalId]) => `No proposal ${str(proposalId)} exists.`,
  GovernorOnlyExecutor: ([account]) =>
    `${str(account)} cannot do this: only governance (an executed proposal, through the timelock) can.`,
  GovernorPreventLateQuorumVoteExtensionTooLarge: ([extension, max]) =>
    `A late-quorum extension of ${str(extension)} s is above the maximum of ${str(max)} s.`,
  GovernorProposalQueueingFailed: ([proposalId]) => `Queueing proposal ${str(proposalId)} in the timelock failed.`,
  GovernorProposalQueueingNotRequired: ([proposalId]) => `Proposal ${str(proposalId)} does not need queueing.`,
  GovernorRestrictedProposer: ([proposer]) => `${str(proposer)} is not allowed to submit this proposal.`,
  GovernorUnableToCancel: ([proposalId, account]) =>
    `${str(account)} cannot cancel proposal ${str(proposalId)}: only the proposal guardian, or the proposer while it is pending, can.`,
  GovernorUnexpectedProposalState: ([proposalId, current, expected]) =>
    `Proposal ${str(proposalId)} is ${proposalState(current)}; this needs it to be ${states(expected)}.`,
  // AtlasToken (ERC-20, permits, votes)
  AtlasTokenGenesisEmpty: () => "The genesis allocation names no recipient.",
  AtlasTokenGenesisLengthMismatch: ([recipients, amounts]) =>
    `The genesis allocation has ${str(recipients)} recipients but ${str(amounts)} amounts.`,
  AtlasTokenGenesisZeroAmount: ([index, recipient]) =>
    `The genesis allocation gives ${str(recipient)} (position ${str(index)}) nothing.`,
  ERC20InsufficientBalance: ([sender, balance, needed]) =>
    `${str(sender)} holds ${tokens(balance)}; the transfer needs ${tokens(needed)}.`,
  ERC20InsufficientAllowance: ([spender, allowance, needed]) =>
    `${str(spender)} may spend ${tokens(allowance)}; the transfer needs ${tokens(needed)}.`,
  ERC20InvalidApprover: ([approver]) => `${str(approver)} cannot approve.`,
  ERC20InvalidReceiver: ([receiver]) => `${str(receiver)} cannot receive tokens.`,
  ERC20InvalidSender: ([sender]) => `${str(sender)} cannot send tokens.`,
  ERC20InvalidSpender: ([spender]) => `${str(spender)} cannot be approved as a spender.`,
  ERC20ExceededSafeSupply: ([increasedSupply, cap]) =>
    `A supply of ${str(increasedSupply)} would exceed the voting-safe cap of ${str(cap)}.`,
  ERC2612ExpiredSignature: ([deadline]) => `The permit signature expired at ${str(deadline)}.`,
  ERC2612InvalidSigner: ([signer, owner]) => `The permit was signed by ${str(signer)}, not by the owner ${str(owner)}.`,
  ERC5805FutureLookup: ([timepoint, clock]) =>
    `Timepoint ${str(timepoint)} is not in the past (the clock is at ${str(clock)}).`,
  ERC6372InconsistentClock: () => "The token's clock is inconsistent.",
  VotesExpiredSignature: ([expiry]) => `The delegation signature expired at ${str(expiry)}.`,
  InvalidAccountNonce: ([account, currentNonce]) =>
    `The signature's nonce is not the next one of ${str(account)} (${str(currentNonce)}): it was already used or is out of order.`,
  CheckpointUnorderedInsertion: () => "A voting checkpoint would be written out of order.",
  ECDSAInvalidSignature: () => "The signature is not valid.",
  ECDSAInvalidSignatureLength: ([length]) => `The signature has ${str(length)} bytes; 65 are expected.`,
  ECDSAInvalidSignatureS: ([s]) => `The signature's s value ${str(s)} is not in the lower half order.`,
  InvalidShortString: () => "A short string is malformed.",
  StringTooLong: ([value]) => `The string ${str(value)} is too long.`,
  SafeCastOverflowedUintDowncast: ([bits, value]) => `${str(value)} does not fit in ${str(bits)} bits.`,
  // TimelockController
  TimelockInsufficientDelay: ([delay, minDelay]) =>
    `A delay of ${str(delay)} s is below the timelock's minimum of ${str(minDelay)} s.`,
  TimelockInvalidOperationLength: ([targets, payloads, values]) =>
    `A timelock operation needs as many targets (${str(targets)}), payloads (${str(payloads)}) and values (${str(values)}).`,
  TimelockUnauthorizedCaller: ([caller]) => `${str(caller)} cannot do this: only the timelock itself can.`,
  TimelockUnexecutedPredecessor: ([predecessorId]) =>
    `The predecessor operation ${str(predecessorId)} has not run yet.`,
  TimelockUnexpectedOperationState: ([operationId, expectedStates]) =>
    `Timelock operation ${str(operationId)} is not in the expected state (${timelockStates(expectedStates)}); before its delay has passed it is only waiting.`,
  AccessControlBadConfirmation: () => "An account can only renounce its own roles.",
  AccessControlUnauthorizedAccount: ([account, role]) => `${str(account)} lacks the role ${str(role)}.`,
  FailedCall: () => "A call made by the contract failed.",
} as const satisfies Record<AtlasContractErrorName, Formatter>;

function timelockStates(bitmap: unknown): string {
  const names = ["Unset", "Waiting", "Ready", "Done"];
  const bits = BigInt(bitmap as string);
  return names.filter((_, i) => (bits >> BigInt(i)) & 1n).join(" or ") || "none";
}

/** A contract reverted with one of its custom errors, decoded by name and arguments. */
export class AtlasContractError extends AtlasError {
  override name = "AtlasContractError";
  /** The custom error's name, as in the contract. */
  readonly errorName: AtlasContractErrorName;
  /** The custom error's arguments, decoded. */
  readonly args: readonly unknown[];
  constructor(errorName: AtlasContractErrorName, args: readonly unknown[], cause?: unknown) {
    const format = (contractErrorMessages as Record<string, Formatter>)[errorName];
    super(format ? format(args) : `The contract reverted with ${errorName}.`, {
      cause,
      metaMessages: [`Contract error: ${errorName}(${args.map((a) => str(a)).join(", ")})`],
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
 * Turns anything a viem call throws into an {@link AtlasError}: a decoded contract error, a user
 * rejection, a wrong chain, a network failure, or (last) a generic AtlasError keeping the cause.
 */
export function toAtlasError(error: unknown): AtlasError {
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
      const decoded = decodeErrorResult({ abi: atlasErrorsAbi, data }) as {
        errorName: AtlasContractErrorName | "Error" | "Panic";
        args: readonly unknown[] | undefined;
      };
      // viem also decodes the built-in Error(string) and Panic(uint256): those are plain reverts.
      if (decoded.errorName === "Error") return new AtlasRevertError(`"${String(decoded.args?.[0])}"`, error);
      if (decoded.errorName === "Panic") return new AtlasRevertError(`panic code ${String(decoded.args?.[0])}`, error);
      return new AtlasContractError(decoded.errorName, decoded.args ?? [], error);
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
