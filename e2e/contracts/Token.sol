// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// A minimal ERC-20 for the end-to-end tests: transfers, events, a require() reason and a
/// custom error, and a CREATE2 factory.
contract Token {
  string public constant name = "Linden Test Token";
  string public constant symbol = "LTT";
  uint8 public constant decimals = 18;
  uint256 public totalSupply;
  mapping(address => uint256) public balanceOf;
  mapping(address => mapping(address => uint256)) public allowance;

  event Transfer(address indexed from, address indexed to, uint256 value);
  event Approval(address indexed owner, address indexed spender, uint256 value);

  error InsufficientBalance(uint256 available, uint256 required);

  constructor(uint256 supply) {
    totalSupply = supply;
    balanceOf[msg.sender] = supply;
    emit Transfer(address(0), msg.sender, supply);
  }

  function transfer(address to, uint256 value) external returns (bool) {
    uint256 available = balanceOf[msg.sender];
    if (available < value) {
      revert InsufficientBalance(available, value);
    }
    balanceOf[msg.sender] = available - value;
    balanceOf[to] += value;
    emit Transfer(msg.sender, to, value);
    return true;
  }

  function approve(address spender, uint256 value) external returns (bool) {
    allowance[msg.sender][spender] = value;
    emit Approval(msg.sender, spender, value);
    return true;
  }

  function transferFrom(address from, address to, uint256 value) external returns (bool) {
    require(allowance[from][msg.sender] >= value, "allowance too small");
    require(balanceOf[from] >= value, "balance too small");
    allowance[from][msg.sender] -= value;
    balanceOf[from] -= value;
    balanceOf[to] += value;
    emit Transfer(from, to, value);
    return true;
  }
}

/// Deploys Tokens at CREATE2 addresses, and calls another contract to give traces depth.
contract Factory {
  event Deployed(address token, bytes32 salt);

  function deploy(bytes32 salt, uint256 supply) external returns (address token) {
    token = address(new Token{salt: salt}(supply));
    emit Deployed(token, salt);
  }

  function forward(Token token, address to, uint256 value) external returns (bool) {
    return token.transfer(to, value);
  }
}
