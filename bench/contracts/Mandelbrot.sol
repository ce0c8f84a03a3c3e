// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @notice Renders the Mandelbrot set in fixed point and returns a checksum of the image.
/// A long pure computation: nested loops, signed multiplications and divisions (checked
/// arithmetic, as ordinary Solidity code is), an internal function call per pixel and a
/// byte array in memory that holds the image until it is folded into the checksum.
contract Mandelbrot {
  /// Fixed-point scale: 2^24, so a product of two coordinates (|x| < 8) fits easily.
  int256 private constant ONE = 1 << 24;
  /// Escape when |z|^2 exceeds 4.
  int256 private constant ESCAPE = 4 * ONE;

  /// @notice Renders `width` x `height` pixels of the region [-2, 1] x [-1.2, 1.2] with at
  /// most `maxIter` iterations per pixel and returns a checksum of the escape counts.
  function render(uint256 width, uint256 height, uint256 maxIter) external pure returns (uint256) {
    bytes memory image = new bytes(width * height);
    int256 x0 = -2 * ONE;
    int256 y0 = (-12 * ONE) / 10;
    int256 dx = (3 * ONE) / int256(width);
    int256 dy = (24 * ONE) / (10 * int256(height));
    for (uint256 py = 0; py < height; py++) {
      int256 cy = y0 + int256(py) * dy;
      for (uint256 px = 0; px < width; px++) {
        int256 cx = x0 + int256(px) * dx;
        image[py * width + px] = bytes1(uint8(escapeTime(cx, cy, maxIter)));
      }
    }
    return checksum(image);
  }

  /// Number of iterations of z := z^2 + c before |z| > 2, capped at maxIter (< 256).
  function escapeTime(int256 cx, int256 cy, uint256 maxIter) internal pure returns (uint256 n) {
    int256 x = 0;
    int256 y = 0;
    while (n < maxIter) {
      int256 xx = (x * x) / ONE;
      int256 yy = (y * y) / ONE;
      if (xx + yy > ESCAPE) {
        break;
      }
      y = (2 * x * y) / ONE + cy;
      x = xx - yy + cx;
      n++;
    }
  }

  /// A polynomial rolling hash of the pixels, wrapping modulo 2^256.
  function checksum(bytes memory image) internal pure returns (uint256 h) {
    unchecked {
      for (uint256 i = 0; i < image.length; i++) {
        h = h * 1000003 + uint8(image[i]);
      }
    }
  }
}
