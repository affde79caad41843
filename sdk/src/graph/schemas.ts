import { encodePacked, keccak256, zeroAddress, type Address, type Hex } from "viem";

/**
 * The EAS schemas Atlas OS registers at deployment (no resolver, revocable), by address-book name.
 * One definition for the deployment, the SDK's encoders and the indexer.
 */
export const ATLAS_SCHEMAS = {
  /** A skill credential: an issuer attests that the recipient has `skill` at `level` (1–5). */
  skillCredential: "string skill,uint8 level,string evidenceURI",
  /** What an actor (a person or an AI agent) did, for one ledger (chain id and address): inputs, outputs, evidence and, for agents, the model or tool. */
  executionRecord:
    "uint256 chainId,address ledger,address actor,uint64 sovereignId,uint64 missionId,bytes32 taskRef,bytes32 inputHash,bytes32 outputHash,string evidenceURI,bytes32 modelHash",
  /** A verifier's verdict on an execution record (`refUID`), with the reputation points it earns (capped by the ledger). */
  executionVerification: "uint256 chainId,address ledger,bool approved,uint64 points,string comment",
  /** A verifier's verdict on an escrow milestone, naming the escrow contract and chain. */
  milestoneVerification:
    "uint256 chainId,address escrow,uint256 escrowId,uint256 milestoneIndex,bool approved,string evidenceURI",
} as const;

/** Name of an Atlas OS EAS schema. */
export type AtlasSchemaName = keyof typeof ATLAS_SCHEMAS;

/** Names of the schemas, in registration order. */
export const ATLAS_SCHEMA_NAMES = Object.keys(ATLAS_SCHEMAS) as AtlasSchemaName[];

/**
 * The UID EAS's SchemaRegistry gives a schema: `keccak256(abi.encodePacked(schema, resolver, revocable))`.
 */
export function schemaUid(schema: string, resolver: Address = zeroAddress, revocable = true): Hex {
  return keccak256(encodePacked(["string", "address", "bool"], [schema, resolver, revocable]));
}

/** The UIDs of every Atlas OS schema (no resolver, revocable). */
export function atlasSchemaUids(): Record<AtlasSchemaName, Hex> {
  return Object.fromEntries(ATLAS_SCHEMA_NAMES.map((name) => [name, schemaUid(ATLAS_SCHEMAS[name])])) as Record<
    AtlasSchemaName,
    Hex
  >;
}
