/**
 * The JSON of the Sovereign Graph routes: ids and amounts as decimal strings, addresses
 * checksummed, hashes lower-case hex, enums by the SDK's names (roles, mission status), 0 ids
 * ("none") as null.
 */
import type {
  contribution,
  credential,
  executionRecord,
  member,
  mission,
  missionFunding,
  missionTransition,
  organization,
  sovereign,
  sovereignAdmin,
  trustedIssuer,
} from "ponder:schema";
import { MISSION_STATUSES, ROLES, type MissionStatus, type Role } from "@atlas-os/sdk";
import { getAddress, hexToString, trim, type Address, type Hex } from "viem";

import { atlasSchemaName } from "../../settings.ts";

/** ISovereignRegistry.Role, in enum order (bit `i` of a role bitmap). */
export { ROLES };
export type RoleName = Role;

/** ISovereignRegistry.MissionStatus, in enum order. */
export { MISSION_STATUSES };
export type MissionStatusName = MissionStatus;

/** Bits of the Member and Agent roles in a role bitmap. */
export const MEMBER_BIT = 1 << ROLES.indexOf("member");
const AGENT_BIT = 1 << ROLES.indexOf("agent");

const decimal = (value: bigint | null): string | null => (value === null ? null : value.toString());
const optionalId = (value: bigint | null): string | null => (value === null || value === 0n ? null : value.toString());
const address = (value: Hex): Address => getAddress(value);
const optionalAddress = (value: Hex | null): Address | null => (value === null ? null : getAddress(value));

export const roleNames = (roles: number): RoleName[] => ROLES.filter((_, bit) => (roles & (1 << bit)) !== 0);
export const missionStatusName = (status: number): MissionStatusName => MISSION_STATUSES[status] ?? "none";

/** A bytes32 label such as the ledger's kind "execution", or null if it is not printable text. */
export function bytes32Label(value: Hex): string | null {
  try {
    const text = hexToString(trim(value, { dir: "right" }));
    return /^[\x20-\x7e]*$/.test(text) ? text : null;
  } catch {
    return null;
  }
}

export interface SovereignJson {
  readonly id: string;
  readonly handle: string;
  readonly metadataURI: string;
  readonly metadataHash: Hex;
  readonly suspended: boolean;
  readonly adminCount: number;
  readonly founder: Address;
  readonly createdBlock: string;
  readonly createdTimestamp: string;
  readonly createdTransaction: Hex;
}

export function sovereignJson(row: typeof sovereign.$inferSelect): SovereignJson {
  return {
    id: row.id.toString(),
    handle: row.handle,
    metadataURI: row.metadataUri,
    metadataHash: row.metadataHash,
    suspended: row.suspended,
    adminCount: row.adminCount,
    founder: address(row.founder),
    createdBlock: row.createdBlock.toString(),
    createdTimestamp: row.createdTimestamp.toString(),
    createdTransaction: row.createdTransaction,
  };
}

export interface AdminJson {
  readonly account: Address;
  readonly addedBlock: string;
  readonly addedTimestamp: string;
}

export function adminJson(row: typeof sovereignAdmin.$inferSelect): AdminJson {
  return {
    account: address(row.account),
    addedBlock: row.addedBlock.toString(),
    addedTimestamp: row.addedTimestamp.toString(),
  };
}

/** "member" now; "pending" invitation or application; "former" after leaving or removal; else "none". */
export type MembershipStatus = "member" | "pending" | "former" | "none";

export interface MemberJson {
  readonly sovereignId: string;
  readonly account: Address;
  readonly status: MembershipStatus;
  readonly isMember: boolean;
  readonly isAdmin: boolean;
  /** The role bitmap (`rolesOf`), and its roles by name. */
  readonly roles: number;
  readonly roleNames: readonly RoleName[];
  readonly isAgent: boolean;
  readonly agentOperator: Address | null;
  readonly invitedBy: Address | null;
  readonly applied: boolean;
  readonly admittedBy: Address | null;
  readonly joinedBlock: string | null;
  readonly joinedTimestamp: string | null;
  readonly exit: "left" | "removed" | null;
  readonly exitBlock: string | null;
  readonly exitTimestamp: string | null;
}

