// Decoding what the node returns as raw bytes: token transfer events and revert reasons.

const TRANSFER = '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef';

function topicAddress(topic) {
  return '0x' + topic.slice(26);
}

/**
 * The ERC-20 or ERC-721 transfer a log records, or null. Both standards emit
 * Transfer(address,address,uint256); ERC-721 indexes the token id as a fourth topic.
 */
export function transfer(log) {
  const t = log.topics || [];
  if (t[0] !== TRANSFER) return null;
  if (t.length === 3 && log.data && log.data.length === 66) {
    return { standard: 'ERC-20', token: log.address, from: topicAddress(t[1]), to: topicAddress(t[2]), value: BigInt(log.data) };
  }
  if (t.length === 4 && (log.data === '0x' || !log.data)) {
    return { standard: 'ERC-721', token: log.address, from: topicAddress(t[1]), to: topicAddress(t[2]), tokenId: BigInt(t[3]) };
  }
  return null;
}

const PANICS = {
  0x01: 'assertion failed', 0x11: 'arithmetic overflow or underflow', 0x12: 'division by zero',
  0x21: 'invalid enum value', 0x22: 'bad storage byte array', 0x31: 'pop on empty array',
  0x32: 'array index out of bounds', 0x41: 'out of memory', 0x51: 'call to an uninitialised function',
};

/** The reason in revert data: Error(string), Panic(uint256), or the raw bytes. */
export function revertReason(data) {
  if (!data || data === '0x') return null;
  if (data.startsWith('0x08c379a0') && data.length >= 138) {
    const length = Number(BigInt('0x' + data.slice(74, 138)));
    const hex = data.slice(138, 138 + length * 2);
    const bytes = new Uint8Array(hex.match(/../g)?.map((b) => parseInt(b, 16)) ?? []);
    return new TextDecoder().decode(bytes);
  }
  if (data.startsWith('0x4e487b71') && data.length >= 74) {
    const code = Number(BigInt('0x' + data.slice(10, 74)));
    return `panic 0x${code.toString(16)}: ${PANICS[code] ?? 'unknown panic code'}`;
  }
  return `custom error ${data.slice(0, 10)} (${(data.length - 2) / 2} bytes)`;
}
