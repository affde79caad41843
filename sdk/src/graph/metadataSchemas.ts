/**
 * The validation keywords of the metadata JSON Schemas published in sdk/schemas/ (the files add
 * titles and descriptions; a test checks both say the same), and the document types they describe.
 */

/** The subset of JSON Schema (2020-12) the metadata schemas use. */
export interface MetadataSchema {
  readonly type?: "object" | "array" | "string" | "number" | "integer" | "boolean";
  readonly enum?: readonly string[];
  readonly required?: readonly string[];
  readonly additionalProperties?: false;
  readonly properties?: { readonly [name: string]: MetadataSchema };
  readonly items?: MetadataSchema;
  readonly uniqueItems?: true;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
}

const URI = { type: "string", pattern: "^[a-z][a-z0-9+.-]*:" } as const;
const ADDRESS = { type: "string", pattern: "^0x[0-9a-fA-F]{40}$" } as const;
const CHAIN_ID = { type: "integer", minimum: 1 } as const;
const text = (maxLength: number, minLength?: number) =>
  ({ type: "string", ...(minLength === undefined ? {} : { minLength }), maxLength }) as const;

/** sdk/schemas/sovereign-metadata.schema.json, without its annotations. */
export const sovereignMetadataSchema: MetadataSchema = {
  type: "object",
  required: ["name", "description", "governance"],
  additionalProperties: false,
  properties: {
    name: text(100, 1),
    description: text(5000),
    kind: { enum: ["network-state", "dao", "city", "cooperative", "other"] },
    image: URI,
    website: URI,
    governance: {
      type: "object",
      required: ["model"],
      additionalProperties: false,
      properties: {
        model: {
          enum: ["token-voting", "one-member-one-vote", "delegated", "council", "consensus", "founder-led", "other"],
        },
        description: text(2000),
        constitutionURI: URI,
        votingToken: ADDRESS,
        chainId: CHAIN_ID,
      },
    },
    geography: {
      type: "object",
      required: ["presence"],
      additionalProperties: false,
      properties: {
        presence: { enum: ["physical", "digital", "hybrid"] },
        regions: {
          type: "array",
          uniqueItems: true,
          items: { type: "string", pattern: "^[A-Z]{2}(-[A-Z0-9]{1,3})?$" },
        },
        locality: text(200),
        coordinates: {
          type: "object",
          required: ["latitude", "longitude"],
          additionalProperties: false,
          properties: {
            latitude: { type: "number", minimum: -90, maximum: 90 },
            longitude: { type: "number", minimum: -180, maximum: 180 },
          },
        },
        population: { type: "integer", minimum: 0 },
      },
    },
    stack: {
      type: "object",
      additionalProperties: false,
      properties: {
        chainIds: { type: "array", uniqueItems: true, items: CHAIN_ID },
        contracts: {
          type: "array",
          items: {
            type: "object",
            required: ["name", "address"],
            additionalProperties: false,
            properties: { name: text(100, 1), address: ADDRESS, chainId: CHAIN_ID },
          },
        },
        tools: { type: "array", uniqueItems: true, items: text(100, 1) },
        repositories: { type: "array", uniqueItems: true, items: URI },
      },
    },
  },
};

/** sdk/schemas/mission-metadata.schema.json, without its annotations. */
export const missionMetadataSchema: MetadataSchema = {
  type: "object",
  required: ["title", "description"],
  additionalProperties: false,
  properties: {
    title: text(200, 1),
    description: text(10000),
    requiredSkills: {
      type: "array",
      items: {
        type: "object",
        required: ["schema"],
        additionalProperties: false,
        properties: {
          schema: { type: "string", pattern: "^0x[0-9a-fA-F]{64}$" },
          skill: text(100, 1),
          minLevel: { type: "integer", minimum: 1, maximum: 5 },
        },
      },
    },
    kpis: {
      type: "array",
      items: {
        type: "object",
        required: ["name", "target"],
        additionalProperties: false,
        properties: { name: text(200, 1), target: { type: "number" }, unit: text(50), description: text(2000) },
      },
    },
    deadline: { type: "integer", minimum: 0 },
    tags: { type: "array", uniqueItems: true, items: text(50, 1) },
  },
};

/** How a sovereign decides ({@link SovereignMetadata}`.governance`). */
export interface SovereignGovernance {
  readonly model:
    "token-voting" | "one-member-one-vote" | "delegated" | "council" | "consensus" | "founder-led" | "other";
  /** The model in words. */
  readonly description?: string;
  /** URI of its constitution or charter. */
  readonly constitutionURI?: string;
  /** Address of the token that votes, for token voting. */
  readonly votingToken?: string;
  /** Chain of the voting token. */
  readonly chainId?: number;
}

/** Where a sovereign is ({@link SovereignMetadata}`.geography`). */
export interface SovereignGeography {
  /** Whether it has land, lives online, or both. */
  readonly presence: "physical" | "digital" | "hybrid";
  /** ISO 3166-1 alpha-2 countries or ISO 3166-2 subdivisions (e.g. "PT", "PT-11"). */
  readonly regions?: readonly string[];
  /** City, town or site. */
  readonly locality?: string;
  /** A representative point (WGS 84). */
  readonly coordinates?: { readonly latitude: number; readonly longitude: number };
  /** Approximate number of people. */
  readonly population?: number;
}

/** The technology a sovereign runs on ({@link SovereignMetadata}`.stack`). */
export interface SovereignStack {
  /** EVM chains it operates on. */
  readonly chainIds?: readonly number[];
  /** Its own contracts. */
  readonly contracts?: readonly { readonly name: string; readonly address: string; readonly chainId?: number }[];
  /** Software it relies on (e.g. "Atlas OS", "Safe", "Snapshot"). */
  readonly tools?: readonly string[];
  /** URIs of its source repositories. */
  readonly repositories?: readonly string[];
}

/** A sovereign's metadata document (sdk/schemas/sovereign-metadata.schema.json). */
export interface SovereignMetadata {
  /** Display name (1–100 characters). */
  readonly name: string;
  /** What the sovereign is and does. */
  readonly description: string;
  readonly kind?: "network-state" | "dao" | "city" | "cooperative" | "other";
  /** URI of a logo or picture. */
  readonly image?: string;
  /** URI of its home page. */
  readonly website?: string;
  readonly governance: SovereignGovernance;
  readonly geography?: SovereignGeography;
  readonly stack?: SovereignStack;
}

/** A credential a mission's contributors need ({@link MissionMetadata}`.requiredSkills`). */
export interface MissionRequiredSkill {
  /** EAS schema UID of the credential (e.g. the skillCredential schema's). */
  readonly schema: `0x${string}`;
  /** Skill named in the credential. */
  readonly skill?: string;
  /** Lowest level accepted (1–5). */
  readonly minLevel?: number;
}

/** How a mission's success is measured ({@link MissionMetadata}`.kpis`). */
export interface MissionKpi {
  readonly name: string;
  /** The value that counts as success. */
  readonly target: number;
  /** Unit of the target (e.g. "%", "users"). */
  readonly unit?: string;
  /** How it is measured. */
  readonly description?: string;
}

/** A mission's metadata document (sdk/schemas/mission-metadata.schema.json). */
export interface MissionMetadata {
  /** What the mission is called (1–200 characters). */
  readonly title: string;
  /** What is to be done, and why. */
  readonly description: string;
  readonly requiredSkills?: readonly MissionRequiredSkill[];
  readonly kpis?: readonly MissionKpi[];
  /** Unix time (seconds) the mission should be completed by. */
  readonly deadline?: number;
  readonly tags?: readonly string[];
}
