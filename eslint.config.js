// ESLint flat config: typescript-eslint's recommended rules (type-aware) for every TypeScript file.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "artifacts/",
      "cache/",
      "coverage/",
      // npm test's instrumented build (its typechain types too) and the end-to-end suites' data.
      "coverage-build/",
      "test-output/",
      ".atlas/",
      "types/",
      "dist/",
      "sdk/dist/",
      "app/dist/",
      // Written by `ponder codegen`/`ponder start` (indexer/): generated, not linted.
      "indexer/ponder-env.d.ts",
      "indexer/generated/",
      "indexer/.ponder/",
      "sdk/docs/",
      "ignition/",
      ".gas/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ["eslint.config.js"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["test/**/*.ts"],
    rules: {
      // chai assertions such as `expect(x).to.be.true` are expressions by design.
      "@typescript-eslint/no-unused-expressions": "off",
      // Hardhat's idiom destructures helpers: `const { loadFixture, time } = networkHelpers`.
      "@typescript-eslint/unbound-method": "off",
    },
  },
  {
    files: ["eslint.config.js"],
    ...tseslint.configs.disableTypeChecked,
  },
);
