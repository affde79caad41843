import { readdir } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { expect } from "chai";
import { BaseError, encodeErrorResult, RawContractError, type Abi, type AbiParameter } from "viem";

import { MANIFEST } from "../../deploy/manifest.ts";
import {
  AtlasContractError,
  atlasErrors,
  capitalErrors,
  decodeAtlasError,
  governanceErrors,
  graphErrors,
  interstateErrors,
  toAtlasError,
  type AtlasErrorCatalog,
} from "../../sdk/src/index.ts";

type AbiError = Extract<Abi[number], { type: "error" }>;

const ABI_DIR = path.resolve(import.meta.dirname, "../../sdk/src/abi");

/** The layer whose actions call each generated contract ABI, from the contract manifest. */
const LAYER_OF: Record<string, Layer> = Object.fromEntries(MANIFEST.map((entry) => [`${entry.name}.ts`, entry.layer]));
type Layer = (typeof MANIFEST)[number]["layer"];
const CATALOGS: Record<Layer, AtlasErrorCatalog> = {
  governance: governanceErrors,
  graph: graphErrors,
  capital: capitalErrors,
  interstate: interstateErrors,
};
const LAYERS = Object.keys(CATALOGS) as Layer[];

const signature = (error: AbiError) => `${error.name}(${error.inputs.map((input) => input.type).join(",")})`;
const signatures = (abi: Abi) => new Set(abi.filter((item) => item.type === "error").map(signature));

/** The custom errors of every contract ABI (every contract's ABI file is in a layer). */
async function contractErrors(): Promise<{ file: string; error: AbiError }[]> {
  const errors = await generatedErrors();
  const unassigned = [...new Set(errors.map(({ file }) => file))].filter((file) => !(file in LAYER_OF));
  expect(unassigned, "ABI files with no layer in LAYER_OF").to.deep.equal([]);
  return errors;
}

/** The custom errors of the contract ABIs of `layer`. */
async function layerErrors(layer: Layer): Promise<{ file: string; error: AbiError }[]> {
  return (await contractErrors()).filter(({ file }) => LAYER_OF[file] === layer);
}

/** viem's error for a call that reverted with `error` (sample arguments), and those arguments. */
function reverted(error: AbiError): { viemError: BaseError; args: unknown[] } {
  const args = error.inputs.map(sample);
  const data = encodeErrorResult({ abi: [error], errorName: error.name, args });
  return { viemError: new BaseError("The call reverted.", { cause: new RawContractError({ data }) }), args };
}

/**
 * Every `type: "error"` entry of every generated contract ABI (the `…Abi` export of each
 * sdk/src/abi/<Contract>.ts), with the ABI file it came from.
 */
