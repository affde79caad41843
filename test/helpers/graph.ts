/**
 * Shared fixture for Sovereign Graph tests: the whole stack (governance, EAS, registry, ledger,
 * the capital layer) deployed by the routine the deploy command uses, on the one in-process chain
 * of the test process, plus small helpers for EAS attestations and impersonated accounts.
 */
import { ZeroHash, type BaseContract, type ContractTransactionResponse, type Signer } from "ethers";

import { deployAtlas } from "../../deploy/deployAtlas.ts";
import { localAtlasConfig } from "../../deploy/config.ts";
import type { EAS } from "../../types/ethers-contracts/index.js";
import { connection, ethers, networkHelpers } from "./governance.ts";

export { connection, ethers, networkHelpers };

/** ISovereignRegistry.Role, by name. */
export const Role = {
  Member: 0,
  Contributor: 1,
  Issuer: 2,
  Verifier: 3,
  Arbiter: 4,
  Operator: 5,
  Agent: 6,
} as const;

/** ISovereignRegistry.MissionStatus, by name. */
export const MissionStatus = { None: 0, Draft: 1, Open: 2, InProgress: 3, Completed: 4, Cancelled: 5 } as const;

/** ISovereignRegistry.CredentialStatus, by name. */
export const CredentialStatus = {
  Valid: 0,
  UnknownAttestation: 1,
  WrongSchema: 2,
  WrongRecipient: 3,
  Revoked: 4,
  Expired: 5,
  SovereignInactive: 6,
  NotRecognized: 7,
  UntrustedIssuer: 8,
} as const;

/** A metadata hash for tests: keccak256 of `text`. */
export const metadata = (text: string) => ({ uri: `ipfs://${text}`, hash: ethers.id(text) });

/**
 * A signer for `address` (a contract's included: the timelock for governance-only calls, a
 * receiver contract acting as a party), holding `balance` wei (10 ETH unless given) for gas.
 */
export async function impersonate(address: string, balance = ethers.parseEther("10")): Promise<Signer> {
  await networkHelpers.impersonateAccount(address);
  await networkHelpers.setBalance(address, balance);
  return ethers.getSigner(address);
}

export async function graphFixture() {
  const signers = await ethers.getSigners();
  const [deployer, guardian, alice, bob, carol, dave] = signers;
  const atlasConfig = localAtlasConfig(signers.map((signer) => signer.address));
  const config = atlasConfig.governance;
  const deployment = await deployAtlas(connection, atlasConfig);
  return { ...deployment, config, signers, deployer, guardian, alice, bob, carol, dave };
}

/** Attests `data` (ABI-encoded) of `schema` to `recipient` from `attester`; returns the UID. */
export async function attest(
  eas: EAS,
  attester: Signer,
  schema: string,
  recipient: string,
  data: string,
  options: { expirationTime?: bigint; refUID?: string; revocable?: boolean } = {},
): Promise<string> {
  const tx = await eas.connect(attester).attest({
    schema,
    data: {
      recipient,
      expirationTime: options.expirationTime ?? 0n,
      revocable: options.revocable ?? true,
      refUID: options.refUID ?? ZeroHash,
      data,
      value: 0n,
    },
  });
  const receipt = await tx.wait();
  for (const log of receipt!.logs) {
    try {
      const parsed = eas.interface.parseLog(log);
      if (parsed?.name === "Attested") return parsed.args.uid as string;
    } catch {
      // Not an EAS log.
    }
  }
  throw new Error("EAS emitted no Attested event");
}

/** ABI encoding of a skill credential's data (schema `string skill,uint8 level,string evidenceURI`). */
export function skillData(skill: string, level: number, evidenceURI = "ipfs://evidence"): string {
  return ethers.AbiCoder.defaultAbiCoder().encode(["string", "uint8", "string"], [skill, level, evidenceURI]);
}

/** Decoded arguments of every `name` event `contract` emitted in `tx`, in order. */
export async function eventsOf(
  tx: ContractTransactionResponse,
  contract: BaseContract,
  name: string,
): Promise<unknown[][]> {
  const receipt = (await tx.wait())!;
  const address = await contract.getAddress();
  return receipt.logs
    .filter((log) => log.address === address)
    .map((log) => contract.interface.parseLog(log))
    .filter((event) => event?.name === name)
    .map((event) => event!.args.toArray() as unknown[]);
}
