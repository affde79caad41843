import {
  AtlasContractError,
  AtlasError,
  AtlasUserRejectedError,
  AtlasWrongChainError,
  decodeAtlasError,
  governanceErrors,
} from "@atlas-os/sdk";

export interface FailureMessage {
  /** One sentence or two for the page's alert region. */
  readonly text: string;
  /** Whether to offer the "Switch network" button. */
  readonly wrongChain: boolean;
}

/**
 * What the page says when `action` (e.g. "Vote") fails, decoding contract errors with the
 * governance layer's catalog only (the page calls no other layer). The SDK's `shortMessage` is already a
 * sentence for people: the page only says which action it concerns and what happened to it.
 */
export function failureMessage(action: string, error: unknown): FailureMessage {
  const atlasError = error instanceof AtlasError ? error : decodeAtlasError(error, governanceErrors);
  if (atlasError instanceof AtlasUserRejectedError) {
    return { text: `${action} cancelled: ${atlasError.shortMessage} Nothing was signed or sent.`, wrongChain: false };
  }
  if (atlasError instanceof AtlasWrongChainError) {
    return { text: `${action} not sent: ${atlasError.shortMessage}`, wrongChain: true };
  }
  if (atlasError instanceof AtlasContractError) {
    return { text: `${action} failed on chain: ${atlasError.shortMessage}`, wrongChain: false };
  }
  return { text: `${action} failed: ${atlasError.shortMessage}`, wrongChain: false };
}
