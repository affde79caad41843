import type { Hex } from "viem";

import { AtlasMetadataError } from "../errors.ts";
import { canonicalJson, hashMetadata } from "./metadata.ts";
import {
  missionMetadataSchema,
  sovereignMetadataSchema,
  type MetadataSchema,
  type MissionMetadata,
  type SovereignMetadata,
} from "./metadataSchemas.ts";

/** What validating a metadata document found. */
export interface ValidateMetadataReturnType {
  /** Whether the document matches its schema. */
  readonly valid: boolean;
  /** One sentence per problem, each naming where it is (`governance.model: …`); empty when valid. */
  readonly errors: readonly string[];
}

const TYPES: Record<NonNullable<MetadataSchema["type"]>, (value: unknown) => boolean> = {
  object: (v) => typeof v === "object" && v !== null && !Array.isArray(v),
  array: Array.isArray,
  string: (v) => typeof v === "string",
  number: (v) => typeof v === "number" && Number.isFinite(v),
  integer: Number.isSafeInteger,
  boolean: (v) => typeof v === "boolean",
};

/** An array item as uniqueness compares it: its canonical JSON (key order does not matter). */
function itemKey(item: unknown): string {
  try {
    return canonicalJson(item);
  } catch {
    return String(item);
  }
}

/** The problems of `value` against `schema` (the subset of JSON Schema {@link MetadataSchema} lists). */
function problems(schema: MetadataSchema, value: unknown, at: string, found: string[]): void {
  const where = at || "(document)";
  if (schema.type && !TYPES[schema.type](value)) {
    found.push(`${where}: must be ${/^[aeiou]/.test(schema.type) ? "an" : "a"} ${schema.type}`);
    return;
  }
  if (schema.enum && !schema.enum.includes(value as string)) {
    found.push(`${where}: must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(", ")}`);
  }
  if (typeof value === "string") {
    // Code points, as JSON Schema counts a string's length.
    const length = [...value].length;
    if (schema.minLength !== undefined && length < schema.minLength)
      found.push(`${where}: must have at least ${schema.minLength} character(s)`);
    if (schema.maxLength !== undefined && length > schema.maxLength)
      found.push(`${where}: must have at most ${schema.maxLength} characters`);
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, "u").test(value))
      found.push(`${where}: must match ${schema.pattern}`);
  }
  if (typeof value === "number") {
    if (schema.minimum !== undefined && value < schema.minimum) found.push(`${where}: must be ≥ ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) found.push(`${where}: must be ≤ ${schema.maximum}`);
  }
  if (Array.isArray(value)) {
    if (schema.items) value.forEach((item, i) => problems(schema.items!, item, `${at}[${i}]`, found));
    if (schema.uniqueItems && new Set(value.map(itemKey)).size !== value.length)
      found.push(`${where}: must not repeat an item`);
  }
  if (schema.type === "object") {
    const object = value as Record<string, unknown>;
    const path = (key: string) => (at ? `${at}.${key}` : key);
    for (const key of schema.required ?? []) if (object[key] === undefined) found.push(`${path(key)}: is required`);
    for (const [key, item] of Object.entries(object)) {
      const property = schema.properties?.[key];
      if (property) {
        if (item !== undefined) problems(property, item, path(key), found);
      } else if (schema.additionalProperties === false) {
        found.push(`${path(key)}: is not a known property`);
      }
    }
  }
}

function validate(schema: MetadataSchema, document: unknown): ValidateMetadataReturnType {
  const errors: string[] = [];
  problems(schema, document, "", errors);
  return { valid: errors.length === 0, errors };
}

/**
 * Checks a sovereign metadata document against sdk/schemas/sovereign-metadata.schema.json
 * (name, description, governance model; optional kind, links, geography and stack).
 */
export function validateSovereignMetadata(document: unknown): ValidateMetadataReturnType {
  return validate(sovereignMetadataSchema, document);
}

/**
 * Checks a mission metadata document against sdk/schemas/mission-metadata.schema.json (title,
 * description; optional required skills as credential schema UIDs, KPIs, deadline, tags).
 */
export function validateMissionMetadata(document: unknown): ValidateMetadataReturnType {
  return validate(missionMetadataSchema, document);
}

/** The {@link hashMetadata} hash of `document`, once it matches `schema`. */
function validatedHash(schema: MetadataSchema, document: unknown, kind: string): Hex {
  const { errors } = validate(schema, document);
  if (errors.length > 0) throw new AtlasMetadataError(kind, errors);
  return hashMetadata(document);
}

/**
 * The hash to store for a sovereign metadata document (the `metadataHash` of `registerSovereign`
 * and `updateSovereignMetadata`): its {@link hashMetadata} hash, once
 * {@link validateSovereignMetadata} found no problem.
 * @throws {AtlasMetadataError} listing every problem, for a document that does not match the schema.
 */
export function sovereignMetadataHash(document: SovereignMetadata): Hex {
  return validatedHash(sovereignMetadataSchema, document, "sovereign metadata");
}

/**
 * The hash to store for a mission metadata document (the `metadataHash` of `createMission` and
 * `updateMissionMetadata`): its {@link hashMetadata} hash, once {@link validateMissionMetadata}
 * found no problem.
 * @throws {AtlasMetadataError} listing every problem, for a document that does not match the schema.
 */
export function missionMetadataHash(document: MissionMetadata): Hex {
  return validatedHash(missionMetadataSchema, document, "mission metadata");
}
