package org.linden.crypto.keystore;

/**
 * The file is not a usable keystore: not JSON, a field missing or of the wrong type or
 * length, an unsupported version, cipher or KDF, or KDF parameters beyond the limits
 * accepted for untrusted files. {@link #field()} names the offending JSON field as a dotted
 * path, e.g. {@code crypto.kdfparams.n}.
 */
public final class InvalidKeystoreException extends KeystoreException {
  private final String field;

  public InvalidKeystoreException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  /** The dotted JSON path of the field at fault ({@code (file)} for the file as a whole). */
  public String field() {
    return field;
  }
}
