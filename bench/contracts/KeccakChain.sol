// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @notice A keccak-256 hash chain: each link hashes the previous link and its index
/// (64 bytes in the scratch space at memory 0..63, so memory does not grow), so every
/// hash depends on the one before and nothing can be skipped or reordered.
contract KeccakChain {
  /// @notice Returns link `n` of the chain that starts at `seed`.
  function chain(uint256 n, bytes32 seed) external pure returns (bytes32 h) {
    h = seed;
    for (uint256 i = 0; i < n; i++) {
      assembly {
        mstore(0x00, h)
        mstore(0x20, i)
        h := keccak256(0x00, 0x40)
      }
    }
  }
}
