// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {GovernorCountingSimple} from "@openzeppelin/contracts/governance/extensions/GovernorCountingSimple.sol";
import {GovernorPreventLateQuorum} from "@openzeppelin/contracts/governance/extensions/GovernorPreventLateQuorum.sol";
import {GovernorProposalGuardian} from "@openzeppelin/contracts/governance/extensions/GovernorProposalGuardian.sol";
import {GovernorSettings} from "@openzeppelin/contracts/governance/extensions/GovernorSettings.sol";
import {GovernorTimelockControl} from "@openzeppelin/contracts/governance/extensions/GovernorTimelockControl.sol";
import {GovernorVotes} from "@openzeppelin/contracts/governance/extensions/GovernorVotes.sol";
import {GovernorVotesQuorumFraction} from "@openzeppelin/contracts/governance/extensions/GovernorVotesQuorumFraction.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";

import {IAtlasGovernor} from "./IAtlasGovernor.sol";
import {IAtlasModule} from "./IAtlasModule.sol";

/// @title AtlasGovernor
/// @notice Token-weighted governance of Atlas OS; proposals execute through a TimelockController.
/// @dev See {IAtlasGovernor} for the composition and the two deliberate differences from the plain
/// OpenZeppelin extensions. Every parameter setter is `onlyGovernance`: it runs only as part of an
/// executed proposal, through the timelock.
contract AtlasGovernor is
    Governor,
    GovernorSettings,
    GovernorCountingSimple,
    GovernorVotes,
    GovernorVotesQuorumFraction,
    GovernorTimelockControl,
    GovernorPreventLateQuorum,
    GovernorProposalGuardian,
    IAtlasGovernor
{
    /// @notice Parameters fixed at deployment; all but `token` can later be changed by governance.
    /// @param token The ERC-5805 voting token; its clock is the governor's clock.
    /// @param timelock The TimelockController that executes proposals and holds the treasury.
    /// @param votingDelay Clock units (seconds for AtlasToken) between proposal and vote start.
    /// @param votingPeriod Clock units the vote lasts.
    /// @param proposalThreshold Votes an account needs (at `clock() - 1`) to propose.
    /// @param quorumNumerator Quorum, in percent of the total supply at the snapshot.
    /// @param voteExtension Minimum voting time left after quorum is first reached (late-quorum
    /// protection), in clock units.
    /// @param proposalGuardian Account that can cancel proposals; `address(0)` for none.
    struct Config {
        IVotes token;
        TimelockController timelock;
        uint48 votingDelay;
        uint32 votingPeriod;
        uint256 proposalThreshold;
        uint256 quorumNumerator;
        uint48 voteExtension;
        address proposalGuardian;
    }

    /// @notice Deploys the governor. It becomes operational once the timelock grants it the
    /// proposer and canceller roles.
    /// @param config See {Config}.
    constructor(
        Config memory config
    )
        Governor("AtlasGovernor")
        GovernorSettings(config.votingDelay, config.votingPeriod, config.proposalThreshold)
        GovernorVotes(config.token)
        GovernorVotesQuorumFraction(config.quorumNumerator)
        GovernorTimelockControl(config.timelock)
        GovernorPreventLateQuorum(config.voteExtension)
    {
        _setProposalGuardian(config.proposalGuardian);
    }

    /* ATLAS RULES */

    /// @dev True between `_countVote` and the `_tallyUpdated` of the same vote when that vote may be
    /// the one that first reaches quorum inside the late-quorum window (see `_tallyUpdated`).
    bool private transient _mayReachQuorumLate;

    /// @dev Rejects zero-weight votes (see {IAtlasGovernor}), then notes, before the vote is
    /// counted, whether it could trigger late-quorum protection: only a vote cast within the last
    /// `lateQuorumVoteExtension()` before the original deadline, on a proposal that has not yet
    /// reached quorum, can extend the deadline.
    function _countVote(
        uint256 proposalId,
        address account,
        uint8 support,
        uint256 totalWeight,
        bytes memory params
    ) internal override(Governor, GovernorCountingSimple) returns (uint256) {
        if (totalWeight == 0) revert AtlasGovernorZeroVotingPower(proposalId, account, proposalSnapshot(proposalId));
        _mayReachQuorumLate =
            clock() + lateQuorumVoteExtension() > Governor.proposalDeadline(proposalId) &&
            !_quorumReached(proposalId);
        return super._countVote(proposalId, account, support, totalWeight, params);
    }

    /// @dev Runs GovernorPreventLateQuorum's hook only for a vote flagged by `_countVote`.
    /// The hook checks quorum after every vote (two checkpoint look-ups and a token call, about
    /// 16,000 gas per vote until quorum), yet it can change the outcome only when quorum is first
    /// reached at a time `t` with `t + lateQuorumVoteExtension() > original deadline`. Elsewhere it
    /// would at most record an extension that `proposalDeadline` ignores (`max(original, t + E)`
    /// with `t + E <= original`). Skipping it there keeps every deadline identical to the plain
    /// extension's (tests compare them) and brings castVote within 10% of a Governor without it.
    function _tallyUpdated(uint256 proposalId) internal override(Governor, GovernorPreventLateQuorum) {
        if (_mayReachQuorumLate) {
            _mayReachQuorumLate = false;
            super._tallyUpdated(proposalId);
        }
    }

    /// @dev Only the guardian, or the proposer while the proposal is Pending (the plain Governor
    /// rule), may cancel. Deliberately skips GovernorProposalGuardian's fallback that lets
    /// proposers cancel at any stage once no guardian is set (see {IAtlasGovernor}).
    function _validateCancel(
        uint256 proposalId,
        address caller
    ) internal view override(Governor, GovernorProposalGuardian) returns (bool) {
        return caller == proposalGuardian() || Governor._validateCancel(proposalId, caller);
    }

    /// @dev The proposal guardian's cancel power stops at guardian-proof proposals (see
    /// {IAtlasGovernor}); the proposer's standard right to cancel while Pending is unchanged.
    function cancel(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) public override returns (uint256) {
        address caller = _msgSender();
        if (caller == proposalGuardian() && isGuardianProof(targets, values, calldatas)) {
            uint256 proposalId = getProposalId(targets, values, calldatas, descriptionHash);
            if (!Governor._validateCancel(proposalId, caller)) revert AtlasGovernorProposalGuardianProof(proposalId);
        }
        return super.cancel(targets, values, calldatas, descriptionHash);
    }

    /// @inheritdoc IAtlasGovernor
    function isGuardianProof(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas
    ) public pure returns (bool) {
        uint256 count = targets.length;
        if (count == 0 || values.length != count || calldatas.length != count) return false;
        for (uint256 i; i < count; ++i) {
            if (values[i] != 0) return false;
            bytes memory data = calldatas[i];
            if (data.length == 4) {
                if (bytes4(data) != IAtlasModule.unpause.selector) return false;
            } else if (data.length == 36) {
                bytes4 selector = bytes4(data);
                if (
                    selector != IAtlasModule.setGuardian.selector &&
                    selector != GovernorProposalGuardian.setProposalGuardian.selector
                ) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return true;
    }

    /* RESOLUTION OF INHERITED FUNCTIONS */

    /// @inheritdoc Governor
    function state(uint256 proposalId) public view override(Governor, GovernorTimelockControl) returns (ProposalState) {
        return super.state(proposalId);
    }

    /// @inheritdoc Governor
    function proposalDeadline(
        uint256 proposalId
    ) public view override(Governor, GovernorPreventLateQuorum) returns (uint256) {
        return super.proposalDeadline(proposalId);
    }

    /// @inheritdoc Governor
    function proposalNeedsQueuing(
        uint256 proposalId
    ) public view override(Governor, GovernorTimelockControl) returns (bool) {
        return super.proposalNeedsQueuing(proposalId);
    }

    /// @inheritdoc Governor
    function proposalThreshold() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.proposalThreshold();
    }

    /// @inheritdoc Governor
    function votingDelay() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.votingDelay();
    }

    /// @inheritdoc Governor
    function votingPeriod() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.votingPeriod();
    }

    /// @inheritdoc Governor
    function quorum(uint256 timepoint) public view override(Governor, GovernorVotesQuorumFraction) returns (uint256) {
        return super.quorum(timepoint);
    }

    function _queueOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) returns (uint48) {
        return super._queueOperations(proposalId, targets, values, calldatas, descriptionHash);
    }

    function _executeOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) {
        super._executeOperations(proposalId, targets, values, calldatas, descriptionHash);
    }

    function _cancel(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) returns (uint256) {
        return super._cancel(targets, values, calldatas, descriptionHash);
    }

    function _executor() internal view override(Governor, GovernorTimelockControl) returns (address) {
        return super._executor();
    }
}
