/**
 * The test-only steps' direct contract calls (the SDK's ABIs through viem's getContract), for the
 * edge cases the SDK's actions check away before sending: a one-sided recognition revoked, an
 * application rejected, undecodable attestation data, governance's own calls (impersonated).
 */
import {
  arbitrationAbi,
  atlasTokenAbi,
  bountyBoardAbi,
  contributionLedgerAbi,
  easAbi,
  milestoneEscrowAbi,
  revenueSplitAbi,
  revenueSplitFactoryAbi,
  sovereignRegistryAbi,
} from "../../sdk/src/abi/index.ts";
import {
  getContract,
  parseAbi,
  parseEventLogs,
  zeroHash,
  type Abi,
  type Address,
  type ContractEventArgsFromTopics,
  type ContractEventName,
  type Hex,
  type LocalAccount,
  type TransactionReceipt,
} from "viem";

import type { ScenarioContext } from "./context.ts";

const schemaRegistryAbi = parseAbi([
  "function register(string schema, address resolver, bool revocable) returns (bytes32)",
]);

/** The stack's contracts, bound to a sender: `contracts(ctx).registry(alice).write.register([...])`. */
export function contracts(ctx: ScenarioContext) {
  const at =
    <const A extends Abi>(address: Address, abi: A) =>
    (account: Address | LocalAccount) =>
      getContract({ address, abi, client: { public: ctx.publicClient, wallet: ctx.wallet(account) } });
  const { contracts: book } = ctx.book;
  return {
    registry: at(book.registry.address, sovereignRegistryAbi),
    ledger: at(book.ledger.address, contributionLedgerAbi),
    eas: at(book.eas.address, easAbi),
    schemaRegistry: at(book.schemaRegistry.address, schemaRegistryAbi),
    token: at(book.token.address, atlasTokenAbi),
    board: at(book.bountyBoard.address, bountyBoardAbi),
    escrow: at(book.escrow.address, milestoneEscrowAbi),
    arbitration: at(book.arbitration.address, arbitrationAbi),
    factory: at(book.splitFactory.address, revenueSplitFactoryAbi),
    split: (address: Address) => at(address, revenueSplitAbi),
  };
}

/** The arguments of the first `eventName` log of `abi` in a receipt. */
export function eventOf<const A extends Abi, N extends ContractEventName<A>>(
  receipt: TransactionReceipt,
  abi: A,
  eventName: N,
): ContractEventArgsFromTopics<A, N> {
  const [log] = parseEventLogs({ abi, eventName, logs: receipt.logs });
  if (log === undefined) throw new Error(`transaction ${receipt.transactionHash} emitted no ${String(eventName)}`);
  return (log as unknown as { args: ContractEventArgsFromTopics<A, N> }).args;
}

/** Attests on EAS and returns the attestation's UID. */
export async function attest(
  ctx: ScenarioContext,
  attester: Address | LocalAccount,
  schema: Hex,
  recipient: Address,
  data: Hex,
  options: { expirationTime?: bigint; refUID?: Hex } = {},
): Promise<Hex> {
  const receipt = await ctx.mined(
    contracts(ctx)
      .eas(attester)
      .write.attest([
        {
          schema,
          data: {
            recipient,
            expirationTime: options.expirationTime ?? 0n,
            revocable: true,
            refUID: options.refUID ?? zeroHash,
            data,
            value: 0n,
          },
        },
      ]),
  );
  return eventOf(receipt, easAbi, "Attested").uid;
}

/** Sorts addresses ascending as numbers (a split's rule). */
export const sortAddresses = (addresses: readonly Address[]): Address[] =>
  [...addresses].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0));
