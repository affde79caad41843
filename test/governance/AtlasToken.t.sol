// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";

import {AtlasToken} from "../../contracts/governance/AtlasToken.sol";
import {IAtlasToken} from "../../contracts/governance/IAtlasToken.sol";
import {Test} from "../utils/Test.sol";

/// @title AtlasTokenTest
/// @notice Unit and fuzz tests of the AtlasToken constructor (genesis mint) and its ERC-6372 clock.
contract AtlasTokenTest is Test {
    uint256 private constant ATLAS = 1e18;
    uint256 private constant MAX_SUPPLY = type(uint208).max;
    uint256 private constant FUZZ_RECIPIENTS = 6;

    address private alice = address(uint160(uint256(keccak256("alice"))));
    address private bob = address(uint160(uint256(keccak256("bob"))));
    address private carol = address(uint160(uint256(keccak256("carol"))));

    function setUp() public {
        vm.label(alice, "alice");
        vm.label(bob, "bob");
        vm.label(carol, "carol");
    }

    /* CONSTRUCTOR: REVERTS */

    function test_constructor_revertsWhenGenesisIsEmpty() public {
        vm.expectRevert(abi.encodeWithSelector(IAtlasToken.AtlasTokenGenesisEmpty.selector));
        new AtlasToken("Atlas", "ATLAS", new address[](0), new uint256[](0));
    }

    function test_constructor_revertsWhenGenesisIsEmptyEvenWithAmounts() public {
        uint256[] memory amounts = new uint256[](1);
        amounts[0] = ATLAS;
        vm.expectRevert(abi.encodeWithSelector(IAtlasToken.AtlasTokenGenesisEmpty.selector));
        new AtlasToken("Atlas", "ATLAS", new address[](0), amounts);
    }

    function test_constructor_revertsWhenMoreAmountsThanRecipients() public {
        (address[] memory recipients, uint256[] memory amounts) = _genesis(2, 3);
        vm.expectRevert(
            abi.encodeWithSelector(IAtlasToken.AtlasTokenGenesisLengthMismatch.selector, uint256(2), uint256(3))
        );
        new AtlasToken("Atlas", "ATLAS", recipients, amounts);
    }

    function test_constructor_revertsWhenFewerAmountsThanRecipients() public {
        (address[] memory recipients, uint256[] memory amounts) = _genesis(3, 1);
        vm.expectRevert(
            abi.encodeWithSelector(IAtlasToken.AtlasTokenGenesisLengthMismatch.selector, uint256(3), uint256(1))
        );
        new AtlasToken("Atlas", "ATLAS", recipients, amounts);
    }

    function test_constructor_revertsWhenAnAmountIsZero() public {
        (address[] memory recipients, uint256[] memory amounts) = _genesis(3, 3);
        amounts[1] = 0;
        vm.expectRevert(abi.encodeWithSelector(IAtlasToken.AtlasTokenGenesisZeroAmount.selector, uint256(1), bob));
        new AtlasToken("Atlas", "ATLAS", recipients, amounts);
    }

    function test_constructor_revertsWhenAZeroAmountGoesToTheZeroAddress() public {
        (address[] memory recipients, uint256[] memory amounts) = _genesis(3, 3);
        recipients[2] = address(0);
        amounts[2] = 0;
        // The zero amount is checked before `_mint` sees the zero address.
        vm.expectRevert(
            abi.encodeWithSelector(IAtlasToken.AtlasTokenGenesisZeroAmount.selector, uint256(2), address(0))
        );
        new AtlasToken("Atlas", "ATLAS", recipients, amounts);
    }

    function test_constructor_revertsWhenARecipientIsTheZeroAddress() public {
        (address[] memory recipients, uint256[] memory amounts) = _genesis(3, 3);
        recipients[1] = address(0);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InvalidReceiver.selector, address(0)));
        new AtlasToken("Atlas", "ATLAS", recipients, amounts);
    }

    function test_constructor_revertsWhenSupplyExceedsUint208() public {
        (address[] memory recipients, uint256[] memory amounts) = _genesis(2, 2);
        amounts[0] = MAX_SUPPLY;
        amounts[1] = 1;
        vm.expectRevert(
            abi.encodeWithSelector(ERC20Votes.ERC20ExceededSafeSupply.selector, MAX_SUPPLY + 1, MAX_SUPPLY)
        );
        new AtlasToken("Atlas", "ATLAS", recipients, amounts);
    }

    /* CONSTRUCTOR: GENESIS STATE */

    function test_constructor_mintsGenesisBalancesAndTotalSupply() public {
        (address[] memory recipients, uint256[] memory amounts) = _genesis(3, 3);
        AtlasToken token = new AtlasToken("Atlas", "ATLAS", recipients, amounts);

        assertEq(token.balanceOf(alice), 1_000 * ATLAS, "alice balance");
        assertEq(token.balanceOf(bob), 2_000 * ATLAS, "bob balance");
        assertEq(token.balanceOf(carol), 3_000 * ATLAS, "carol balance");
        assertEq(token.balanceOf(address(this)), 0, "deployer balance");
        assertEq(token.totalSupply(), 6_000 * ATLAS, "total supply");
        assertEq(token.name(), "Atlas", "name");
        assertEq(token.symbol(), "ATLAS", "symbol");
        assertEq(token.decimals(), 18, "decimals");
    }

    function test_constructor_addsUpARepeatedRecipient() public {
        (address[] memory recipients, uint256[] memory amounts) = _genesis(3, 3);
        recipients[2] = alice;
        AtlasToken token = new AtlasToken("Atlas", "ATLAS", recipients, amounts);

        assertEq(token.balanceOf(alice), 4_000 * ATLAS, "alice balance (positions 0 and 2)");
        assertEq(token.balanceOf(bob), 2_000 * ATLAS, "bob balance");
        assertEq(token.balanceOf(carol), 0, "carol balance");
        assertEq(token.totalSupply(), 6_000 * ATLAS, "total supply");
    }

    function test_constructor_leavesGenesisHoldersWithoutVotesUntilTheyDelegate() public {
        (address[] memory recipients, uint256[] memory amounts) = _genesis(3, 3);
        AtlasToken token = new AtlasToken("Atlas", "ATLAS", recipients, amounts);

        assertEq(token.delegates(alice), address(0), "alice delegate");
        assertEq(token.getVotes(alice), 0, "alice votes before delegating");
        assertEq(token.getVotes(bob), 0, "bob votes before delegating");

        vm.prank(alice);
        token.delegate(alice);
        assertEq(token.getVotes(alice), 1_000 * ATLAS, "alice votes after self-delegation");
    }

    function testFuzz_constructor_genesisSupplyEqualsSumOfAmounts(
        uint256 countSeed,
        uint256[FUZZ_RECIPIENTS] memory recipientSeeds,
        uint256[FUZZ_RECIPIENTS] memory amountSeeds
    ) public {
        uint256 count = bound(countSeed, 1, FUZZ_RECIPIENTS);
        address[] memory recipients = new address[](count);
        uint256[] memory amounts = new uint256[](count);
        uint256 remaining = MAX_SUPPLY;
        for (uint256 i = 0; i < count; ++i) {
            // Any non-zero address; one seed in four repeats the previous recipient.
            uint256 seed = recipientSeeds[i];
            recipients[i] =
                (i > 0 && seed % 4 == 0) ? recipients[i - 1] : address(uint160(bound(seed, 1, type(uint160).max)));
            // Leave at least 1 for each later position, so the sum never exceeds type(uint208).max.
            amounts[i] = bound(amountSeeds[i], 1, remaining - (count - 1 - i));
            remaining -= amounts[i];
        }
        _assertGenesis(recipients, amounts);
    }

    function test_constructor_genesisSupplyEqualsSumOfAmounts() public {
        (address[] memory recipients, uint256[] memory amounts) = _genesis(3, 3);
        recipients[2] = alice;
        amounts[0] = MAX_SUPPLY - 3;
        amounts[1] = 1;
        amounts[2] = 2;
        _assertGenesis(recipients, amounts);
    }

    /* CLOCK (ERC-6372) */

    function test_clock_returnsBlockTimestampAfterWarp() public {
        AtlasToken token = _deploy();
        vm.warp(1_900_000_000);
        assertEq(token.clock(), 1_900_000_000, "clock after warp");
        assertEq(token.clock(), block.timestamp, "clock == block.timestamp");

        vm.warp(1_900_000_000 + 12);
        assertEq(token.clock(), 1_900_000_012, "clock after a second warp");
    }

    function test_CLOCK_MODE_returnsModeTimestamp() public {
        AtlasToken token = _deploy();
        assertEq(token.CLOCK_MODE(), "mode=timestamp", "CLOCK_MODE");
    }

    /* HELPERS */

    /// @dev Deploys with alice 1,000, bob 2,000, carol 3,000 ATLAS.
    function _deploy() private returns (AtlasToken) {
        (address[] memory recipients, uint256[] memory amounts) = _genesis(3, 3);
        return new AtlasToken("Atlas", "ATLAS", recipients, amounts);
    }

    /// @dev Up to three recipients (alice, bob, carol) and amounts 1,000, 2,000, 3,000, … ATLAS.
    function _genesis(
        uint256 recipientCount,
        uint256 amountCount
    ) private view returns (address[] memory recipients, uint256[] memory amounts) {
        address[3] memory holders = [alice, bob, carol];
        recipients = new address[](recipientCount);
        for (uint256 i = 0; i < recipientCount; ++i) recipients[i] = holders[i % 3];
        amounts = new uint256[](amountCount);
        for (uint256 i = 0; i < amountCount; ++i) amounts[i] = (i + 1) * 1_000 * ATLAS;
    }

    /// @dev Deploys and checks total supply == Σ amounts and each balance == Σ of its positions.
    function _assertGenesis(address[] memory recipients, uint256[] memory amounts) private {
        AtlasToken token = new AtlasToken("Atlas", "ATLAS", recipients, amounts);
        uint256 sum = 0;
        for (uint256 i = 0; i < amounts.length; ++i) sum += amounts[i];
        assertEq(token.totalSupply(), sum, "total supply == sum of genesis amounts");
        assertLe(token.totalSupply(), MAX_SUPPLY, "total supply within uint208");

        for (uint256 i = 0; i < recipients.length; ++i) {
            uint256 owed = 0;
            for (uint256 j = 0; j < recipients.length; ++j) {
                if (recipients[j] == recipients[i]) owed += amounts[j];
            }
            assertEq(token.balanceOf(recipients[i]), owed, "genesis balance == sum of its amounts");
        }
    }
}
