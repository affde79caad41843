/**
 * Differential test of AtlasGovernor's gated late-quorum hook (see `_tallyUpdated`): on the same
 * token, the same proposals voted in the same blocks, its deadlines, states and ProposalExtended
 * events must equal those of a governor using OpenZeppelin's GovernorPreventLateQuorum unchanged
 * (test/bench/WizardGovernorLateQuorum.sol), across seeded random vote sequences.
 */
import { expect } from "chai";
import type { ContractTransactionResponse } from "ethers";

import { TimelockController__factory } from "../../types/ethers-contracts/index.js";
import {
  ATLAS,
  connection,
  descriptionHash,
  ethers,
  governanceFixture,
  networkHelpers,
  proposal,
} from "../helpers/governance.ts";

const { loadFixture, time } = networkHelpers;

const VOTERS = 12;
const SCENARIOS = 32;

async function differentialFixture() {
  const f = await governanceFixture();
  const reference = await ethers.deployContract("WizardGovernorLateQuorum", [
    await f.token.getAddress(),
    await new TimelockController__factory(f.deployer)
      .deploy(f.config.timelockDelay, [], [ethers.ZeroAddress], ethers.ZeroAddress)
      .then((t) => t.getAddress()),
    f.config.votingDelay,
    f.config.votingPeriod,
    f.config.proposalThreshold,
    f.config.quorumPercent,
    f.config.voteExtension,
  ]);
  await f.token.connect(f.alice).delegate(f.alice.address);
  const voters = (await ethers.getSigners()).slice(7, 7 + VOTERS);
  // Weights between 2,000 and 20,000 ATLAS against a 40,000 quorum: quorum needs several votes.
  for (const [i, voter] of voters.entries()) {
    await f.token.connect(f.dave).transfer(voter.address, BigInt(2_000 + ((i * 7_919) % 18_000)) * ATLAS);
    await f.token.connect(voter).delegate(voter.address);
  }
  return { ...f, reference, voters };
}

/** Deterministic pseudo-random numbers (mulberry32), so a failure names its seed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Sends `send()` for both governors and mines them together in one block at `timestamp`. */
async function inOneBlock(
  timestamp: bigint,
  send: () => Promise<ContractTransactionResponse[]>,
): Promise<ContractTransactionResponse[]> {
  await time.setNextBlockTimestamp(timestamp);
  const txs = await send();
  await connection.provider.request({ method: "evm_mine", params: [] });
  return txs;
}

describe("late-quorum protection (differential against OpenZeppelin's GovernorPreventLateQuorum)", function () {
  // The scenarios must exercise both outcomes, or the comparison proves little.
  const seen = { extended: 0, quorumBeforeWindow: 0 };
  after(function () {
    expect(seen.extended, "scenarios with an extension").to.be.greaterThan(0);
    expect(seen.quorumBeforeWindow, "scenarios where quorum came before the window").to.be.greaterThan(0);
  });

  for (let seed = 1; seed <= SCENARIOS; seed++) {
    it(`gives the same deadlines, states and extensions (seed ${seed})`, async function () {
      const f = await loadFixture(differentialFixture);
      const next = random(seed);
      const p = proposal([{ target: f.eve.address, data: "0x" }], `late quorum scenario ${seed}`);
      const args = [p.targets, p.values, p.calldatas, descriptionHash(p)] as const;
      const atlasId = await f.governor.getProposalId(...args);
      const referenceId = (await f.reference.getFunction("getProposalId")(...args)) as bigint;

      await connection.provider.request({ method: "evm_setAutomine", params: [false] });
      try {
        await inOneBlock(BigInt(await time.latest()) + 1n, async () => [
          await f.governor.connect(f.alice).propose(p.targets, p.values, p.calldatas, p.description),
          (await f.reference.connect(f.alice).getFunction("propose")(
            p.targets,
            p.values,
            p.calldatas,
            p.description,
          )) as ContractTransactionResponse,
        ]);
        const snapshot = await f.governor.proposalSnapshot(atlasId);
        const deadline = await f.governor.proposalDeadline(atlasId);
        expect(await f.reference.getFunction("proposalSnapshot")(referenceId)).to.equal(snapshot);

        // Vote times: half the scenarios crowd votes near the end, where the extension matters.
        const span = Number(deadline - snapshot);
        const tail = next() < 0.5 ? Number(f.config.voteExtension) * 2 : span;
        const times = f.voters
          .map(() => deadline - BigInt(Math.floor(next() * Math.min(tail, span))))
          .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        let now = snapshot;
        for (const [i, voter] of f.voters.entries()) {
          if (next() < 0.2) continue;
          // Votes during an extension land after the original deadline.
          const at = times[i] + (next() < 0.3 ? BigInt(Math.floor(next() * Number(f.config.voteExtension))) : 0n);
          now = at > now ? at : now + 1n;
          const support = Math.floor(next() * 3);
          const atlasOpen = (await f.governor.proposalDeadline(atlasId)) >= now;
          const referenceOpen = ((await f.reference.getFunction("proposalDeadline")(referenceId)) as bigint) >= now;
          expect(atlasOpen, `open at ${now}`).to.equal(referenceOpen);
          if (!atlasOpen) break;
          const [atlasTx, referenceTx] = await inOneBlock(now, async () => [
            await f.governor.connect(voter).castVote(atlasId, support),
            (await f.reference.connect(voter).getFunction("castVote")(
              referenceId,
              support,
            )) as ContractTransactionResponse,
          ]);
          const extendedInAtlas = (await atlasTx.wait())!.logs.some(
            (log) => f.governor.interface.parseLog(log)?.name === "ProposalExtended",
          );
          const extendedInReference = (await referenceTx.wait())!.logs.some(
            (log) => f.reference.interface.parseLog(log)?.name === "ProposalExtended",
          );
          expect(extendedInAtlas, `ProposalExtended after vote ${i}`).to.equal(extendedInReference);
          expect(await f.governor.proposalDeadline(atlasId), `deadline after vote ${i}`).to.equal(
            await f.reference.getFunction("proposalDeadline")(referenceId),
          );
        }
        const finalDeadline = await f.governor.proposalDeadline(atlasId);
        if (finalDeadline > deadline) seen.extended++;
        else if (
          await f.governor.quorum(snapshot).then(async (q) => {
            const [, forVotes, abstain] = await f.governor.proposalVotes(atlasId);
            return forVotes + abstain >= q;
          })
        )
          seen.quorumBeforeWindow++;
        const end = finalDeadline + 1n;
        await inOneBlock(end > now ? end : now + 1n, () => Promise.resolve([]));
        expect(await f.governor.state(atlasId)).to.equal(await f.reference.getFunction("state")(referenceId));
      } finally {
        await connection.provider.request({ method: "evm_setAutomine", params: [true] });
      }
    });
  }
});
