package org.linden.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.linden.chain.config.Genesis;
import org.linden.chain.config.InvalidConfigException;
import org.linden.chain.config.QbftSettings;
import org.linden.consensus.qbft.QbftDecodingException;
import org.linden.consensus.qbft.QbftExtraData;
import org.linden.consensus.qbft.ValidatorSet;
import org.linden.crypto.PrivateKey;
import org.linden.types.Address;

/**
 * A QBFT network as {@code linden network init} writes it: {@code genesis.json} (a
 * {@code qbft} section, the first validators in extraData) and each validator's key in
 * {@code nodeN/key} (hex). Every validator of the genesis must have its key there, since
 * the chain generator seals with them.
 *
 * @param genesisJson the genesis file's text, copied next to a generated chain unchanged
 * @param keys the validators' keys by address
 */
record QbftNetworkFiles(String genesisJson, Genesis genesis, QbftSettings settings, ValidatorSet validators,
    Map<Address, PrivateKey> keys) {

  QbftNetworkFiles {
    keys = Map.copyOf(keys);
  }

  /** Reads the network in {@code dir}; a missing or unfit file is an {@link IllegalArgumentException} saying which. */
  static QbftNetworkFiles load(Path dir) {
    Path genesisFile = dir.resolve("genesis.json");
    if (!Files.isRegularFile(genesisFile)) {
      throw new IllegalArgumentException("no genesis.json in " + dir + " (write one with linden network init)");
    }
    String json;
    Genesis genesis;
    try {
      json = Files.readString(genesisFile);
      genesis = Genesis.fromJson(json);
    } catch (IOException | InvalidConfigException e) {
      throw new IllegalArgumentException("cannot read " + genesisFile + ": " + e.getMessage());
    }
    return of(json, genesis, readKeys(dir));
  }

  /** The network of a genesis and keys; the keys must include every genesis validator's. */
  static QbftNetworkFiles of(String genesisJson, Genesis genesis, List<PrivateKey> keys) {
    QbftSettings settings;
    ValidatorSet validators;
    try {
      settings = QbftSettings.of(genesis.config())
          .orElseThrow(() -> new IllegalArgumentException("the genesis has no qbft section"));
      validators = new ValidatorSet(QbftExtraData.decode(genesis.extraData()).validators());
    } catch (QbftDecodingException e) {
      throw new IllegalArgumentException("the genesis extraData is not QBFT's: " + e.getMessage());
    }
    Map<Address, PrivateKey> byAddress = new HashMap<>();
    keys.forEach(k -> byAddress.put(k.address(), k));
    for (Address v : validators.validators()) {
      if (!byAddress.containsKey(v)) {
        throw new IllegalArgumentException("no key for genesis validator " + v + " in the network's node*/key files");
      }
    }
    return new QbftNetworkFiles(genesisJson, genesis, settings, validators, byAddress);
  }

  private static List<PrivateKey> readKeys(Path dir) {
    List<PrivateKey> keys = new ArrayList<>();
    try (Stream<Path> nodes = Files.list(dir)) {
      for (Path node : nodes.filter(p -> p.getFileName().toString().matches("node\\d+")).sorted().toList()) {
        Path key = node.resolve("key");
        if (Files.isRegularFile(key)) {
          String hex = Files.readString(key).strip();
          try {
            keys.add(PrivateKey.fromHex(hex.startsWith("0x") ? hex : "0x" + hex));
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " is not a hex private key");
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the keys in " + dir + ": " + e.getMessage());
    }
    return keys;
  }
}
