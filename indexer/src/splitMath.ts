/**
 * contracts/libraries/SplitMath.sol in bigints: what a distribution pays each recipient and the
 * distributor. The split stores none of it (SplitDistributed carries the amount and the reward);
 * the handlers recompute the shares from the configuration, exactly as the split did.
 */

/** 1,000,000: allocations and the distributor fee are parts of it. */
export const TOTAL_ALLOCATION = 1_000_000n;

/** `amount * allocation / TOTAL_ALLOCATION`, rounded down (SplitMath.shareOf). */
export function shareOf(amount: bigint, allocation: bigint): bigint {
  return (amount / TOTAL_ALLOCATION) * allocation + ((amount % TOTAL_ALLOCATION) * allocation) / TOTAL_ALLOCATION;
}

/** SplitMath.distribution: the distributor's reward, each recipient's share, and the dust left. */
export function distribution(
  amount: bigint,
  distributorFee: bigint,
  allocations: readonly bigint[],
): { reward: bigint; shares: bigint[]; dust: bigint } {
  const reward = shareOf(amount, distributorFee);
  const toRecipients = amount - reward;
  const shares = allocations.map((allocation) => shareOf(toRecipients, allocation));
  return { reward, shares, dust: shares.reduce((left, share) => left - share, toRecipients) };
}
