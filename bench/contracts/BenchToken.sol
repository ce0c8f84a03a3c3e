// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @notice A plain ERC-20 token for the chain-import benchmark: the transfer path a real
/// token has (two balance slots in a mapping, checked arithmetic, a Transfer log), and
/// nothing else. It has no constructor because the benchmark chain deploys it in the
/// genesis allocation, with its balances written straight into storage; the storage
/// layout below is therefore part of the generator's contract with this file:
///   slot 0: balanceOf  (mapping: keccak256(pad32(holder) ++ pad32(0)))
///   slot 1: allowance  (nested mapping)
///   slot 2: totalSupply
/// Name, symbol and decimals are constants, so they live in the code, not in storage.
contract BenchToken {
  mapping(address => uint256) public balanceOf;
  mapping(address => mapping(address => uint256)) public allowance;
  uint256 public totalSupply;

  string public constant name = "Linden Bench Token";
  string public constant symbol = "LBT";
  uint8 public constant decimals = 18;

  event Transfer(address indexed from, address indexed to, uint256 value);
  event Approval(address indexed owner, address indexed spender, uint256 value);

  function transfer(address to, uint256 value) external returns (bool) {
    _transfer(msg.sender, to, value);
    return true;
  }

  function approve(address spender, uint256 value) external returns (bool) {
    allowance[msg.sender][spender] = value;
    emit Approval(msg.sender, spender, value);
    return true;
  }

  function transferFrom(address from, address to, uint256 value) external returns (bool) {
    uint256 allowed = allowance[from][msg.sender];
    if (allowed != type(uint256).max) {
      require(allowed >= value, "allowance");
      unchecked {
        allowance[from][msg.sender] = allowed - value;
      }
    }
    _transfer(from, to, value);
    return true;
  }

  function _transfer(address from, address to, uint256 value) internal {
    require(to != address(0), "zero address");
    uint256 balance = balanceOf[from];
    require(balance >= value, "balance");
    unchecked {
      balanceOf[from] = balance - value;
    }
    // Cannot overflow: the sum of all balances is totalSupply.
    unchecked {
      balanceOf[to] += value;
    }
    emit Transfer(from, to, value);
  }
}
