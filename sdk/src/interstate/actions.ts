import type { AtlasContext } from "../client.ts";

import { appealRuling, type AppealRulingParameters, type AppealRulingReturnType } from "./appealRuling.ts";
import { finalizeDispute, type FinalizeDisputeParameters, type FinalizeDisputeReturnType } from "./finalizeDispute.ts";
import { getDispute, type GetDisputeParameters, type GetDisputeReturnType } from "./getDispute.ts";
import {
  getFinalizableAt,
  type GetFinalizableAtParameters,
  type GetFinalizableAtReturnType,
} from "./getFinalizableAt.ts";
import {
  isFallbackArbiter,
  type IsFallbackArbiterParameters,
  type IsFallbackArbiterReturnType,
} from "./isFallbackArbiter.ts";
import { proposeArbiter, type ProposeArbiterParameters, type ProposeArbiterReturnType } from "./proposeArbiter.ts";
import { ruleDispute, type RuleDisputeParameters, type RuleDisputeReturnType } from "./ruleDispute.ts";
import { submitEvidence, type SubmitEvidenceParameters, type SubmitEvidenceReturnType } from "./submitEvidence.ts";

/**
 * The interstate layer's actions, bound to a client (see each action's own documentation): the
 * disputes of Arbitration, where an arbiter from a sovereign both parties' sovereigns recognize,
 * or one of governance's fallback arbiters, rules a deal's disputed amount (an escrow
 * milestone's: `disputeMilestone` opens them).
 */
export interface InterstateActions {
  // Disputes (Arbitration)
  getDispute(parameters: GetDisputeParameters): Promise<GetDisputeReturnType>;
  getFinalizableAt(parameters: GetFinalizableAtParameters): Promise<GetFinalizableAtReturnType>;
  isFallbackArbiter(parameters: IsFallbackArbiterParameters): Promise<IsFallbackArbiterReturnType>;
  proposeArbiter(parameters: ProposeArbiterParameters): Promise<ProposeArbiterReturnType>;
  submitEvidence(parameters: SubmitEvidenceParameters): Promise<SubmitEvidenceReturnType>;
  ruleDispute(parameters: RuleDisputeParameters): Promise<RuleDisputeReturnType>;
  appealRuling(parameters: AppealRulingParameters): Promise<AppealRulingReturnType>;
  finalizeDispute(parameters: FinalizeDisputeParameters): Promise<FinalizeDisputeReturnType>;
}

/**
 * The interstate layer: binds every interstate action to `context`. Given to
 * `createAtlasClient` as `layers: { interstate }`, it becomes the client's `interstate` property.
 */
export function interstate(context: AtlasContext): InterstateActions {
  return {
    getDispute: (parameters) => getDispute(context, parameters),
    getFinalizableAt: (parameters) => getFinalizableAt(context, parameters),
    isFallbackArbiter: (parameters) => isFallbackArbiter(context, parameters),
    proposeArbiter: (parameters) => proposeArbiter(context, parameters),
    submitEvidence: (parameters) => submitEvidence(context, parameters),
    ruleDispute: (parameters) => ruleDispute(context, parameters),
    appealRuling: (parameters) => appealRuling(context, parameters),
    finalizeDispute: (parameters) => finalizeDispute(context, parameters),
  };
}
