/**
 * Web3 Secret Storage v3 keystore files, interchangeable with geth's: {@link
 * org.linden.crypto.keystore.Keystore} encrypts and decrypts, {@link
 * org.linden.crypto.keystore.KeystoreFile} is the parsed file, {@link
 * org.linden.crypto.keystore.KeystoreDirectory} is a directory of them.
 */
package org.linden.crypto.keystore;
