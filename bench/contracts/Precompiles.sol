// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @notice Calls the BN254 pairing check (0x08) and MODEXP (0x05) precompiles in loops,
/// with inputs that change from call to call, and checks every answer.
contract Precompiles {
  /// BN254 base field modulus.
  uint256 private constant P = 0x30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47;
  // The generator of G2 (EIP-197 encoding: imaginary part first).
  uint256 private constant G2_X_IM = 0x198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2;
  uint256 private constant G2_X_RE = 0x1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed;
  uint256 private constant G2_Y_IM = 0x090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b;
  uint256 private constant G2_Y_RE = 0x12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa;

  /// @notice `n` pairing checks e(kG1, G2) * e(-kG1, G2) == 1, each with its own k
  /// (derived from `seed`, the point computed by the 0x07 multiplication precompile).
  /// Returns the number of checks that held, which must be `n`.
  function pairings(uint256 n, uint256 seed) external view returns (uint256 ok) {
    for (uint256 i = 0; i < n; i++) {
      uint256 k = uint256(keccak256(abi.encode(seed, i)));
      (bool mulOk, bytes memory point) = address(0x07).staticcall(abi.encode(uint256(1), uint256(2), k));
      require(mulOk && point.length == 64, "ecmul");
      (uint256 x, uint256 y) = abi.decode(point, (uint256, uint256));
      uint256 negY = y == 0 ? 0 : P - y;
      bytes memory input = abi.encode(x, y, G2_X_IM, G2_X_RE, G2_Y_IM, G2_Y_RE, x, negY, G2_X_IM, G2_X_RE, G2_Y_IM, G2_Y_RE);
      (bool pairOk, bytes memory result) = address(0x08).staticcall(input);
      require(pairOk && result.length == 32, "pairing");
      if (abi.decode(result, (uint256)) == 1) {
        ok++;
      }
    }
  }

  /// @notice `n` modular exponentiations with a base, an exponent and an odd modulus of
  /// `len` bytes each, all derived from `seed`; each result is folded into the next base,
  /// so the calls form a chain. Returns a hash of the last result.
  function modexps(uint256 n, uint256 len, uint256 seed) external view returns (bytes32 h) {
    bytes memory base = fill(len, seed, 0);
    bytes memory exponent = fill(len, seed, 1);
    bytes memory modulus = fill(len, seed, 2);
    modulus[0] |= 0x80;
    modulus[len - 1] |= 0x01;
    for (uint256 i = 0; i < n; i++) {
      (bool ok, bytes memory result) = address(0x05).staticcall(abi.encodePacked(len, len, len, base, exponent, modulus));
      require(ok && result.length == len, "modexp");
      base = result;
      h = keccak256(abi.encodePacked(h, result));
    }
  }

  /// `len` bytes of a keccak-256 stream keyed by (seed, tag).
  function fill(uint256 len, uint256 seed, uint256 tag) private pure returns (bytes memory out) {
    out = new bytes(len);
    for (uint256 i = 0; i < len; i += 32) {
      bytes32 w = keccak256(abi.encode(seed, tag, i));
      for (uint256 j = 0; j < 32 && i + j < len; j++) {
        out[i + j] = w[j];
      }
    }
  }
}
