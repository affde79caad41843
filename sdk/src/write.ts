import {
  isAddressEqual,
  parseEventLogs,
  type Abi,
  type Account,
  type Address,
  type Chain,
  type ContractEventName,
  type ContractFunctionArgs,
  type ContractFunctionName,
  type ContractFunctionParameters,
  type Hash,
  type ParseEventLogsReturnType,
  type SimulateContractParameters,
  type TransactionReceipt,
  type WalletClient,
  type Transport,
  type WriteContractParameters,
} from "viem";

import type { AtlasContext } from "./client.ts";
import {
  AtlasError,
  AtlasMissingWalletError,
  AtlasRevertError,
  AtlasWrongChainError,
  decodeAtlasError,
  type AtlasErrorCatalog,
} from "./errors.ts";

/** What every write returns: the transaction hash and its receipt. */
export interface WriteResult {
  readonly hash: Hash;
  readonly receipt: TransactionReceipt;
}

/**
 * The wallet of a context, checked to be present and on the context's chain; what the wallet
 * throws is decoded with `errors`, the calling layer's catalog.
 */
export async function connectedWallet(
  context: AtlasContext,
  errors: AtlasErrorCatalog,
  action: string,
): Promise<{ wallet: WalletClient<Transport, Chain | undefined, Account | undefined>; account: Account | Address }> {
  const wallet = context.walletClient;
  if (wallet === undefined) throw new AtlasMissingWalletError(action);
  let walletChainId: number;
  try {
    // Ask the wallet itself: an injected wallet can switch networks after the client was created.
    walletChainId = await wallet.getChainId();
  } catch (error) {
    throw decodeAtlasError(error, errors);
  }
  if (walletChainId !== context.chainId) throw new AtlasWrongChainError(context.chainId, walletChainId);
  const account =
    wallet.account ??
    (await wallet.getAddresses().catch((e: unknown) => Promise.reject(decodeAtlasError(e, errors))))[0];
  if (account === undefined) throw new AtlasMissingWalletError(action);
  return { wallet, account };
}

/** The address of the account a context's wallet writes from. */
export async function walletAddress(
  context: AtlasContext,
  errors: AtlasErrorCatalog,
  action: string,
): Promise<Address> {
  const { account } = await connectedWallet(context, errors, action);
  return typeof account === "string" ? account : account.address;
}

/**
 * The first `eventName` event that the contract at `address` emitted in a write's transaction.
 * @throws {AtlasError} when there is none.
 */
export function emitted<const TAbi extends Abi, TEventName extends ContractEventName<TAbi>>(
  { hash, receipt }: WriteResult,
  address: Address,
  abi: TAbi,
  eventName: TEventName,
): ParseEventLogsReturnType<TAbi, TEventName, true>[number] {
  const [log] = parseEventLogs({
    abi,
    eventName,
    logs: receipt.logs.filter((l) => isAddressEqual(l.address, address)),
  }) as ParseEventLogsReturnType<TAbi, TEventName, true>;
  if (log === undefined) throw new AtlasError(`Transaction ${hash} emitted no ${eventName} event.`);
  return log;
}

/** A call as the write path sends it, whatever its ABI: the runtime shape of a {@link WriteRequest}. */
interface ContractCall {
  readonly address: Address;
  readonly abi: Abi;
  readonly functionName: string;
  readonly args: readonly unknown[];
  /** Wei sent with the call (payable functions: ETH deposits). */
  readonly value?: bigint;
}

/**
 * A write to a contract, typed against its ABI: `functionName` one of its state-changing
 * functions, `args` exactly that function's arguments (viem's `ContractFunctionParameters`).
 */
export type WriteRequest<
  abi extends Abi,
  functionName extends ContractFunctionName<abi, "nonpayable" | "payable">,
  args extends ContractFunctionArgs<abi, "nonpayable" | "payable", functionName>,
> = ContractCall & ContractFunctionParameters<abi, "nonpayable" | "payable", functionName, args>;

/**
 * Simulates `request` with the public client (so a revert surfaces as a decoded contract error
 * before anything is signed), sends it from the wallet and waits for the receipt. Errors are
 * decoded with `errors`, the catalog of the contract called. The one write path of every action:
 * `request` is checked against its ABI at compile time.
 */
export async function simulateAndSend<
  const abi extends Abi,
  functionName extends ContractFunctionName<abi, "nonpayable" | "payable">,
  const args extends ContractFunctionArgs<abi, "nonpayable" | "payable", functionName>,
>(
  context: AtlasContext,
  errors: AtlasErrorCatalog,
  action: string,
  request: WriteRequest<abi, functionName, args>,
): Promise<WriteResult> {
  const { wallet, account } = await connectedWallet(context, errors, action);
  const { address, abi, functionName, args, value } = request;
  // Simulate against the pending block: the transaction lands in the next block, whose clock is
  // ahead of the latest one (Governor reads votes at clock() - 1, so a delegation mined in the
  // latest block already counts for a proposal sent now).
  const simulation: SimulateContractParameters<
    Abi,
    string,
    readonly unknown[],
    Chain | undefined,
    Chain | undefined,
    Account | Address
  > = { address, abi, functionName, args, value, account, blockTag: "pending" };
  const transaction: WriteContractParameters<
    Abi,
    string,
    readonly unknown[],
    Chain | undefined,
    Account | undefined,
    Chain | undefined
  > = { address, abi, functionName, args, value, account, chain: wallet.chain ?? null };
  try {
    await context.publicClient.simulateContract(simulation);
    const hash = await wallet.writeContract(transaction);
    const receipt = await context.publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") {
      // Mined but reverted (state moved between simulation and inclusion): replay for the reason,
      // and if the replay passes (e.g. the transaction ran out of gas), say so plainly.
      await context.publicClient.simulateContract({
        ...simulation,
        blockTag: undefined,
        blockNumber: receipt.blockNumber,
      });
      throw new AtlasRevertError(`${action} transaction ${hash} was mined but reverted`);
    }
    return { hash, receipt };
  } catch (error) {
    throw decodeAtlasError(error, errors);
  }
}