export function memberJson(row: typeof member.$inferSelect, isAdmin: boolean): MemberJson {
  const isMember = (row.roles & MEMBER_BIT) !== 0;
  const status: MembershipStatus = isMember
    ? "member"
    : row.invitedBy !== null || row.applied
      ? "pending"
      : row.exit !== null
        ? "former"
        : "none";
  return {
    sovereignId: row.sovereignId.toString(),
    account: address(row.account),
    status,
    isMember,
    isAdmin,
    roles: row.roles,
    roleNames: roleNames(row.roles),
    isAgent: (row.roles & AGENT_BIT) !== 0,
    agentOperator: optionalAddress(row.agentOperator),
    invitedBy: optionalAddress(row.invitedBy),
    applied: row.applied,
    admittedBy: optionalAddress(row.admittedBy),
    joinedBlock: decimal(row.joinedBlock),
    joinedTimestamp: decimal(row.joinedTimestamp),
    exit: row.exit === "left" || row.exit === "removed" ? row.exit : null,
    exitBlock: decimal(row.exitBlock),
    exitTimestamp: decimal(row.exitTimestamp),
  };
}

export interface OrganizationJson {
  readonly id: string;
  readonly sovereignId: string;
  readonly metadataURI: string;
  readonly metadataHash: Hex;
  readonly creator: Address;
  readonly createdBlock: string;
  readonly createdTimestamp: string;
}

export function organizationJson(row: typeof organization.$inferSelect): OrganizationJson {
  return {
    id: row.id.toString(),
    sovereignId: row.sovereignId.toString(),
    metadataURI: row.metadataUri,
    metadataHash: row.metadataHash,
    creator: address(row.creator),
    createdBlock: row.createdBlock.toString(),
    createdTimestamp: row.createdTimestamp.toString(),
  };
}

export interface MissionJson {
  readonly id: string;
  readonly sovereignId: string;
  readonly organizationId: string | null;
  readonly owner: Address;
  readonly status: MissionStatusName;
  readonly metadataURI: string;
  readonly metadataHash: Hex;
  readonly createdBlock: string;
  readonly createdTimestamp: string;
  readonly createdTransaction: Hex;
}

export function missionJson(row: typeof mission.$inferSelect): MissionJson {
  return {
    id: row.id.toString(),
    sovereignId: row.sovereignId.toString(),
    organizationId: optionalId(row.organizationId),
    owner: address(row.owner),
    status: missionStatusName(row.status),
    metadataURI: row.metadataUri,
    metadataHash: row.metadataHash,
    createdBlock: row.createdBlock.toString(),
    createdTimestamp: row.createdTimestamp.toString(),
    createdTransaction: row.createdTransaction,
  };
}

export interface MissionTransitionJson {
  readonly from: MissionStatusName;
  readonly to: MissionStatusName;
  readonly by: Address;
  readonly blockNumber: string;
  readonly timestamp: string;
  readonly transactionHash: Hex;
}

export function missionTransitionJson(row: typeof missionTransition.$inferSelect): MissionTransitionJson {
  return {
    from: missionStatusName(row.from),
    to: missionStatusName(row.to),
    by: address(row.by),
    blockNumber: row.blockNumber.toString(),
    timestamp: row.timestamp.toString(),
    transactionHash: row.transactionHash,
  };
}

export interface FundingLinkJson {
  readonly module: Address;
  readonly fundingId: string;
  readonly blockNumber: string;
  readonly transactionHash: Hex;
}

export function fundingLinkJson(row: typeof missionFunding.$inferSelect): FundingLinkJson {
  return {
    module: address(row.module),
    fundingId: row.fundingId.toString(),
    blockNumber: row.blockNumber.toString(),
    transactionHash: row.transactionHash,
  };
}

export interface TrustedIssuerJson {
  readonly schema: Hex;
  /** The Atlas schema's name, null for another schema. */
  readonly schemaName: string | null;
  readonly issuer: Address;
  readonly trustedBy: Address;
  readonly blockNumber: string;
}

export function trustedIssuerJson(row: typeof trustedIssuer.$inferSelect): TrustedIssuerJson {
  return {
    schema: row.schema,
    schemaName: atlasSchemaName(row.schema) ?? null,
    issuer: address(row.issuer),
    trustedBy: address(row.by),
    blockNumber: row.blockNumber.toString(),
  };
}

/** A recognition seen from one sovereign: whether it recognizes `otherId`, and the reverse. */
export interface RecognitionJson {
  readonly otherId: string;
  readonly recognizes: boolean;
  readonly recognizedBy: boolean;
  readonly mutual: boolean;
  readonly blockNumber: string;
}

