package org.linden.trie;

import org.linden.types.Bytes;

/** One key and its value, as iteration and neighbour lookups return them. */
public record TrieEntry(Bytes key, Bytes value) {}
