/**
 * A light client: it trusts one header (a checkpoint or a genesis file), verifies every
 * later header by its QBFT commit seals, and answers JSON-RPC only with data it has
 * checked against verified headers — state through EIP-1186 proofs, blocks, receipts and
 * logs through the header's roots. Upstream servers are trusted for nothing.
 */
package org.linden.light;
