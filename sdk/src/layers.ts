/**
 * Every layer of the SDK in one object, for scripts and tests that use them all:
 * `createAtlasClient({ publicClient, walletClient, layers: allLayers })`. An app that uses a few
 * layers names them instead (`layers: { governance }`), so its bundle carries no other layer.
 */
import { capital } from "./capital/actions.ts";
import { governance } from "./governance/actions.ts";
import { graph } from "./graph/actions.ts";
import { interstate } from "./interstate/actions.ts";

/** Every layer: `governance`, `graph`, `capital` and `interstate`. */
export const allLayers = { governance, graph, capital, interstate } as const;
