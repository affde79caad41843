/**
 * Shared fixture for the BountyBoard tests: the populated Sovereign Graph of the registry tests
 * (sovereigns, members of every kind, an organization, a mission) with the mission opened, the
 * BountyBoard that `deployAtlas` deploys (its ERC-1967 proxy, named funding module and ledger
 * recorder by the deployment's governance hand-over) and its implementation, the hostile tokens
 * of test/mocks, and two funders holding every token.
 */
import {
  Contract,
  MaxUint256,
  ZeroAddress,
  encodeBytes32String,
  id,
  type ContractTransactionResponse,
  type Signer,
} from "ethers";

import { MissionStatus, ethers, metadata, networkHelpers } from "../../helpers/graph.ts";
import { ATLAS_ID, MISSION_ID, sovereignGraphFixture, walletFor } from "../../graph/registry.behavior.ts";
import { implementationOf } from "../../deploy/stack.behavior.ts";
import { BountyBoard__factory, type BountyBoard, type IBountyBoard } from "../../../types/ethers-contracts/index.js";

export { ATLAS_ID, MISSION_ID };

export const DAY = 86_400n;
/** The zero token address: ETH. */
export const ETH = ZeroAddress;
export const BOUNTY_KIND = encodeBytes32String("bounty");
export const AWARD_POINTS = 100n;
export const MAX_WINNERS = 32n;
export const MAX_DURATION = 730n * DAY;
/** BountyBoard.MAX_FUNDING: the most a bounty may hold in all. */
export const MAX_FUNDING = 2n ** 128n - 1n;
/** AtlasModule.DEFAULT_MAX_PAUSE_DURATION: how long a pause lasts unless governance lifts or extends it. */
export const MAX_PAUSE_DURATION = 14n * DAY;
/** IBountyBoard.BountyStatus, by name. */
export const BountyStatus = { None: 0n, Open: 1n, Expired: 2n, Cancelled: 3n } as const;
export const BOUNTY_METADATA = metadata("bounty: map the river delta");
/** Tokens each funder holds (and has approved the board for) at the start. */
export const FUNDER_TOKENS = 10n ** 24n;

/** The ABI the tests call on every test token (NoReturnToken's `approve` returns nothing: ignored). */
const TOKEN_ABI = [
  "function mint(address to, uint256 amount)",
  "function approve(address spender, uint256 amount)",
  "function transfer(address to, uint256 amount)",
  "function balanceOf(address account) view returns (uint256)",
] as const;

/** A test token, callable from any signer. */
export interface TestToken {
  readonly address: string;
  readonly name: string;
  /** The token, read-only (for balance matchers). */
  readonly contract: Contract;
  /** The token bound to `signer`. */
  as(signer: Signer): Contract;
  balanceOf(account: string): Promise<bigint>;
}

/** Deploys the test token contract `name` (mintable, ERC-20 shaped). */
export async function deployToken(name: string): Promise<TestToken> {
  const deployed = await ethers.deployContract(name);
  const address = await deployed.getAddress();
  const contract = new Contract(address, TOKEN_ABI, ethers.provider);
  return {
    address,
    name,
    contract,
    as: (signer) => new Contract(address, TOKEN_ABI, signer),
    balanceOf: async (account) => (await contract.balanceOf(account)) as bigint,
  };
}

export async function bountyFixture() {
  const g = await sovereignGraphFixture();
  const { registry, bountyBoard: board, deployer, missionOwner, signers } = g;
  await registry.connect(missionOwner).transitionMission(MISSION_ID, MissionStatus.Open);
  const boardAddress = await board.getAddress();
  const implementation = BountyBoard__factory.connect(await implementationOf(ethers.provider, boardAddress), deployer);

  const tokens = {
    mock: await deployToken("MockToken"),
    fee: await deployToken("FeeOnTransferToken"),
    revertOnZero: await deployToken("RevertOnZeroToken"),
    noReturn: await deployToken("NoReturnToken"),
    returnsFalse: await deployToken("ReturnsFalseToken"),
    hook: await deployToken("HookToken"),
  };
  const funder = signers[19];
  const coFunder = await walletFor("bounty co-funder");
  for (const account of [funder, coFunder]) {
    for (const token of Object.values(tokens)) {
      await token.as(account).mint(account.address, FUNDER_TOKENS);
      await token.as(account).approve(boardAddress, MaxUint256);
    }
  }

  return { ...g, board, boardAddress, implementation, tokens, funder, coFunder };
}

export type BountyWorld = Awaited<ReturnType<typeof bountyFixture>>;

/** Bounty terms on the fixture's mission, paying in `token`, due in 7 days unless overridden. */
export async function termsFor(
  token: string,
  overrides: Partial<IBountyBoard.BountyTermsStruct> = {},
): Promise<IBountyBoard.BountyTermsStruct> {
  const now = BigInt(await networkHelpers.time.latest());
  return {
    missionId: MISSION_ID,
    token,
    deadline: now + 7n * DAY,
    credentialSchema: encodeBytes32String(""),
    credentialTrustedBy: 0n,
    metadataURI: BOUNTY_METADATA.uri,
    metadataHash: BOUNTY_METADATA.hash,
    ...overrides,
  };
}

/** Creates a bounty from `creator` with `amount` of `token` (ETH sent as value); returns its id and terms. */
export async function createBounty(
  board: BountyBoard,
  creator: Signer,
  token: string,
  amount: bigint,
  overrides: Partial<IBountyBoard.BountyTermsStruct> = {},
): Promise<{ bountyId: bigint; terms: IBountyBoard.BountyTermsStruct; tx: ContractTransactionResponse }> {
  const terms = await termsFor(token, overrides);
  const tx = await board.connect(creator).createBounty(terms, amount, { value: token === ETH ? amount : 0n });
  return { bountyId: await board.bountyCount(), terms, tx };
}

/** Tops `bountyId` up from `funder` (ETH sent as value). */
export async function fund(
  board: BountyBoard,
  funder: Signer,
  bountyId: bigint,
  token: string,
  amount: bigint,
): Promise<ContractTransactionResponse> {
  return board.connect(funder).fund(bountyId, amount, { value: token === ETH ? amount : 0n });
}

/** A piece of work: its evidence URI and content hash. */
export const work = (label: string) => ({ uri: `ipfs://work/${label}`, hash: id(`work: ${label}`) });

/** Submits `label`'s work to `bountyId` from `contributor` (no credential). */
export async function submit(
  board: BountyBoard,
  contributor: Signer,
  bountyId: bigint,
  label: string,
  credentialUID = encodeBytes32String(""),
): Promise<ContractTransactionResponse> {
  const w = work(label);
  return board.connect(contributor).submitWork(bountyId, w.uri, w.hash, credentialUID);
}

/**
 * Moves the chain to `bountyId`'s deadline (the first second it is Expired). The deadline is on
 * the board's clock, which stands still while paused: the block time is the deadline plus the
 * time the board spent paused (call it while the board is not paused).
 */
export async function passDeadline(board: BountyBoard, bountyId: bigint): Promise<void> {
  const { deadline } = await board.getBounty(bountyId);
  const { pausedDuration } = await board.pauseState();
  await networkHelpers.time.increaseTo(deadline + pausedDuration);
}

/** Mints `amount` of `token` to `holder` and approves the board for all it holds. */
export async function holding(token: TestToken, holder: Signer, board: string, amount: bigint): Promise<void> {
  await token.as(holder).mint(await holder.getAddress(), amount);
  await token.as(holder).approve(board, MaxUint256);
}
