/** Where an event happened: the fields every event row of the schema carries. */
import type { Hex } from "viem";

export interface EventRef {
  readonly id: string;
  readonly blockNumber: bigint;
  readonly timestamp: bigint;
  readonly transactionHash: Hex;
  readonly logIndex: number;
}

export function eventRef(event: {
  readonly id: string;
  readonly block: { readonly number: bigint; readonly timestamp: bigint };
  readonly transaction: { readonly hash: Hex };
  readonly log: { readonly logIndex: number };
}): EventRef {
  return {
    id: event.id,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    transactionHash: event.transaction.hash,
    logIndex: event.log.logIndex,
  };
}
