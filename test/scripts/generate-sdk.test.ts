/**
 * The contract manifest (deploy/manifest.ts) and its generator (scripts/generate-sdk.ts), end to
 * end in a temporary copy of the repository's relevant files: adding a contract is compiling it,
 * adding one manifest line and regenerating. Before the line, the staleness check fails (a
 * contract of contracts/ with an artifact is in no list); with the line but before regenerating,
 * it fails too (the generated files are stale); after regenerating, the SDK's ABI module, the
 * Ponder config's contracts and the address book's keys name the new contract, and it passes.
 */
import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** A throw-away contract: one function, one event, one custom error with its sentence. */
const PROBE_SOURCE = `// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title Probe
/// @notice A contract that exists only in this test.
contract Probe {
    /// @notice A probe was sent.
    event ProbeSent(address indexed by, uint256 value);

    /// @dev Probe \`value\` is above the most a probe carries, \`max\`.
    error ProbeTooLarge(uint256 value, uint256 max);

    /// @notice Sends a probe.
    function send(uint256 value) external {
        if (value > 10) revert ProbeTooLarge(value, 10);
        emit ProbeSent(msg.sender, value);
    }
}
`;

const PROBE_LINE = `  {
    name: "Probe",
    source: "contracts/probe/Probe.sol",
    layer: "graph",
    proxied: false,
    addressBook: "probe",
    indexed: "address",
  },
`;

interface SolcOutput {
  errors?: { severity: string; formattedMessage: string }[];
  sources: Record<string, { ast: unknown }>;
  contracts: Record<string, Record<string, { abi: unknown[]; evm: { bytecode: { object: string } } }>>;
}

/** Compiles Probe with the repository's solc and writes its artifact and build info as Hardhat does. */
function compileProbe(dir: string): void {
  const solc = createRequire(import.meta.url)("solc") as { compile(input: string): string };
  const source = "project/contracts/probe/Probe.sol";
  const output = JSON.parse(
    solc.compile(
      JSON.stringify({
        language: "Solidity",
        sources: { [source]: { content: PROBE_SOURCE } },
        settings: { outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"], "": ["ast"] } } },
      }),
    ),
  ) as SolcOutput;
  const failures = (output.errors ?? []).filter((e) => e.severity === "error");
  expect(
    failures.map((e) => e.formattedMessage),
    "Probe compiles",
  ).to.deep.equal([]);
  const buildInfoId = "solc-0_8_30-probe";
  writeFileSync(
    path.join(dir, "artifacts", "build-info", `${buildInfoId}.output.json`),
    JSON.stringify({ output: { sources: output.sources } }),
  );
  const artifactDir = path.join(dir, "artifacts", "contracts", "probe", "Probe.sol");
  mkdirSync(artifactDir, { recursive: true });
  const probe = output.contracts[source].Probe;
  writeFileSync(
    path.join(artifactDir, "Probe.json"),
    JSON.stringify({
      _format: "hh3-artifact-1",
      contractName: "Probe",
      sourceName: "contracts/probe/Probe.sol",
      abi: probe.abi,
      bytecode: `0x${probe.evm.bytecode.object}`,
      buildInfoId,
      inputSourceName: source,
    }),
  );
}

/**
 * The files the generator reads and writes, copied to `dir`: the manifest, the generator, every
 * generated file, and the build (its large read-only parts linked, not copied).
 */
function copyRepository(dir: string): void {
  for (const file of ["deploy/manifest.ts", "scripts/generate-sdk.ts", "sdk/src/deployments.ts"]) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    cpSync(path.join(ROOT, file), path.join(dir, file));
  }
  cpSync(path.join(ROOT, "sdk/src/abi"), path.join(dir, "sdk/src/abi"), { recursive: true });
  mkdirSync(path.join(dir, "indexer"));
  cpSync(path.join(ROOT, "indexer/contracts.generated.ts"), path.join(dir, "indexer/contracts.generated.ts"));
  // The public networks' address books, when there are any (sdk/src/deployments.ts holds them).
  if (existsSync(path.join(ROOT, "deployments"))) {
    cpSync(path.join(ROOT, "deployments"), path.join(dir, "deployments"), { recursive: true });
  }
  const artifacts = path.join(ROOT, "artifacts");
  mkdirSync(path.join(dir, "artifacts", "build-info"), { recursive: true });
  for (const entry of readdirSync(artifacts)) {
    if (entry === "build-info" || entry === "contracts") continue;
    symlinkSync(path.join(artifacts, entry), path.join(dir, "artifacts", entry));
  }
  for (const file of readdirSync(path.join(artifacts, "build-info"))) {
    symlinkSync(path.join(artifacts, "build-info", file), path.join(dir, "artifacts", "build-info", file));
  }
  cpSync(path.join(artifacts, "contracts"), path.join(dir, "artifacts", "contracts"), { recursive: true });
}

