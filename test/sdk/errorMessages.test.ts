import { readdir } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { expect } from "chai";
import { BaseError, encodeErrorResult, RawContractError, type Abi, type AbiParameter } from "viem";

import { AtlasContractError, contractErrorMessages, toAtlasError } from "../../sdk/src/index.ts";

type AbiError = Extract<Abi[number], { type: "error" }>;

const ABI_DIR = path.resolve(import.meta.dirname, "../../sdk/src/abi");

/** Every `type: "error"` entry of every generated ABI, with the ABI file it came from. */
async function generatedErrors(): Promise<{ file: string; error: AbiError }[]> {
  const errors: { file: string; error: AbiError }[] = [];
  for (const file of (await readdir(ABI_DIR)).filter((f) => f.endsWith(".ts")).sort()) {
    const module = (await import(pathToFileURL(path.join(ABI_DIR, file)).href)) as Record<string, unknown>;
    const abis = Object.values(module).filter((value): value is Abi => Array.isArray(value));
    expect(abis, `${file} exports an ABI`).to.have.length.greaterThan(0);
    for (const abi of abis) {
      for (const item of abi) if (item.type === "error") errors.push({ file, error: item });
    }
  }
  return errors;
}

/** Names of the errors that `messages` has no sentence for. */
function missingMessages(errors: readonly { error: AbiError }[], messages: Record<string, unknown>): string[] {
  return [...new Set(errors.map(({ error }) => error.name).filter((name) => typeof messages[name] !== "function"))];
}

/** A value of `parameter`'s type, as viem decodes it (small integers as numbers, large as bigints). */
function sample(parameter: AbiParameter): unknown {
  const { type } = parameter;
  const array = /^(.*)\[(\d*)\]$/.exec(type);
  if (array) return Array.from({ length: Number(array[2] || 2) }, () => sample({ ...parameter, type: array[1] }));
  if (type === "tuple") {
    const components = (parameter as { components: readonly AbiParameter[] }).components;
    return Object.fromEntries(components.map((c) => [c.name, sample(c)]));
  }
  const integer = /^u?int(\d*)$/.exec(type);
  if (integer) return Number(integer[1] || 256) <= 48 ? 3 : 3n;
  if (type === "address") return "0x000000000000000000000000000000000000A71A";
  if (type === "bool") return true;
  if (type === "string") return "text";
  if (type === "bytes") return "0xab";
  const fixed = /^bytes(\d+)$/.exec(type);
  if (fixed) return `0x${"00".repeat(Number(fixed[1]) - 1)}06`;
  throw new Error(`no sample for ${type}`);
}

describe("contractErrorMessages", function () {
  it("has a sentence for every custom error of every generated ABI", async function () {
    const errors = await generatedErrors();
    expect(errors.length, "errors found").to.be.greaterThan(40);
    expect(missingMessages(errors, contractErrorMessages)).to.deep.equal([]);
  });

  it("the check names an error whose sentence is missing", async function () {
    const errors = await generatedErrors();
    const incomplete: Record<string, unknown> = { ...contractErrorMessages };
    delete incomplete.GovernorAlreadyCastVote;
    expect(missingMessages(errors, incomplete)).to.deep.equal(["GovernorAlreadyCastVote"]);
  });

  it("decodes every custom error from raw revert data and renders its sentence from sample arguments", async function () {
    for (const { file, error } of await generatedErrors()) {
      const args = error.inputs.map(sample);
      const data = encodeErrorResult({ abi: [error], errorName: error.name, args });
      const viemError = new BaseError("The call reverted.", { cause: new RawContractError({ data }) });
      const decoded = toAtlasError(viemError);
      const label = `${file}: ${error.name}`;
      expect(decoded, label).to.be.instanceOf(AtlasContractError);
      expect((decoded as AtlasContractError).errorName, label).to.equal(error.name);
      expect((decoded as AtlasContractError).args, label).to.deep.equal(args);
      const sentence = decoded.shortMessage;
      expect(sentence, label)
        .to.be.a("string")
        .and.not.match(/^The contract reverted with/);
      expect(sentence, label).not.to.match(/undefined|NaN|\[object /);
    }
  });

  it("renders a few sentences exactly", function () {
    const m = contractErrorMessages;
    expect(m.GovernorUnexpectedProposalState([7n, 0, `0x${"0".repeat(62)}12`])).to.equal(
      "Proposal 7 is Pending; this needs it to be Active or Succeeded.",
    );
    expect(m.TimelockUnexpectedOperationState([`0x${"ab".repeat(32)}`, `0x${"0".repeat(63)}6`])).to.equal(
      `Timelock operation 0x${"ab".repeat(32)} is not in the expected state (Waiting or Ready); before its delay has passed it is only waiting.`,
    );
    expect(
      m.ERC20InsufficientBalance(["0x000000000000000000000000000000000000A71A", 15n * 10n ** 17n, 2n * 10n ** 18n]),
    ).to.equal("0x000000000000000000000000000000000000A71A holds 1.5 tokens; the transfer needs 2 tokens.");
  });
});
