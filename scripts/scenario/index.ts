/**
 * The coordination loop's scenario, defined once: an ordered list of SDK steps. The main job
 * (`npm start`) runs the steps that are not test-only and prints one ✓ line per step; the
 * end-to-end tests' recorded world (test/e2e/world.ts) is the whole list run on a fresh node.
 *
 * Order: the main job's steps (graph, capital, governance), then the test-only edge cases, each
 * in sovereigns and proposals of its own (graph, governance, capital: its clocks must be the last
 * to move far), then the end of the world (live-vote proposals, one pending, busy blocks).
 */
import type { Hash } from "viem";

import { CAPITAL_STEPS } from "./capital.ts";
import { CAPITAL_EDGE_STEPS } from "./capitalEdges.ts";
import type { ScenarioContext } from "./context.ts";
import { GOVERNANCE_STEPS } from "./governance.ts";
import { GOVERNANCE_EDGE_STEPS } from "./governanceEdges.ts";
import { GRAPH_STEPS } from "./graph.ts";
import { GRAPH_EDGE_STEPS } from "./graphEdges.ts";
import type { ProducedIds } from "./ids.ts";
import type { ScenarioStep } from "./step.ts";
import { WORLD_END_STEPS } from "./worldEnd.ts";

export const SCENARIO: readonly ScenarioStep[] = [
  ...GRAPH_STEPS,
  ...CAPITAL_STEPS,
  ...GOVERNANCE_STEPS,
  ...GRAPH_EDGE_STEPS,
  ...GOVERNANCE_EDGE_STEPS,
  ...CAPITAL_EDGE_STEPS,
  ...WORLD_END_STEPS,
];

/** A step as it ran: its ✓ line's parts. */
export interface StepRun {
  readonly step: string;
  readonly detail: string;
  readonly tx?: Hash;
}

export interface ScenarioRun {
  readonly steps: readonly StepRun[];
  readonly ids: ProducedIds;
}

/**
 * Runs the scenario's steps in order (the test-only ones too with `testOnly`), printing each
 * chapter's heading and one ✓ line per step through `log`.
 */
export async function runScenario(
  ctx: ScenarioContext,
  { testOnly, log }: { testOnly: boolean; log: (line: string) => void },
): Promise<ScenarioRun> {
  const steps: StepRun[] = [];
  let chapter: string | undefined;
  for (const step of SCENARIO) {
    if (step.testOnly && !testOnly) continue;
    if (step.chapter !== chapter) {
      chapter = step.chapter;
      log("");
      log(chapter);
    }
    let outcome;
    try {
      outcome = await step.run(ctx);
    } catch (error) {
      throw new Error(
        `scenario step "${step.name}" failed: ${error instanceof Error ? error.message : String(error)}`,
        {
          cause: error,
        },
      );
    }
    const { detail, tx } = outcome;
    steps.push({ step: step.name, detail, ...(tx ? { tx } : {}) });
    log(`  ✓ ${step.name.padEnd(26)} ${detail}${tx ? `  (${tx.slice(0, 10)}…)` : ""}`);
  }
  return { steps, ids: ctx.ids };
}
