package org.linden.consensus.qbft;

import org.linden.types.Hash;

/** The latest round in which a node saw a prepared certificate, and for which block digest. */
public record PreparedRound(int round, Hash digest) {}
