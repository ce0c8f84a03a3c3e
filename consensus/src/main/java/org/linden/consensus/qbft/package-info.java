/**
 * QBFT: Byzantine fault tolerant consensus with immediate finality, written as a pure
 * state machine ({@link org.linden.consensus.qbft.QbftEngine}) so that the same code runs
 * under a simulated network and clock and on real sockets.
 *
 * <p>Follows the QBFT formal specification (Consensys' Dafny model) for the protocol and
 * Besu's header encoding for {@code extraData}, so a header can be verified by its commit
 * seals by anyone who knows the validator set.
 */
package org.linden.consensus.qbft;
