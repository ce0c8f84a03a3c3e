/**
 * Hierarchical deterministic keys: BIP-39 mnemonics ({@link org.linden.crypto.hd.Mnemonic},
 * with the English {@link org.linden.crypto.hd.Wordlist}), BIP-32 derivation on secp256k1
 * ({@link org.linden.crypto.hd.HdKey} along an {@link org.linden.crypto.hd.HdPath}), and the
 * BIP-44 Ethereum accounts that dev chains fund ({@link org.linden.crypto.hd.DevAccounts}).
 */
package org.linden.crypto.hd;
