/**
 * Message signing as wallets and the JSON-RPC methods do it: {@link
 * org.linden.crypto.sign.PersonalMessage} for {@code personal_sign} and {@code eth_sign}
 * (EIP-191 version 0x45), {@link org.linden.crypto.sign.Eip712} for {@code
 * eth_signTypedData_v4} over {@link org.linden.crypto.sign.TypedData}, and {@link
 * org.linden.crypto.sign.MessageSignature} for the 65-byte r‖s‖v form with v = 27 or 28.
 */
package org.linden.crypto.sign;
