// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title IAtlasGovernor
/// @notice The Atlas OS governor: a standard OpenZeppelin Governor (IGovernor, ERC-6372, the
/// standard events), so Tally and other Governor frontends work with it unchanged.
/// @dev Composition: GovernorSettings (voting delay, voting period and proposal threshold, each
/// changeable only by governance), GovernorCountingSimple (against/for/abstain), GovernorVotes
/// (an ERC-5805 token; the token's clock, in seconds for AtlasToken), GovernorVotesQuorumFraction,
/// GovernorTimelockControl (a TimelockController executes and holds the treasury),
/// GovernorPreventLateQuorum and GovernorProposalGuardian.
///
/// Two deliberate differences from the plain OpenZeppelin extensions:
/// - A vote with zero weight at the proposal's snapshot reverts with
///   {AtlasGovernorZeroVotingPower}: tokens bought, borrowed or delegated after the snapshot carry
///   no weight, and the voter is told so instead of having a no-op vote recorded.
/// - The proposal guardian may cancel any proposal that is not yet executed, cancelled or
///   expired. When governance removes the guardian (sets it to `address(0)`), proposers do NOT
///   gain the power to cancel their own proposals at any stage (as they would with the plain
///   GovernorProposalGuardian); they keep only the standard right to cancel while Pending.
/// - The proposal guardian cannot cancel a proposal that only unpauses modules or replaces
///   guardians ({isGuardianProof}): every call sends no value and is exactly `unpause()`,
///   `setGuardian(address)` or `setProposalGuardian(address)`. So the guardian can never keep a
///   module paused, or itself in office, against governance. (It is also never the modules'
///   pauser: the deployment refuses that configuration.)
///
/// The functions, events and errors of IGovernor, IERC6372 and the extensions are inherited from
/// OpenZeppelin and documented there; this interface holds what Atlas adds.
///
/// Assumptions: the token is an ERC-5805 token with a fixed or governance-controlled supply, and
/// the timelock's only proposer and canceller is this governor.
interface IAtlasGovernor {
    /// @dev `voter` had no voting power at the snapshot (`timepoint`) of proposal `proposalId`;
    /// tokens or delegations received later do not count.
    error AtlasGovernorZeroVotingPower(uint256 proposalId, address voter, uint256 timepoint);
    /// @dev Proposal `proposalId` only unpauses modules or replaces guardians: the proposal
    /// guardian cannot cancel it.
    error AtlasGovernorProposalGuardianProof(uint256 proposalId);

    /// @notice Whether a proposal's calls only unpause modules or replace guardians (each call
    /// sends no value and is exactly `unpause()`, `setGuardian(address)` or
    /// `setProposalGuardian(address)`), which the proposal guardian may not cancel.
    /// @param targets The proposal's targets.
    /// @param values The proposal's values.
    /// @param calldatas The proposal's calldatas.
    /// @return proof Whether the proposal guardian may not cancel it.
    function isGuardianProof(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas
    ) external pure returns (bool proof);
}
