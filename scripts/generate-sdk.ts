/**
 * Generates the SDK's typed inputs from the build and the deployments, so nothing in them is
 * edited by hand:
 *   sdk/src/abi/<contract>.ts   `export const <name>Abi = [...] as const` from artifacts/
 *   sdk/src/abi/errors.ts       each layer's custom errors (`<layer>ErrorsAbi`), for error decoding
 *   sdk/src/deployments.ts      the committed address books of public networks (deployments/*.json)
 *
 *   node scripts/generate-sdk.ts           rewrites them (run `hardhat build` first)
 *   node scripts/generate-sdk.ts --check   fails when a committed file differs from what the build gives
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { isLocalChain } from "../sdk/src/chains.ts";

/**
 * The contracts the SDK talks to: artifact source, the export name of its ABI, and the SDK layer
 * whose actions call it (each layer decodes the custom errors of its own contracts only), plus
 * `errorsAlsoIn`: for a layer whose contracts call this one and let its reverts through, the
 * errors that can reach that layer's actions that way, which it decodes too (named, not all:
 * each layer's catalog ships in its bundle). `IERC20Errors` stands for the ERC-20 tokens the
 * capital contracts move: SafeERC20 bubbles a token's ERC-6093 error (a missing approval) up.
 */
const CONTRACTS = [
  {
    source: "contracts/governance/AtlasGovernor.sol",
    name: "AtlasGovernor",
    exportName: "atlasGovernorAbi",
    layer: "governance",
  },
  {
    source: "contracts/governance/AtlasToken.sol",
    name: "AtlasToken",
    exportName: "atlasTokenAbi",
    layer: "governance",
  },
  {
    source: "@openzeppelin/contracts/governance/TimelockController.sol",
    name: "TimelockController",
    exportName: "timelockControllerAbi",
    layer: "governance",
  },
  {
    // What every module shares (guardian, bounded pause, module clock), owned by governance: the
    // governance layer reads any module's pause state with it.
    source: "contracts/governance/IAtlasModule.sol",
    name: "IAtlasModule",
    exportName: "atlasModuleAbi",
    layer: "governance",
  },
  {
    source: "contracts/graph/SovereignRegistry.sol",
    name: "SovereignRegistry",
    exportName: "sovereignRegistryAbi",
    layer: "graph",
    // BountyBoard.createBounty and MilestoneEscrow.createEscrow check and link the mission.
    errorsAlsoIn: {
      capital: [
        "RegistryUnknownMission",
        "RegistryMissionClosed",
        "RegistrySovereignSuspended",
        "RegistryNotFundingModule",
      ],
    },
  },
  {
    source: "contracts/graph/ContributionLedger.sol",
    name: "ContributionLedger",
    exportName: "contributionLedgerAbi",
    layer: "graph",
  },
  {
    source: "@ethereum-attestation-service/eas-contracts/contracts/EAS.sol",
    name: "EAS",
    exportName: "easAbi",
    layer: "graph",
  },
  {
    source: "contracts/capital/BountyBoard.sol",
    name: "BountyBoard",
    exportName: "bountyBoardAbi",
    layer: "capital",
  },
  {
    source: "contracts/capital/MilestoneEscrow.sol",
    name: "MilestoneEscrow",
    exportName: "milestoneEscrowAbi",
    layer: "capital",
    // Arbitration.finalize enforces a ruling through the escrow's onRuling.
    errorsAlsoIn: { interstate: ["EscrowUnknownDispute", "EscrowInvalidShare"] },
  },
  {
    source: "contracts/capital/RevenueSplitFactory.sol",
    name: "RevenueSplitFactory",
    exportName: "revenueSplitFactoryAbi",
    layer: "capital",
  },
  {
    source: "contracts/capital/RevenueSplit.sol",
    name: "RevenueSplit",
    exportName: "revenueSplitAbi",
    layer: "capital",
  },
  {
    source: "contracts/interstate/Arbitration.sol",
    name: "Arbitration",
    exportName: "arbitrationAbi",
    layer: "interstate",
    // MilestoneEscrow.dispute opens its disputes with openDispute.
    errorsAlsoIn: {
      capital: [
        "ArbitrationNotArbitrable",
        "ArbitrationInvalidParties",
        "ArbitrationZeroAmount",
        "ArbitrationArbiterIsParty",
        "ArbitrationMissingEvidence",
      ],
    },
  },
  {
    source: "@openzeppelin/contracts/interfaces/draft-IERC6093.sol",
    name: "IERC20Errors",
    exportName: "erc20ErrorsAbi",
    layer: "capital",
  },
] as const satisfies readonly {
  source: string;
  name: string;
  exportName: string;
  layer: string;
  errorsAlsoIn?: { readonly [layer: string]: readonly string[] };
}[];

