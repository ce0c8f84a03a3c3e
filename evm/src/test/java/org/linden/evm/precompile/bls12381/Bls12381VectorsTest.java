package org.linden.evm.precompile.bls12381;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.linden.evm.precompile.Precompile;
import org.linden.evm.precompile.PrecompileResult;
import org.linden.types.Bytes;
import org.linden.types.Fork;

/**
 * Runs every vector of EIP-2537's assets ({@code <linden.fixtures>/eip-2537}): success files
 * give output and gas, {@code fail-*} files give go-ethereum's error text, which our failure
 * reasons reproduce. The old {@code mul_*} files belong to the removed MUL precompiles; a
 * multiplication is an MSM with one pair, so they run against the MSM addresses.
 */
class Bls12381VectorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** File name without {@code fail-} prefix and {@code .json} → precompile address. */
  private static final Map<String, Integer> FILES =
      Map.of(
          "add_G1_bls", Bls12381Precompiles.G1ADD,
          "add_G2_bls", Bls12381Precompiles.G2ADD,
          "msm_G1_bls", Bls12381Precompiles.G1MSM,
          "mul_G1_bls", Bls12381Precompiles.G1MSM,
          "msm_G2_bls", Bls12381Precompiles.G2MSM,
          "mul_G2_bls", Bls12381Precompiles.G2MSM,
          "pairing_check_bls", Bls12381Precompiles.PAIRING_CHECK,
          "map_fp_to_G1_bls", Bls12381Precompiles.MAP_FP_TO_G1,
          "map_fp2_to_G2_bls", Bls12381Precompiles.MAP_FP2_TO_G2);

  static Stream<Arguments> vectors() throws IOException {
    String root = System.getProperty("linden.fixtures");
    if (root == null) {
      throw new IllegalStateException("system property linden.fixtures is not set");
    }
    Path dir = Path.of(root, "eip-2537");
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("EIP-2537 vector folder is missing: " + dir);
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IllegalStateException("no vector files in " + dir);
    }
    List<Arguments> out = new ArrayList<>();
    for (Path file : files) {
      String stem = file.getFileName().toString().replaceFirst("\\.json$", "");
      String kind = stem.replaceFirst("^fail-", "");
      Integer address = FILES.get(kind);
      if (address == null) {
        throw new IllegalStateException("vector file for no known precompile: " + file);
      }
      JsonNode cases = JSON.readTree(file.toFile());
      if (!cases.isArray() || cases.isEmpty()) {
        throw new IllegalStateException("expected a non-empty JSON array in " + file);
      }
      for (JsonNode c : cases) {
        out.add(Arguments.of(stem + ": " + c.get("Name").asText(), address, c));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void vector(String name, int address, JsonNode c) {
    Precompile precompile = Bls12381Precompiles.byAddress().get(address);
    Bytes input = Bytes.fromHex(c.get("Input").asText());
    long gas = precompile.gas(input, Fork.PRAGUE);
    PrecompileResult result = precompile.run(input, Fork.PRAGUE);
    if (c.has("ExpectedError")) {
      assertThat(result.success()).as("must fail").isFalse();
      assertThat(result.output()).isEqualTo(Bytes.EMPTY);
      assertThat(result.reason()).isEqualTo(c.get("ExpectedError").asText());
      assertThat(gas).isNotNegative();
    } else {
      assertThat(result.success()).as("failed with %s", result.reason()).isTrue();
      assertThat(result.output().toUnprefixedHex()).isEqualTo(c.get("Expected").asText());
      assertThat(gas).isEqualTo(c.get("Gas").asLong());
    }
  }
}
