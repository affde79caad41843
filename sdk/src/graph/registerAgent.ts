import type { Address } from "viem";

import { sovereignRegistryErrors } from "../abi/SovereignRegistry.ts";
import * as SovereignRegistry from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";

/** The items of `SovereignRegistry`'s ABI this action uses. */
const sovereignRegistryItems = [SovereignRegistry.registerAgent] as const;

export interface RegisterAgentParameters {
  /** The sovereign. */
  readonly sovereignId: bigint;
  /** The agent's account; it becomes a member holding the agent role. */
  readonly agent: Address;
  /** The member who runs the agent and answers for it. */
  readonly operator: Address;
}

export type RegisterAgentReturnType = WriteResult;

export type RegisterAgentErrorType = AtlasError;

/**
 * Registers an AI agent in the sovereign, operated by a member. Sovereign admin.
 * @throws {AtlasContractError} e.g. `RegistryNotSovereignAdmin`, `RegistryAgentOperatorNotMember`,
 * `RegistryRoleAlreadyGranted`, `RegistrySovereignSuspended`; {AtlasUserRejectedError}, {AtlasWrongChainError},
 * {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function registerAgent(
  context: AtlasContext,
  { sovereignId, agent, operator }: RegisterAgentParameters,
): Promise<RegisterAgentReturnType> {
  return simulateAndSend(context, sovereignRegistryErrors, "registerAgent", {
    address: context.addresses.registry,
    abi: sovereignRegistryItems,
    functionName: "registerAgent",
    args: [sovereignId, agent, operator],
  });
}