/** `node scripts/generate-sdk.ts [args]` in `dir`: its exit code and output. */
function generate(dir: string, ...args: string[]): { code: number | null; output: string } {
  const run = spawnSync(process.execPath, ["scripts/generate-sdk.ts", ...args], { cwd: dir, encoding: "utf8" });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}

describe("generate-sdk", function () {
  let dir: string;

  before(function () {
    dir = mkdtempSync(path.join(tmpdir(), "atlas-manifest-"));
    copyRepository(dir);
  });

  after(function () {
    rmSync(dir, { recursive: true, force: true });
  });

  it("adding a contract: the check fails until it is in the manifest and regenerated, then every list names it", function () {
    const read = (file: string) => readFileSync(path.join(dir, file), "utf8");
    expect(generate(dir, "--check"), "the copy as committed").to.include({ code: 0 });

    compileProbe(dir);
    const unlisted = generate(dir, "--check");
    expect(unlisted.code, "check with an unlisted contract").to.equal(1);
    expect(unlisted.output).to.include("contracts/probe/Probe.sol: Probe is not in the manifest");

    const manifest = read("deploy/manifest.ts");
    const start = "export const MANIFEST: readonly ContractEntry[] = [\n";
    expect(manifest).to.include(start);
    writeFileSync(path.join(dir, "deploy/manifest.ts"), manifest.replace(start, `${start}${PROBE_LINE}`));
    const stale = generate(dir, "--check");
    expect(stale.code, "check before regenerating").to.equal(1);
    expect(stale.output).to.include("generated files are stale");
    for (const file of [
      "sdk/src/abi/Probe.ts",
      "sdk/src/abi/index.ts",
      "sdk/src/abi/addressBook.ts",
      "indexer/contracts.generated.ts",
    ]) {
      expect(stale.output, `${file} named stale`).to.include(`\n  ${file}`);
    }
    expect(read("sdk/src/abi/addressBook.ts"), "no key before regenerating").not.to.include('"probe"');

    expect(generate(dir), "regenerating").to.include({ code: 0 });
    expect(generate(dir, "--check"), "check after regenerating").to.deep.equal({
      code: 0,
      output: "generated files are up to date\n",
    });

    const abi = read("sdk/src/abi/Probe.ts");
    expect(abi).to.include('i<{ readonly inputs: readonly [{ readonly name: "value"; readonly type: "uint256" }]');
    expect(abi).to.include('"function send(uint256 value)"');
    expect(abi).to.include('"event ProbeSent(address indexed by,uint256 value)"');
    expect(abi, "the error's sentence, from its @dev line").to.include(
      "ProbeTooLarge(uint256 value,uint256 max)Probe {0} is above the most a probe carries, {1}.",
    );
    expect(abi).to.include("export const probeAbi =");
    expect(read("sdk/src/abi/index.ts")).to.include(
      'export { probeAbi, probeErrorItems, probeErrors } from "./Probe.ts";',
    );
    expect(read("sdk/src/abi/catalogs.ts"), "the graph layer's catalog").to.match(
      /graphErrors: AtlasErrorCatalog = \/\* @__PURE__ \*\/ mergeCatalogs\([^)]*\bprobeErrors\b/,
    );

    const ponder = read("indexer/contracts.generated.ts");
    expect(ponder).to.include("  Probe: {\n");
    expect(ponder).to.include("abi: probeAbi,");
    expect(ponder).to.include("address: book.contracts.probe.address,");
    expect(ponder).to.match(/import \{[^}]*\bprobeAbi\b[^}]*\} from "@atlas-os\/sdk\/abi";/);

    const book = read("sdk/src/abi/addressBook.ts");
    expect(book).to.include("readonly probe: ContractDeployment;");
    const keys = /ADDRESS_BOOK_CONTRACTS = (\[[^\]]*\])/.exec(book)?.[1];
    expect(JSON.parse(keys ?? "[]"), "the address book's keys").to.include("probe");
  });
});
