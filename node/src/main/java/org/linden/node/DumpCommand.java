package org.linden.node;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.linden.chain.store.Blockchain;
import org.linden.crypto.AddressChecksum;
import org.linden.crypto.Keccak;
import org.linden.evm.state.AccountInfo;
import org.linden.rlp.RlpReader;
import org.linden.state.Column;
import org.linden.state.KeyValue;
import org.linden.state.KeyValueIterator;
import org.linden.state.KeyValueStore;
import org.linden.types.Address;
import org.linden.types.Bytes;
import org.linden.types.UInt256;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code linden dump}: the state as JSON in geth's dump shape: the root, then every
 * account with balance (decimal), nonce, storage root, code hash, code, storage, address
 * and hashed key. Streams, so a large state needs no large heap.
 */
@Command(name = "dump", description = "Print the state of the head block as JSON (geth's dump format).")
final class DumpCommand implements Callable<Integer> {
  @Option(names = "--datadir", required = true, paramLabel = "DIR", description = "Data directory")
  Path datadir;

  @Option(names = "--block", paramLabel = "N", description = "Block number (default: the head; only the head's state is kept)")
  Long block;

  @Override
  public Integer call() throws IOException {
    try (DataDirectory dir = DataDirectory.open(datadir, null)) {
      Blockchain chain = dir.chain();
      if (block != null && block != chain.head().number()) {
        throw new UsageError("the state of block " + block + " is not kept; only the head (block "
            + chain.head().number() + ") can be dumped");
      }
      KeyValueStore store = chain.store().store();
      JsonGenerator g = new JsonFactory().createGenerator(System.out, JsonEncoding.UTF8);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("root", chain.state().stateRoot().bytes().toUnprefixedHex());
      g.writeObjectFieldStart("accounts");
      try (KeyValueIterator it = store.iterate(Column.ACCOUNTS, null, null)) {
        while (it.hasNext()) {
          KeyValue kv = it.next();
          Address address = Address.wrap(Bytes.wrap(kv.key()));
          RlpReader r = RlpReader.of(kv.value()).readList();
          long nonce = r.readUnsignedLong();
          UInt256 balance = r.readUInt256();
          Bytes storageRoot = r.readBytes(32);
          Bytes codeHash = r.readBytes(32);
          g.writeObjectFieldStart(AddressChecksum.toChecksumHex(address));
          g.writeStringField("balance", balance.toString());
          g.writeNumberField("nonce", nonce);
          g.writeStringField("root", storageRoot.toHex());
          g.writeStringField("codeHash", codeHash.toHex());
          if (!codeHash.equals(AccountInfo.EMPTY_CODE_HASH.bytes())) {
            g.writeStringField("code", chain.state().code(org.linden.types.Hash.wrap(codeHash)).toHex());
          }
          writeStorage(g, store, address);
          g.writeStringField("address", address.toHex());
          g.writeStringField("key", Keccak.hash256(address.bytes()).toHex());
          g.writeEndObject();
        }
      }
      g.writeEndObject();
      g.writeEndObject();
      g.flush();
      System.out.println();
    }
    return 0;
  }

  private static void writeStorage(JsonGenerator g, KeyValueStore store, Address address) throws IOException {
    boolean any = false;
    try (KeyValueIterator it = store.iteratePrefix(Column.STORAGE, address.bytes().toArray())) {
      while (it.hasNext()) {
        KeyValue kv = it.next();
        if (!any) {
          g.writeObjectFieldStart("storage");
          any = true;
        }
        Bytes slot = Bytes.wrap(kv.key()).slice(20, 32);
        g.writeStringField(slot.toHex(), Bytes.wrap(kv.value()).toUnprefixedHex());
      }
    }
    if (any) {
      g.writeEndObject();
    }
  }
}
