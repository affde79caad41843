/**
 * Decoding of Atlas attestation data by the schema definitions in ATLAS_SCHEMAS. EAS stores
 * whatever bytes the attester sent without checking them against the schema: data that does not
 * decode yields null fields, never a failed handler.
 */
import { ATLAS_SCHEMAS } from "@atlas-os/sdk";
import { decodeAbiParameters, parseAbiParameters, type Hex } from "viem";

const SKILL_CREDENTIAL = parseAbiParameters(ATLAS_SCHEMAS.skillCredential);
const EXECUTION_RECORD = parseAbiParameters(ATLAS_SCHEMAS.executionRecord);

function tryDecode<T>(decode: () => T): T | undefined {
  try {
    return decode();
  } catch {
    return undefined;
  }
}

/** A skill credential's fields. */
export function decodeSkillCredential(data: Hex) {
  const fields = tryDecode(() => decodeAbiParameters(SKILL_CREDENTIAL, data));
  return {
    skill: fields?.[0] ?? null,
    level: fields?.[1] ?? null,
    evidenceUri: fields?.[2] ?? null,
  };
}

/** An execution record's fields, the ledger it names (chain id and address) first. */
export function decodeExecutionRecord(data: Hex) {
  const fields = tryDecode(() => decodeAbiParameters(EXECUTION_RECORD, data));
  return {
    chainId: fields?.[0] ?? null,
    ledger: fields?.[1] ?? null,
    actor: fields?.[2] ?? null,
    sovereignId: fields?.[3] ?? null,
    missionId: fields?.[4] ?? null,
    taskRef: fields?.[5] ?? null,
    inputHash: fields?.[6] ?? null,
    outputHash: fields?.[7] ?? null,
    evidenceUri: fields?.[8] ?? null,
    modelHash: fields?.[9] ?? null,
  };
}
