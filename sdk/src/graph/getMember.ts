import { zeroAddress, type Address } from "viem";

import { sovereignRegistryErrors } from "../abi/SovereignRegistry.ts";
import * as SovereignRegistry from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { decodeAtlasError, type AtlasError } from "../errors.ts";
import { rolesOf, type Role } from "./enums.ts";

/** The items of `SovereignRegistry`'s ABI this action uses. */
const sovereignRegistryItems = [
  SovereignRegistry.adminOffer,
  SovereignRegistry.agentOperator,
  SovereignRegistry.isAdmin,
  SovereignRegistry.pendingMembership,
  SovereignRegistry.rolesOf,
] as const;

export interface GetMemberParameters {
  readonly sovereignId: bigint;
  readonly account: Address;
}

/** An account's standing in a sovereign, all read at the same block. */
export interface GetMemberReturnType {
  readonly sovereignId: bigint;
  readonly account: Address;
  /** Whether it is a member (holds the `member` role). */
  readonly isMember: boolean;
  /** Every role it holds, in the contract's order (`member` first). */
  readonly roles: readonly Role[];
  /** Whether it is an admin (adminship is separate from membership). */
  readonly isAdmin: boolean;
  /** For an AI agent, the member who operated it when registered; `undefined` otherwise. */
  readonly agentOperator: Address | undefined;
  /** The admin whose invitation is pending (it lapses if they stop being an admin); `undefined` when none is. */
  readonly invitedBy: Address | undefined;
  /** Whether its application to join is pending. */
  readonly applied: boolean;
  /** A pending adminship offer to it; `undefined` when none is. */
  readonly adminOffer: { readonly offeredBy: Address; readonly handOver: boolean } | undefined;
  /** Block the values were read at. */
  readonly blockNumber: bigint;
}

export type GetMemberErrorType = AtlasError;

const orUndefined = (address: Address) => (address === zeroAddress ? undefined : address);

/**
 * Reads an account's membership, roles, adminship, agent operator and pending invitation,
 * application and adminship offer in a sovereign.
 * @throws {AtlasNetworkError} when the RPC cannot be reached.
 */
export async function getMember(
  context: AtlasContext,
  { sovereignId, account }: GetMemberParameters,
): Promise<GetMemberReturnType> {
  try {
    const client = context.publicClient;
    // Not cached: a read right after a write must see that write.
    const blockNumber = await client.getBlockNumber({ cacheTime: 0 });
    const read = { address: context.addresses.registry, abi: sovereignRegistryItems, blockNumber } as const;
    const args = [sovereignId, account] as const;
    const [bitmap, isAdmin, operator, [invitedBy, applied], [offeredBy, handOver]] = await Promise.all([
      client.readContract({ ...read, functionName: "rolesOf", args }),
      client.readContract({ ...read, functionName: "isAdmin", args }),
      client.readContract({ ...read, functionName: "agentOperator", args }),
      client.readContract({ ...read, functionName: "pendingMembership", args }),
      client.readContract({ ...read, functionName: "adminOffer", args }),
    ]);
    const roles = rolesOf(bitmap);
    return {
      sovereignId,
      account,
      isMember: roles.includes("member"),
      roles,
      isAdmin,
      agentOperator: orUndefined(operator),
      invitedBy: orUndefined(invitedBy),
      applied,
      adminOffer: offeredBy === zeroAddress ? undefined : { offeredBy, handOver },
      blockNumber,
    };
  } catch (error) {
    throw decodeAtlasError(error, sovereignRegistryErrors);
  }
}
