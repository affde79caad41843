import { createRequire } from "node:module";

import hardhatToolboxMochaEthers from "@nomicfoundation/hardhat-toolbox-mocha-ethers";
import { configVariable, defineConfig } from "hardhat/config";

const require = createRequire(import.meta.url);

/**
 * The compiler comes from the `solc` npm package (wasm), so a build never downloads anything.
 * Both profiles are identical on purpose: Ignition deploys with `production`, tests use `default`,
 * and any difference would recompile the whole tree on every switch (TOOLCHAIN.md §3).
 *
 * EVM version `cancun`: the oldest fork that has everything the contracts need (transient storage
 * for ReentrancyGuardTransient, MCOPY), and one that Sepolia, Base Sepolia, OP Sepolia and
 * Arbitrum Sepolia all run (they are at Prague or later).
 */
const settings = {
  optimizer: { enabled: true, runs: 200 },
  evmVersion: "cancun",
  // No metadata hash in the bytecode: comment-only edits then leave bytecode, and so the
  // deployment figures of the gas snapshot, unchanged. Etherscan verification still works.
  metadata: { bytecodeHash: "none" },
};
/**
 * Two compilers: 0.8.30 for Atlas OS, and 0.8.29 (npm alias `solc-0.8.29`) for EAS, whose
 * contracts pin `pragma solidity 0.8.29`. Hardhat picks, per file, the newest listed compiler its
 * pragma accepts, so only EAS's own sources use the second one.
 */
/**
 * Two contracts compile through the IR pipeline (viaIR), the rest without it. (Solidity test files
 * that import them compile them again in their own job, with the test file's settings: those
 * copies run only inside Solidity tests, where EDR does not enforce EIP-170, and are what the
 * "Contract code size" warnings of a build refer to. Deployments and mocha tests use the viaIR
 * artifacts.) Without viaIR their
 * runtime code exceeds EIP-170's 24,576 bytes since the modules' bounded pause and clock
 * (AtlasModule) and the escrow's money-safety rules: SovereignRegistry 24,971 B, MilestoneEscrow
 * 26,488 B; with it 21,386 B and 23,775 B. Measured effect on the hot paths: an escrow stream claim
 * and a funded escrow's creation cost about the same (within 1.5%), a credential check +518 gas.
 * viaIR for everything would move every gas figure and double compile time for no gain.
 */
const viaIR = { version: "0.8.30", path: require.resolve("solc/soljson.js"), settings: { ...settings, viaIR: true } };
const compiler = {
  compilers: [
    { version: "0.8.30", path: require.resolve("solc/soljson.js"), settings },
    { version: "0.8.29", path: require.resolve("solc-0.8.29/soljson.js"), settings },
  ],
  overrides: {
    "contracts/capital/MilestoneEscrow.sol": viaIR,
    "contracts/graph/SovereignRegistry.sol": viaIR,
    // The upgrade test's next registry version inherits the registry: as large, so compiled alike.
    "test/graph/upgrades/SovereignRegistryV2.sol": viaIR,
  },
};
const inCi = process.env.CI === "true";
/**
 * The instrumented build of the coverage run (scripts/lib/coverage.ts sets ATLAS_COVERAGE_BUILD)
 * lives in folders of its own. Coverage needs a fresh instrumented compile (Hardhat records
 * coverage metadata only while it compiles), so its folders are cleared before each run; the plain
 * build in artifacts/ and cache/ — which lint, the gas check and the end-to-end suites use — stays
 * cached, and both halves of `npm test` can run at the same time.
 */
const coverageBuild = process.env.ATLAS_COVERAGE_BUILD === "1";

export default defineConfig({
  plugins: [hardhatToolboxMochaEthers],
  solidity: {
    profiles: {
      default: compiler,
      production: compiler,
    },
    // Library contracts deployed as they are: they need an artifact of their own.
    npmFilesToBuild: [
      "@openzeppelin/contracts/governance/TimelockController.sol",
      "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol",
      // EAS, deployed from its npm package on local chains (public testnets have the canonical one).
      "@ethereum-attestation-service/eas-contracts/contracts/EAS.sol",
      "@ethereum-attestation-service/eas-contracts/contracts/SchemaRegistry.sol",
      // ERC-6093's ERC-20 errors, which the capital contracts let through from the tokens they
      // move (SafeERC20 bubbles them): the SDK decodes a missing approval by name.
      "@openzeppelin/contracts/interfaces/draft-IERC6093.sol",
    ],
  },
  paths: {
    tests: { mocha: "test", solidity: "test" },
    ...(coverageBuild ? { artifacts: "coverage-build/artifacts", cache: "coverage-build/cache" } : {}),
  },
  // The coverage build generates no types and cleans none: the tests read the plain build's
  // (same ABIs), which `hardhat clean` would otherwise delete under the other half's feet.
  typechain: coverageBuild ? { outDir: "coverage-build/types", dontOverrideCompile: true } : {},
  // Coverage is measured on contracts/ only: test helpers and benchmark references are not product.
  coverage: {
    skipFiles: ["test/**"],
  },
  test: {
    mocha: {
      timeout: 120_000,
      forbidOnly: inCi,
    },
    solidity: {
      fuzz: { runs: 512 },
      invariant: { runs: 64, depth: 48, failOnRevert: true },
    },
  },
  networks: {
    // The chain the main job runs (`hardhat node --network atlasNode`). A fixed genesis date makes
    // the chain reproducible: replaying its recorded blocks gives the same block hashes, which is
    // how `npm start` keeps chain data between runs (scripts/main/chain.ts).
    atlasNode: {
      type: "edr-simulated",
      chainType: "l1",
      initialDate: "2026-01-01T00:00:00Z",
    },
    // A Hardhat node on this machine (`hardhat node`); ATLAS_LOCALHOST_URL points elsewhere, e.g.
    // to the node a test started on a free port. Not a secret, so a plain environment variable.
    localhost: {
      type: "http",
      chainType: "l1",
      url: process.env.ATLAS_LOCALHOST_URL ?? "http://127.0.0.1:8545",
    },
    // Public testnets. RPC URLs and the deployer key are configuration variables: set them with
    // `npx hardhat keystore set SEPOLIA_RPC_URL` (or export them as environment variables); they
    // are read only when the network is used, so other commands never ask for them.
    sepolia: testnet("l1", "SEPOLIA_RPC_URL"),
    baseSepolia: testnet("op", "BASE_SEPOLIA_RPC_URL"),
    opSepolia: testnet("op", "OP_SEPOLIA_RPC_URL"),
    arbitrumSepolia: testnet("generic", "ARBITRUM_SEPOLIA_RPC_URL"),
  },
  verify: {
    // Etherscan's v2 API: one key for every chain above. Without it, deployment skips verification.
    etherscan: { apiKey: configVariable("ETHERSCAN_API_KEY") },
    blockscout: { enabled: false },
    sourcify: { enabled: false },
  },
});

function testnet(chainType: "l1" | "op" | "generic", rpcUrlVariable: string) {
  return {
    type: "http" as const,
    chainType,
    url: configVariable(rpcUrlVariable),
    accounts: [configVariable("DEPLOYER_PRIVATE_KEY")],
  };
}