/**
 * Layers whose actions import single ABI items ({@link itemizedAbiModule}) rather than whole
 * ABIs. Not every layer: a whole ABI written as one array literal compresses better (about 25%
 * less gzip) than the same items as separate consts, and the governance and graph actions use
 * most of their contracts' ABIs anyway; the capital and interstate actions use a fraction of
 * large ones.
 */
const ITEMIZED_LAYERS: readonly string[] = ["capital", "interstate"];

/** The SDK's layers, in the order their errors ABIs are written. */
const LAYERS = [...new Set(CONTRACTS.map((contract) => contract.layer))];

/**
 * Which errors of `contract` the actions of `layer` decode: all of them in its own layer, the ones
 * its `errorsAlsoIn` names for a layer they reach, none otherwise.
 */
function errorsIn(contract: (typeof CONTRACTS)[number], layer: string): (name: string) => boolean {
  if (contract.layer === layer) return () => true;
  const reached: { readonly [layer: string]: readonly string[] } =
    "errorsAlsoIn" in contract ? contract.errorsAlsoIn : {};
  const names = reached[layer] ?? [];
  return (name) => names.includes(name);
}

const HEADER =
  "// Generated by scripts/generate-sdk.ts from the build; do not edit. `npm run sdk:generate` rewrites it.\n";

function generated(): Map<string, string> {
  const files = new Map<string, string>();
  for (const contract of CONTRACTS) {
    const artifactPath = path.join("artifacts", contract.source, `${contract.name}.json`);
    if (!existsSync(artifactPath)) throw new Error(`${artifactPath} is missing: run \`hardhat build\` first`);
    const abi = slim(JSON.parse(readFileSync(artifactPath, "utf8")) as { abi: unknown[] });
    files.set(
      `sdk/src/abi/${contract.name}.ts`,
      ITEMIZED_LAYERS.includes(contract.layer)
        ? itemizedAbiModule(contract, abi as AbiItem[])
        : `${HEADER}\n/** ABI of \`${contract.name}\` (${contract.source}). */\nexport const ${contract.exportName} = ${JSON.stringify(abi, null, 2)} as const;\n`,
    );
  }

  // Each layer's custom errors (of every contract it calls, with the errors those inherit),
  // deduplicated by signature: what that layer's error decoding needs, without pulling whole ABIs,
  // or another layer's errors, into a bundle that uses one action. An error shared by two layers
  // (an OpenZeppelin one) is in both. errors.ts builds the ABI of all errors from these at run time.
  const errorAbis = LAYERS.map((layer) => {
    const errors = new Map<string, unknown>();
    for (const contract of CONTRACTS) {
      const decoded = errorsIn(contract, layer);
      const { abi } = JSON.parse(
        readFileSync(path.join("artifacts", contract.source, `${contract.name}.json`), "utf8"),
      ) as { abi: { type: string; name: string; inputs: { type: string }[] }[] };
      for (const item of abi.filter((i) => i.type === "error" && decoded(i.name))) {
        // Decoding needs the types only: errors are rendered from positional arguments.
        errors.set(`${item.name}(${item.inputs.map((i) => i.type).join(",")})`, {
          type: "error",
          name: item.name,
          inputs: item.inputs.map((input) => stripped(input, ["name", "internalType"])),
        });
      }
    }
    const names = CONTRACTS.filter((c) => c.layer === layer)
      .map((c) => `\`${c.name}\``)
      .join(", ");
    const reached = CONTRACTS.filter((c) => c.layer !== layer && "errorsAlsoIn" in c && layer in c.errorsAlsoIn)
      .map((c) => `\`${c.name}\``)
      .join(", ");
    const through = reached ? `, and the errors of ${reached} that reach them` : "";
    return `/** Every custom error of the ${layer} layer's contracts (${names})${through}, deduplicated by signature. */\nexport const ${layer}ErrorsAbi = ${JSON.stringify([...errors.values()], null, 2)} as const;\n`;
  });
  files.set("sdk/src/abi/errors.ts", `${HEADER}\n${errorAbis.join("\n")}`);

  const books: Record<string, unknown> = {};
  if (existsSync("deployments")) {
    for (const file of readdirSync("deployments").sort()) {
      const match = /^(\d+)\.json$/.exec(file);
      if (!match || isLocalChain(Number(match[1]))) continue;
      books[match[1]] = JSON.parse(readFileSync(path.join("deployments", file), "utf8"));
    }
  }
  files.set(
    "sdk/src/deployments.ts",
    `${HEADER}\nimport type { AddressBook } from "./addressBook.ts";\n\n/** Address books of the public networks Atlas OS is deployed on, by chain id. */\nexport const deployments: Readonly<Record<number, AddressBook>> = ${JSON.stringify(books, null, 2)};\n`,
  );
  return files;
}

