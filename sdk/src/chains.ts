/** Chains whose address books stay on the machine (git-ignored): Hardhat's in-process chain and node. */
export function isLocalChain(chainId: number): boolean {
  return chainId === 31337 || chainId === 1337;
}
