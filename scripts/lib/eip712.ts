/** EIP-712 type definitions of the governance signatures, for ethers' `signTypedData`. */

/** OpenZeppelin Governor's `Ballot` (castVoteBySig). */
export const BALLOT_TYPES = {
  Ballot: [
    { name: "proposalId", type: "uint256" },
    { name: "support", type: "uint8" },
    { name: "voter", type: "address" },
    { name: "nonce", type: "uint256" },
  ],
};

/** ERC-5805 `Delegation` (delegateBySig). */
export const DELEGATION_TYPES = {
  Delegation: [
    { name: "delegatee", type: "address" },
    { name: "nonce", type: "uint256" },
    { name: "expiry", type: "uint256" },
  ],
};
