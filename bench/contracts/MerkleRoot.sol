// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @notice Builds a binary Merkle tree over generated leaves and returns its root: a
/// keccak-heavy loop. Pairs are hashed in the scratch space (0x00-0x3f) the way
/// gas-conscious Merkle libraries do, so memory stays at the size of the leaf array and
/// the cost is dominated by KECCAK256 itself rather than by memory expansion.
contract MerkleRoot {
  /// @notice Leaf i is keccak256(abi.encode(seed, i)) for i < n (n a power of two); each
  /// parent is keccak256(left ++ right). Returns the root.
  function root(uint256 n, bytes32 seed) external pure returns (bytes32) {
    require(n != 0 && n & (n - 1) == 0, "n must be a power of two");
    bytes32[] memory level = new bytes32[](n);
    for (uint256 i = 0; i < n; i++) {
      level[i] = hashPair(seed, bytes32(i));
    }
    // Halve the level in place until one node is left.
    for (uint256 width = n; width > 1; width /= 2) {
      for (uint256 i = 0; i < width / 2; i++) {
        level[i] = hashPair(level[2 * i], level[2 * i + 1]);
      }
    }
    return level[0];
  }

  function hashPair(bytes32 a, bytes32 b) internal pure returns (bytes32 h) {
    assembly ("memory-safe") {
      mstore(0x00, a)
      mstore(0x20, b)
      h := keccak256(0x00, 0x40)
    }
  }
}
