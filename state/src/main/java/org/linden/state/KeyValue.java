package org.linden.state;

/**
 * One entry met while iterating a column. The arrays belong to the receiver; they are
 * copies, so changing them affects nothing stored. Equality is by array identity, as for
 * any record holding arrays.
 */
public record KeyValue(byte[] key, byte[] value) {}
