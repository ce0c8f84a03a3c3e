// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @notice A minimal ERC-20 whose whole supply goes to its creator.
contract LoopToken {
  mapping(address => uint256) public balanceOf;
  uint256 public totalSupply;

  event Transfer(address indexed from, address indexed to, uint256 value);

  constructor(uint256 supply) {
    balanceOf[msg.sender] = supply;
    totalSupply = supply;
    emit Transfer(address(0), msg.sender, supply);
  }

  function transfer(address to, uint256 value) external returns (bool) {
    uint256 own = balanceOf[msg.sender];
    require(own >= value, "balance");
    unchecked {
      balanceOf[msg.sender] = own - value;
    }
    balanceOf[to] += value;
    emit Transfer(msg.sender, to, value);
    return true;
  }
}

/// @notice Makes many ERC-20 transfers in one call: each is a real external call into the
/// token (account access, two balance slots, checked arithmetic, a Transfer log), the
/// recipients drawn from a fixed set so that the first transfer to each writes a new
/// slot and later ones update it.
contract TransferLoop {
  LoopToken public immutable token;

  constructor() {
    token = new LoopToken(1e30);
  }

  /// @notice Sends `n` transfers to `recipients` addresses derived from `seed` (the i-th
  /// goes to address number i mod `recipients`) and returns the sum of the recipients'
  /// balances afterwards, which must equal the sum of the amounts sent.
  function run(uint256 n, uint256 recipients, uint256 seed) external returns (uint256 total) {
    require(recipients > 0 && n >= recipients, "arguments");
    uint256 sent;
    for (uint256 i = 0; i < n; i++) {
      address to = address(uint160(uint256(keccak256(abi.encode(seed, i % recipients)))));
      uint256 amount = 1 + (i * 7919) % 1000;
      require(token.transfer(to, amount), "transfer");
      sent += amount;
    }
    for (uint256 r = 0; r < recipients; r++) {
      total += token.balanceOf(address(uint160(uint256(keccak256(abi.encode(seed, r))))));
    }
    require(total == sent, "lost tokens");
  }
}