interface AbiItem {
  readonly type: string;
  readonly name?: string;
}

/** Words a `const` cannot be named. */
const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if implements import in instanceof interface let new null package private protected public return " +
    "static super switch this throw true try typeof var void while with yield await"
  ).split(" "),
);

/**
 * A contract's ABI module, itemized: each item its own `as const` export, named after the item (its kind
 * appended when two items share a name or the name cannot name a const, e.g. `WithdrawnEvent`;
 * a number after that for overloads), then the whole ABI as an array of them. An action imports
 * the items it calls (`import * as BountyBoard from "../abi/BountyBoard.ts"`, then
 * `[BountyBoard.createBounty]`), so a bundle carries those items, not the whole ABI; the whole
 * ABI is one export for whoever wants it.
 */
function itemizedAbiModule(contract: (typeof CONTRACTS)[number], abi: readonly AbiItem[]): string {
  const kind = (item: AbiItem) => item.type.charAt(0).toUpperCase() + item.type.slice(1);
  const named = abi.map((item) => item.name ?? `abi${kind(item)}`);
  const bases = abi.map((item, i) => {
    const name = named[i];
    const unique = named.filter((n) => n === name).length === 1;
    return unique && !RESERVED.has(name) && name !== contract.exportName ? name : `${name}${kind(item)}`;
  });
  // Overloads share a base: number them all (1, 2…), so that no export changes meaning when one is added.
  const final = bases.map((base, i) =>
    bases.filter((b) => b === base).length === 1
      ? base
      : `${base}${bases.slice(0, i + 1).filter((b) => b === base).length}`,
  );
  const items = abi.map((item, i) => `export const ${final[i]} = ${JSON.stringify(item, null, 2)} as const;\n`);
  return (
    `${HEADER}\n/* Items of the ABI of \`${contract.name}\` (${contract.source}), one export each. */\n\n${items.join("\n")}\n` +
    `/** ABI of \`${contract.name}\` (${contract.source}). */\nexport const ${contract.exportName} = [\n${final.map((n) => `  ${n},\n`).join("")}] as const;\n`
  );
}

/**
 * An artifact's ABI without `internalType` (Solidity type names viem never reads): smaller
 * bundles for every action that carries an ABI.
 */
function slim(artifact: { abi: unknown[] }): unknown[] {
  return artifact.abi.map((item) => stripped(item, ["internalType"]));
}

function stripped(value: unknown, keys: readonly string[]): unknown {
  if (Array.isArray(value)) return value.map((v) => stripped(v, keys));
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !keys.includes(key))
      .map(([key, v]) => [key, stripped(v, keys)]),
  );
}

const check = process.argv.includes("--check");
const stale: string[] = [];
for (const [file, content] of generated()) {
  if (check) {
    if (!existsSync(file) || readFileSync(file, "utf8") !== content) stale.push(file);
  } else {
    writeFileSync(file, content);
  }
}
if (check && stale.length > 0) {
  console.error(`sdk: generated files are stale (run \`npm run sdk:generate\` and commit):\n  ${stale.join("\n  ")}`);
  process.exit(1);
}
console.log(check ? "sdk: generated files are up to date" : "sdk: generated ABIs and deployments written");