async function generatedErrors(): Promise<{ file: string; error: AbiError }[]> {
  const errors: { file: string; error: AbiError }[] = [];
  const shared = ["enums.ts", "index.ts", "catalogs.ts", "addressBook.ts"];
  for (const file of (await readdir(ABI_DIR)).filter((f) => f.endsWith(".ts") && !shared.includes(f)).sort()) {
    const module = (await import(pathToFileURL(path.join(ABI_DIR, file)).href)) as Record<string, unknown>;
    const abis = Object.entries(module)
      .filter(([name, value]) => name.endsWith("Abi") && Array.isArray(value))
      .map(([, value]) => value as Abi);
    expect(abis, `${file} exports an ABI`).to.have.length(1);
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

const contractErrorMessages = atlasErrors.messages;
const [governanceErrorMessages, graphErrorMessages, capitalErrorMessages, interstateErrorMessages] = [
  governanceErrors.messages,
  graphErrors.messages,
  capitalErrors.messages,
  interstateErrors.messages,
];

describe("contractErrorMessages", function () {
  it("has a sentence for every custom error of every generated ABI", async function () {
    const errors = await generatedErrors();
    expect(errors.length, "errors found").to.be.greaterThan(40);
    expect(missingMessages(errors, contractErrorMessages)).to.deep.equal([]);
  });

  it("covers the Sovereign Graph's ABIs: SovereignRegistry, ContributionLedger and EAS", async function () {
    const errors = await generatedErrors();
    const names = (file: string) => errors.filter((e) => e.file === file).map((e) => e.error.name);
    expect(names("SovereignRegistry.ts"), "registry errors").to.include.members([
      "RegistryHandleTaken",
      "RegistryInvalidMissionTransition",
      "ModuleOnlyGovernance",
      "EnforcedPause",
    ]);
    expect(names("ContributionLedger.ts"), "ledger errors").to.include.members([
      "LedgerNotVerifier",
      "LedgerExecutionAlreadyRecorded",
    ]);
    expect(names("EAS.ts"), "EAS errors").to.include.members(["AccessDenied", "InvalidSchema", "NotFound"]);
    const combined = atlasErrors.abi.filter((item) => item.type === "error").map((item) => item.name);
    expect(combined, "the combined errors ABI").to.include.members(["RegistryHandleTaken", "NotFound"]);
  });

  for (const layer of LAYERS) {
    it(`the ${layer} catalog has every error of the ${layer} contracts, each with a sentence`, async function () {
      const errors = await layerErrors(layer);
      expect(errors.length, `${layer} errors found`).to.be.greaterThan(20);
      const catalog = CATALOGS[layer];
      expect(missingMessages(errors, catalog.messages), "errors without a sentence").to.deep.equal([]);
      const own = new Set(errors.map(({ error }) => signature(error)));
      expect(
        [...own].filter((sig) => !signatures(catalog.abi).has(sig)),
        "errors missing from the catalog",
      ).to.deep.equal([]);
      // Beyond its own, a catalog has only errors of other layers' contracts that its contracts
      // let through (the generator's `errorsAlsoIn`), each with a sentence too.
      const everyContractError = new Set((await contractErrors()).map(({ error }) => signature(error)));
      const through = [...signatures(catalog.abi)].filter((sig) => !own.has(sig));
      expect(
        through.filter((sig) => !everyContractError.has(sig)),
        "errors of no contract",
      ).to.deep.equal([]);
      expect(
        Object.keys(catalog.messages).sort(),
        "a sentence for each error of the catalog, and no other",
      ).to.deep.equal(
        [...new Set(catalog.abi.filter((item) => item.type === "error").map((item) => item.name))].sort(),
      );
    });
  }

  it("the capital catalog has the registry and Arbitration errors that its contracts let through", function () {
    const names = Object.keys(capitalErrorMessages);
    expect(names).to.include.members([
      "RegistryUnknownMission",
      "ArbitrationArbiterIsParty",
      "ERC20InsufficientAllowance",
    ]);
    expect(names, "errors a capital action cannot meet").not.to.include.members([
      "RegistryHandleTaken",
      "LedgerNotRecorder",
    ]);
    expect(Object.keys(interstateErrorMessages)).to.include.members(["ArbitrationNotArbiter", "EscrowUnknownDispute"]);
  });

  it("the full catalog is every layer's in one, each error once", function () {
    const tables = [governanceErrorMessages, graphErrorMessages, capitalErrorMessages, interstateErrorMessages];
    expect(Object.keys(contractErrorMessages).sort()).to.deep.equal(
      [...new Set(tables.flatMap((table) => Object.keys(table)))].sort(),
    );
    // An error two layers decode has one sentence, whichever layer's table it comes from.
    const errorItems = new Map(
      atlasErrors.abi.flatMap((item) => (item.type === "error" ? [[item.name, item] as const] : [])),
    );
    for (const table of tables) {
      for (const [name, format] of Object.entries(table)) {
        const args = errorItems.get(name)!.inputs.map(sample);
        expect(format(args), name).to.equal(contractErrorMessages[name](args));
      }
    }
    const all = atlasErrors.abi.map((item) => signature(item as AbiError));
    expect(all, "no error twice").to.have.length(new Set(all).size);
    expect(new Set(all)).to.deep.equal(new Set(LAYERS.flatMap((layer) => [...signatures(CATALOGS[layer].abi)])));
  });

  it("the check names an error whose sentence is missing", async function () {
    const errors = await generatedErrors();
    const incomplete: Record<string, unknown> = { ...contractErrorMessages };
    delete incomplete.GovernorAlreadyCastVote;
    expect(missingMessages(errors, incomplete)).to.deep.equal(["GovernorAlreadyCastVote"]);
  });

  it("decodes every custom error from raw revert data and renders its sentence from sample arguments", async function () {
    for (const { file, error } of await generatedErrors()) {
      const { viemError, args } = reverted(error);
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

  it("decodes each layer's errors with that layer's catalog, to the same sentence as toAtlasError", async function () {
    for (const layer of LAYERS) {
      for (const { file, error } of await layerErrors(layer)) {
        const { viemError, args } = reverted(error);
        const decoded = decodeAtlasError(viemError, CATALOGS[layer]);
        const label = `${layer}: ${file}: ${error.name}`;
        expect(decoded, label).to.be.instanceOf(AtlasContractError);
        expect((decoded as AtlasContractError).errorName, label).to.equal(error.name);
        expect((decoded as AtlasContractError).args, label).to.deep.equal(args);
        expect(decoded.shortMessage, label).to.equal(toAtlasError(viemError).shortMessage);
      }
    }
  });

  it("does not decode another layer's error by name", async function () {
    const [registry] = (await layerErrors("graph")).filter(({ error }) => error.name === "RegistryHandleTaken");
    const [governor] = (await layerErrors("governance")).filter(
      ({ error }) => error.name === "GovernorAlreadyCastVote",
    );
    expect(decodeAtlasError(reverted(registry.error).viemError, governanceErrors)).not.to.be.instanceOf(
      AtlasContractError,
    );
    expect(decodeAtlasError(reverted(governor.error).viemError, graphErrors)).not.to.be.instanceOf(AtlasContractError);
  });

  it("AtlasContractError takes its sentence from the catalog it is given", function () {
    const args = [7n, "0x000000000000000000000000000000000000A71A", 5n] as const;
    expect(
      new AtlasContractError("AtlasGovernorZeroVotingPower", args, undefined, governanceErrors).shortMessage,
    ).to.equal(
      "0x000000000000000000000000000000000000A71A had no voting power at the snapshot (5) of proposal 7; tokens or delegations received later do not count.",
    );
    expect(new AtlasContractError("AtlasGovernorZeroVotingPower", args).shortMessage).to.equal(
      "The contract reverted with AtlasGovernorZeroVotingPower.",
    );
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
    ).to.equal(
      "0x000000000000000000000000000000000000A71A holds 1500000000000000000 of the token (in its smallest unit); the transfer needs 2000000000000000000.",
    );
  });

  it("renders capital and interstate sentences with states, kinds and times by name", function () {
    const m = contractErrorMessages;
    const account = "0x000000000000000000000000000000000000A71A";
    const zero = "0x0000000000000000000000000000000000000000";
    expect(m.BountyNotOpen([3n, 2])).to.equal("Bounty 3 is expired, not open.");
    expect(m.BountyReclaimBeforeDeadline([3n, 1_767_225_600n])).to.equal(
      "Bounty 3 is open until 2026-01-01T00:00:00Z: no refunds yet.",
    );
    expect(m.BountyNothingToWithdraw([account, zero])).to.equal(`${account} has no deferred payouts in ETH.`);
    expect(m.EscrowWrongKind([1n, 0n, 1])).to.equal("Milestone 0 of escrow 1 is streaming: not for this action.");
    expect(m.EscrowMilestoneNotSubmitted([1n, 2n, 1])).to.equal("Milestone 2 of escrow 1 is funded, not submitted.");
    expect(m.EscrowMilestoneClosed([1n, 2n, 7])).to.equal("Milestone 2 of escrow 1 is settled or ended (cancelled).");
    expect(m.EscrowOnlyFunder([1n, account])).to.equal(`${account} is not the funder of escrow 1.`);
    expect(m.ArbitrationNotArbiter([4n, account])).to.equal(`${account} is not the arbiter of dispute 4.`);
    expect(m.SplitAllocationSumInvalid([900_000n, 1_000_000n])).to.equal("Allocations sum to 900000, not 1000000.");
    expect(m.ERC20InsufficientAllowance([account, 0n, 5n])).to.equal(
      `${account} may spend 0 of the token (in its smallest unit); the transfer needs 5: approve it first.`,
    );
  });

  it("renders the errors of the money-safety rules (bounded pauses, bound attestations, fair disputes) exactly", function () {
    const m = contractErrorMessages;
    const account = "0x000000000000000000000000000000000000A71A";
    const other = "0x000000000000000000000000000000000000b0b0";
    const uid = `0x${"ab".repeat(32)}` as const;
    const newYear = 1_767_225_600n; // 2026-01-01T00:00:00Z
    const sentences: Record<string, string> = {
      // Every module (IAtlasModule)
      ModuleGuardianCoolingDown: m.ModuleGuardianCoolingDown([newYear]),
      ModuleInvalidPauseEnd: m.ModuleInvalidPauseEnd([newYear]),
      ModuleInvalidPauseDuration: m.ModuleInvalidPauseDuration([100n, 86_400n, 7_776_000n]),
      // AtlasGovernor
      AtlasGovernorProposalGuardianProof: m.AtlasGovernorProposalGuardianProof([7n]),
      // ContributionLedger
      LedgerAttestationForOtherLedger: m.LedgerAttestationForOtherLedger([uid, 1n, other]),
      LedgerPointsAboveCap: m.LedgerPointsAboveCap([150n, 100n]),
      LedgerInvalidPointsCap: m.LedgerInvalidPointsCap([0n, 1_000_000n]),
      // BountyBoard
      BountyHasAwards: m.BountyHasAwards([3n, 250n]),
      BountyFundingTooLarge: m.BountyFundingTooLarge([3n, 2n ** 128n, 2n ** 128n - 1n]),
      // MilestoneEscrow
      EscrowPartyNotInSovereign: m.EscrowPartyNotInSovereign([2n, account]),
      EscrowNotMissionManager: m.EscrowNotMissionManager([4n, account]),
      EscrowAlreadyEndorsed: m.EscrowAlreadyEndorsed([1n]),
      EscrowAlreadyAccepted: m.EscrowAlreadyAccepted([1n]),
      EscrowTermsNotAccepted: m.EscrowTermsNotAccepted([1n]),
      EscrowStreamStartTooEarly: m.EscrowStreamStartTooEarly([1n, newYear - 7_200n, newYear - 3_600n]),
      EscrowAttestationWrongEscrowContract: m.EscrowAttestationWrongEscrowContract([uid, 1n, other]),
      EscrowAttestationBeforeEscrow: m.EscrowAttestationBeforeEscrow([uid, newYear, newYear]),
      EscrowStreamRunning: m.EscrowStreamRunning([1n, 2n]),
      // RevenueSplit
      SplitZeroWithdrawalRecipient: m.SplitZeroWithdrawalRecipient([]),
      // Arbitration
      ArbitrationArbiterIsParty: m.ArbitrationArbiterIsParty([account]),
      ArbitrationArbiterSovereignIsParty: m.ArbitrationArbiterSovereignIsParty([5n]),
      ArbitrationNotFallbackArbiter: m.ArbitrationNotFallbackArbiter([account]),
      ArbitrationArbiterIneligible: m.ArbitrationArbiterIneligible([4n, account]),
      ArbitrationAlreadyAppealed: m.ArbitrationAlreadyAppealed([4n, account]),
      ArbitrationNothingToAppeal: m.ArbitrationNothingToAppeal([4n, account]),
      ArbitrationRulingPeriodOver: m.ArbitrationRulingPeriodOver([4n, newYear]),
      ArbitrationNotFinalizable: m.ArbitrationNotFinalizable([4n, newYear]),
      ArbitrationTooFewFallbackArbiters: m.ArbitrationTooFewFallbackArbiters([1n, 2n]),
      ArbitrationFallbackArbiterUnchanged: m.ArbitrationFallbackArbiterUnchanged([account, true]),
      ArbitrationZeroFallbackArbiter: m.ArbitrationZeroFallbackArbiter([]),
    };
    expect(sentences).to.deep.equal({
      ModuleGuardianCoolingDown:
        "The guardian paused recently: it may pause again from 2026-01-01T00:00:00Z on (governance may pause at any time).",
      ModuleInvalidPauseEnd: "A pause's end must be in the future; 2026-01-01T00:00:00Z is not.",
      ModuleInvalidPauseDuration: "The longest a pause lasts without governance is 86400 s to 7776000 s, not 100 s.",
      AtlasGovernorProposalGuardianProof:
        "Proposal 7 only unpauses modules or replaces guardians: the proposal guardian cannot cancel it.",
      LedgerAttestationForOtherLedger: `${uid} names ledger ${other} on chain 1, not this ledger on this chain.`,
      LedgerPointsAboveCap: "The verification grants 150 points; the ledger records at most 100 per record.",
      LedgerInvalidPointsCap: "The cap on a verification's points is 1 to 1000000, not 0.",
      BountyHasAwards: "Bounty 3 has already awarded 250: it can no longer be cancelled.",
      BountyFundingTooLarge: `Bounty 3 would hold ${2n ** 128n} in all, above the most a bounty holds (${2n ** 128n - 1n}).`,
      EscrowPartyNotInSovereign: `${account} is not a member of sovereign 2, which the terms name for it.`,
      EscrowNotMissionManager: `${account} is not a manager of mission 4.`,
      EscrowAlreadyEndorsed: "Escrow 1 is already endorsed as its mission's own deal.",
      EscrowAlreadyAccepted: "The contributor already accepted the terms of escrow 1.",
      EscrowTermsNotAccepted:
        "The contributor has not accepted the terms of escrow 1 yet: it accepts them before submitting work.",
      EscrowStreamStartTooEarly:
        "Stream 1 starts at 2025-12-31T22:00:00Z, before the earliest allowed start, 2025-12-31T23:00:00Z.",
      EscrowAttestationWrongEscrowContract: `${uid} names escrow contract ${other} on chain 1, not this escrow on this chain.`,
      EscrowAttestationBeforeEscrow: `${uid} was attested at 2026-01-01T00:00:00Z, not after the escrow was created (2026-01-01T00:00:00Z).`,
      EscrowStreamRunning: "Stream 2 of escrow 1 is running: only a cancelled stream's rest is disputed or reclaimed.",
      SplitZeroWithdrawalRecipient: "A withdrawal cannot go to the zero address.",
      ArbitrationArbiterIsParty: `${account} is a party (or the zero address): it cannot arbitrate.`,
      ArbitrationArbiterSovereignIsParty:
        "Sovereign 5 is a party's own, or a party administers it: drawn arbiters come from a neutral one.",
      ArbitrationNotFallbackArbiter: `${account} is not a fallback arbiter: without a sovereign, only governance's fallback arbiters can be drawn.`,
      ArbitrationArbiterIneligible: `${account} is no longer eligible to arbitrate dispute 4 (its sovereign suspended or administered by a party, its role lost, or no longer a fallback arbiter): anyone may replace it.`,
      ArbitrationAlreadyAppealed: `${account} already appealed dispute 4.`,
      ArbitrationNothingToAppeal: `The first ruling of dispute 4 gave ${account} the whole disputed amount: it has nothing to appeal.`,
      ArbitrationRulingPeriodOver:
        "Round 1 of dispute 4 ended unruled at 2026-01-01T00:00:00Z: the claim can only be dismissed (finalize it).",
      ArbitrationNotFinalizable: "Dispute 4 has no final ruling yet: it can be finalized from 2026-01-01T00:00:00Z on.",
      ArbitrationTooFewFallbackArbiters: "Arbitration keeps at least 2 fallback arbiters; this would leave 1.",
      ArbitrationFallbackArbiterUnchanged: `${account} is already a fallback arbiter.`,
      ArbitrationZeroFallbackArbiter: "The zero address cannot be a fallback arbiter.",
    });
    expect(m.ArbitrationFallbackArbiterUnchanged([account, false])).to.equal(`${account} is not a fallback arbiter.`);
    for (const removed of ["ArbitrationNoArbiterPool", "BountyHasSubmissions"]) {
      expect(m, "an error the contracts no longer have").not.to.have.property(removed);
    }
  });

  it("renders Sovereign Graph sentences with roles and mission statuses by name", function () {
    const m = contractErrorMessages;
    const account = "0x000000000000000000000000000000000000A71A";
    expect(m.RegistryHandleTaken(["lisbon", 1n])).to.equal('The handle "lisbon" is taken by sovereign 1.');
    expect(m.RegistryInvalidMissionTransition([4n, 1, 4])).to.equal("Mission 4 cannot move from draft to completed.");
    expect(m.RegistryMissionClosed([4n, 5])).to.equal("Mission 4 is cancelled: it is frozen.");
    expect(m.RegistryRoleNotGrantable([6])).to.equal(
      "The agent role is not granted or revoked directly: members join, agents are registered.",
    );
    expect(m.RegistryRoleNotHeld([2n, account, 3])).to.equal(
      `${account} does not hold the verifier role in sovereign 2.`,
    );
    expect(m.RegistryCannotCreateMission([2n, 0n, account])).to.equal(
      `${account} cannot create missions in sovereign 2: that needs an admin or the operator role.`,
    );
    expect(m.RegistryCannotCreateMission([2n, 5n, account])).to.equal(
      `${account} cannot create missions in sovereign 2 (organization 5): that needs an admin or the operator role.`,
    );
    expect(m.LedgerInvalidAttestation([`0x${"ab".repeat(32)}`, `0x${"cd".repeat(32)}`])).to.equal(
      `0x${"ab".repeat(32)} is not a live attestation of schema 0x${"cd".repeat(32)} (missing, other schema, revoked or expired).`,
    );
    expect(m.ModuleOnlyGuardian([account])).to.equal(`${account} cannot do this: only the guardian or governance can.`);
    expect(m.NotFound([])).to.equal("No attestation with this UID (or the referenced UID) exists.");
  });
});