export interface CredentialJson {
  readonly uid: Hex;
  readonly schema: Hex;
  readonly recipient: Address;
  readonly attester: Address;
  /** Null when the data does not decode as the skill schema. */
  readonly skill: string | null;
  readonly level: number | null;
  readonly evidenceURI: string | null;
  readonly time: string;
  /** "0": never expires. */
  readonly expirationTime: string;
  readonly revoked: boolean;
  readonly revocationTime: string;
  readonly blockNumber: string;
  readonly transactionHash: Hex;
}

export function credentialJson(row: typeof credential.$inferSelect): CredentialJson {
  return {
    uid: row.uid,
    schema: row.schema,
    recipient: address(row.recipient),
    attester: address(row.attester),
    skill: row.skill,
    level: row.level,
    evidenceURI: row.evidenceUri,
    time: row.time.toString(),
    expirationTime: row.expirationTime.toString(),
    revoked: row.revoked,
    revocationTime: row.revocationTime.toString(),
    blockNumber: row.blockNumber.toString(),
    transactionHash: row.transactionHash,
  };
}

export interface ExecutionRecordJson {
  readonly uid: Hex;
  readonly attester: Address;
  readonly recipient: Address;
  /** The decoded fields: null when the data does not decode as the execution record schema. */
  /** The chain and the ledger the record names: the only ledger that records it. */
  readonly chainId: string | null;
  readonly ledger: Address | null;
  readonly actor: Address | null;
  readonly sovereignId: string | null;
  readonly missionId: string | null;
  readonly taskRef: Hex | null;
  readonly inputHash: Hex | null;
  readonly outputHash: Hex | null;
  readonly evidenceURI: string | null;
  readonly modelHash: Hex | null;
  readonly time: string;
  readonly revoked: boolean;
  readonly blockNumber: string;
  readonly transactionHash: Hex;
  /** The verification the ledger recorded it with (ExecutionRecorded), null until then. */
  readonly verification: {
    readonly uid: Hex;
    readonly verifier: Address;
    readonly points: string | null;
    readonly outcomeId: string;
    readonly blockNumber: string;
    readonly transactionHash: Hex;
  } | null;
}

export function executionRecordJson(row: typeof executionRecord.$inferSelect): ExecutionRecordJson {
  const recorded =
    row.verificationUid !== null &&
    row.verifier !== null &&
    row.outcomeId !== null &&
    row.recordedBlock !== null &&
    row.recordedTransaction !== null;
  return {
    uid: row.uid,
    attester: address(row.attester),
    recipient: address(row.recipient),
    chainId: decimal(row.chainId),
    ledger: optionalAddress(row.ledger),
    actor: optionalAddress(row.actor),
    sovereignId: decimal(row.sovereignId),
    missionId: decimal(row.missionId),
    taskRef: row.taskRef,
    inputHash: row.inputHash,
    outputHash: row.outputHash,
    evidenceURI: row.evidenceUri,
    modelHash: row.modelHash,
    time: row.time.toString(),
    revoked: row.revoked,
    blockNumber: row.blockNumber.toString(),
    transactionHash: row.transactionHash,
    verification: recorded
      ? {
          uid: row.verificationUid!,
          verifier: address(row.verifier!),
          points: decimal(row.points),
          outcomeId: row.outcomeId!.toString(),
          blockNumber: row.recordedBlock!.toString(),
          transactionHash: row.recordedTransaction!,
        }
      : null,
  };
}

export interface ContributionJson {
  readonly outcomeId: string;
  readonly account: Address;
  readonly sovereignId: string;
  readonly missionId: string | null;
  readonly kind: Hex;
  /** `kind` as text (e.g. "execution"), null if it is not printable. */
  readonly kindName: string | null;
  readonly token: Address;
  readonly amount: string;
  readonly points: string;
  readonly weight: number;
  /** The account's reputation in the sovereign after this contribution. */
  readonly reputation: string;
  readonly timestamp: string;
  readonly blockNumber: string;
  readonly transactionHash: Hex;
  readonly logIndex: number;
}

export function contributionJson(row: typeof contribution.$inferSelect): ContributionJson {
  return {
    outcomeId: row.outcomeId.toString(),
    account: address(row.account),
    sovereignId: row.sovereignId.toString(),
    missionId: optionalId(row.missionId),
    kind: row.kind,
    kindName: bytes32Label(row.kind),
    token: address(row.token),
    amount: row.amount.toString(),
    points: row.points.toString(),
    weight: row.weight,
    reputation: row.reputation.toString(),
    timestamp: row.timestamp.toString(),
    blockNumber: row.blockNumber.toString(),
    transactionHash: row.transactionHash,
    logIndex: row.logIndex,
  };
}
