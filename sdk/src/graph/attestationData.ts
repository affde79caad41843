import {
  decodeAbiParameters,
  encodeAbiParameters,
  isHex,
  parseAbiParameters,
  type AbiParameter,
  type AbiParameterToPrimitiveType,
  type Hex,
  type ParseAbiParameters,
} from "viem";

import { ATLAS_SCHEMAS, atlasSchemaUids, type AtlasSchemaName } from "./schemas.ts";

/**
 * The data of an attestation of an Atlas OS schema, as an object keyed by the schema's field
 * names, typed from the schema string itself (`uint64` fields are bigints, `uint8` numbers).
 */
export type AtlasAttestationData<TSchema extends AtlasSchemaName> = FieldsOf<
  ParseAbiParameters<(typeof ATLAS_SCHEMAS)[TSchema]>
>;

/** An object type keyed by the names of ABI parameters, each holding its parameter's type. */
type FieldsOf<TParameters> = TParameters extends readonly AbiParameter[]
  ? {
      readonly [
        P in TParameters[number] as P extends { name: infer K extends string } ? K : never
      ]: P extends AbiParameter ? AbiParameterToPrimitiveType<P> : never;
    }
  : never;

/** `string skill, uint8 level, string evidenceURI`. */
export type SkillCredentialData = AtlasAttestationData<"skillCredential">;
/** `address actor, uint64 sovereignId, uint64 missionId, bytes32 taskRef, bytes32 inputHash, bytes32 outputHash, string evidenceURI, bytes32 modelHash`. */
export type ExecutionRecordData = AtlasAttestationData<"executionRecord">;
/** `bool approved, uint64 points, string comment`. */
export type ExecutionVerificationData = AtlasAttestationData<"executionVerification">;
/** `uint256 escrowId, uint256 milestoneIndex, bool approved, string evidenceURI`. */
export type MilestoneVerificationData = AtlasAttestationData<"milestoneVerification">;

/** An EAS schema: an Atlas OS schema by name, or any schema UID. */
export type SchemaReference = AtlasSchemaName | Hex;

/** The UID of a schema reference (an Atlas OS schema's UID: no resolver, revocable). */
export function schemaUidOf(schema: SchemaReference): Hex {
  return isHex(schema) ? schema : atlasSchemaUids()[schema];
}

const parametersOf = (schema: AtlasSchemaName): readonly AbiParameter[] =>
  parseAbiParameters<string>(ATLAS_SCHEMAS[schema]);

/** ABI-encodes `data` as the EAS `data` of an attestation of `schema`. */
export function encodeAttestationData<TSchema extends AtlasSchemaName>(
  schema: TSchema,
  data: AtlasAttestationData<TSchema>,
): Hex {
  const parameters = parametersOf(schema);
  return encodeAbiParameters(
    parameters,
    parameters.map((p) => (data as Record<string, unknown>)[p.name!]),
  );
}

/** Decodes the EAS `data` of an attestation of `schema` into an object keyed by field name. */
export function decodeAttestationData<TSchema extends AtlasSchemaName>(
  schema: TSchema,
  data: Hex,
): AtlasAttestationData<TSchema> {
  const parameters = parametersOf(schema);
  const values = decodeAbiParameters(parameters, data);
  return Object.fromEntries(parameters.map((p, i) => [p.name!, values[i]])) as AtlasAttestationData<TSchema>;
}
