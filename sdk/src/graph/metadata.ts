import { keccak256, stringToBytes, type Hex } from "viem";

import { AtlasMetadataError } from "../errors.ts";

/** A JSON value, as a metadata document holds it. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * The canonical JSON of `value` (RFC 8785, JCS): object keys sorted by UTF-16 code units, no
 * whitespace, strings and numbers as `JSON.stringify` prints them. Equal documents give equal
 * text however their keys were ordered. Properties whose value is `undefined` are left out, as
 * `JSON.stringify` does.
 * @throws {AtlasMetadataError} for a value JSON cannot hold (a non-finite number, a bigint, a function).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new AtlasMetadataError("metadata", [`${value} is not a JSON number`]);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item: unknown) => canonicalJson(item ?? null)).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  throw new AtlasMetadataError("metadata", [`a ${typeof value} is not a JSON value`]);
}

/**
 * The content hash the registry stores for a metadata document: keccak256 of the UTF-8 bytes of
 * its canonical JSON ({@link canonicalJson}). Anyone who fetches the document from its URI can
 * recompute it.
 */
export function hashMetadata(document: unknown): Hex {
  return keccak256(stringToBytes(canonicalJson(document)));
}

/**
 * Where a metadata document lives, and its hash. The writes that store one take the hash, not the
 * document, so that a bundle validates documents only where it imports a validator: compute it
 * with {@link sovereignMetadataHash} or {@link missionMetadataHash} (which check the document
 * against its schema first), or with {@link hashMetadata} (organization metadata has no schema).
 */
export interface MetadataReference {
  /** Where the document can be fetched (IPFS, Arweave, https, a `data:` URI…). */
  readonly metadataURI: string;
  /** The document's {@link hashMetadata} hash. */
  readonly metadataHash: Hex;
}
