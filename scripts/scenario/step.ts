/**
 * A scenario step: one thing someone does through the SDK, printed by the main job as one ✓ line
 * (actor, effect, transaction).
 */
import type { Hash } from "viem";

import type { ScenarioContext } from "./context.ts";

/** The SDK layer a step drives. */
export type Layer = "graph" | "capital" | "interstate" | "governance";

export interface StepOutcome {
  /** The effect, as printed after the step's name. */
  readonly detail: string;
  /** The transaction that made it, when one did. */
  readonly tx?: Hash;
}

export interface ScenarioStep {
  /** Who does what: "register: north", "castVoteBySig: signer". */
  readonly name: string;
  readonly layer: Layer;
  /** Part of the recorded world the end-to-end tests read, not of the main job's run. */
  readonly testOnly: boolean;
  /** The heading it is printed under (a part of the coordination loop). */
  readonly chapter: string;
  run(ctx: ScenarioContext): Promise<StepOutcome>;
}

/** Steps of one chapter: `steps("Heading", { testOnly })(name, layer, run)`. */
export function chapter(title: string, { testOnly = false }: { testOnly?: boolean } = {}) {
  return (name: string, layer: Layer, run: (ctx: ScenarioContext) => Promise<StepOutcome>): ScenarioStep => ({
    name,
    layer,
    testOnly,
    chapter: title,
    run,
  });
}

/** The first characters of an address, a hash or a UID. */
export const short = (value: string): string => `${value.slice(0, 10)}…`;
