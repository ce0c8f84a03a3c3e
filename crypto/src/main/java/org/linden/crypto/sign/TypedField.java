package org.linden.crypto.sign;

/** One member of an EIP-712 struct type: its name and its type as written, e.g. {@code Person[]}. */
public record TypedField(String name, String type) {
  public TypedField {
    if (name == null || type == null) {
      throw new IllegalArgumentException("a typed-data field needs a name and a type");
    }
  }
}
