// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @notice Sorts an array of pseudo-random words in memory and returns a checksum of the
/// sorted array. Exercises memory array reads and writes with bounds checks, unsigned
/// comparisons and recursive internal calls.
contract QuickSort {
  /// @notice Fills `n` words from a 256-bit linear congruential generator seeded with
  /// `seed`, sorts them ascending and returns sum((i + 1) * a[i]) modulo 2^256.
  function sortRandom(uint256 n, uint256 seed) external pure returns (uint256 sum) {
    uint256[] memory a = new uint256[](n);
    uint256 x = seed;
    unchecked {
      for (uint256 i = 0; i < n; i++) {
        x = x * 0x5851f42d4c957f2d14057b7ef767814f + 0x9e3779b97f4a7c15;
        a[i] = x;
      }
    }
    if (n > 1) {
      sort(a, 0, n - 1);
    }
    for (uint256 i = 1; i < n; i++) {
      require(a[i - 1] <= a[i], "not sorted");
    }
    unchecked {
      for (uint256 i = 0; i < n; i++) {
        sum += (i + 1) * a[i];
      }
    }
  }

  /// Hoare-partition quicksort of a[lo..hi] around the middle element.
  function sort(uint256[] memory a, uint256 lo, uint256 hi) internal pure {
    uint256 pivot = a[lo + (hi - lo) / 2];
    uint256 i = lo;
    uint256 j = hi;
    while (true) {
      while (a[i] < pivot) {
        i++;
      }
      while (a[j] > pivot) {
        j--;
      }
      if (i >= j) {
        break;
      }
      (a[i], a[j]) = (a[j], a[i]);
      i++;
      j--;
    }
    if (lo < j) {
      sort(a, lo, j);
    }
    if (j + 1 < hi) {
      sort(a, j + 1, hi);
    }
  }
}
