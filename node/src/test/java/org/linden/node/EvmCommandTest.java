package org.linden.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linden.conformance.Fixtures;

class EvmCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void runPrintsReturnDataAndGas() {
    // PUSH1 0x2a PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN
    CommandRun run = CommandRun.of("evm", "run", "--code", "602a60005260206000f3");
    assertThat(run.exitCode()).as(run.err()).isZero();
    String[] lines = run.outLines();
    assertThat(lines[0]).isEqualTo("0x" + "00".repeat(31) + "2a");
    // 3 + 3 + 3 (MSTORE) + 3 (memory word) + 3 + 3 = 18
    assertThat(lines[1]).isEqualTo("gas used: 18");
  }

  @Test
  void runTracesEveryStepAsEip3155() throws IOException {
    CommandRun run = CommandRun.of("evm", "run", "--trace", "--code", "600160020100");
    assertThat(run.exitCode()).isZero();
    String[] trace = run.err().strip().split("\n");
    // PUSH1, PUSH1, ADD, STOP, then the summary line.
    assertThat(trace).hasSize(5);
    JsonNode add = JSON.readTree(trace[2]);
    assertThat(add.get("pc").asInt()).isEqualTo(4);
    assertThat(add.get("op").asInt()).isEqualTo(1);
    assertThat(add.get("opName").asText()).isEqualTo("ADD");
    assertThat(add.get("gasCost").asText()).isEqualTo("0x3");
    assertThat(add.get("depth").asInt()).isEqualTo(1);
    // Bottom of the stack first, as go-ethereum prints it.
    assertThat(add.get("stack").get(0).asText()).isEqualTo("0x1");
    assertThat(add.get("stack").get(1).asText()).isEqualTo("0x2");
    JsonNode summary = JSON.readTree(trace[4]);
    assertThat(summary.get("gasUsed").asText()).isEqualTo("0x9");
  }

  @Test
  void runReportsAHaltAndAnInvalidFlag() {
    CommandRun halt = CommandRun.of("evm", "run", "--code", "fe");
    assertThat(halt.exitCode()).isEqualTo(1);
    assertThat(halt.out()).contains("error: invalid opcode");
    CommandRun bad = CommandRun.of("evm", "run", "--code", "zz");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("invalid hex digit");
    CommandRun fork = CommandRun.of("evm", "run", "--fork", "Nowhere", "--code", "00");
    assertThat(fork.exitCode()).isEqualTo(2);
    assertThat(fork.err()).contains("unknown fork 'Nowhere'");
  }

  @Test
  void statetestPrintsGethShapedResults() throws IOException {
    Path file = Fixtures.require("ethereum-tests/GeneralStateTests/stExample/add11.json");
    CommandRun run = CommandRun.of("evm", "statetest", file.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode results = JSON.readTree(run.out());
    assertThat(results.isArray()).isTrue();
    assertThat(results.size()).isPositive();
    for (JsonNode r : results) {
      assertThat(r.get("name").asText()).isEqualTo("add11");
      assertThat(r.get("pass").asBoolean()).isTrue();
      assertThat(r.get("stateRoot").asText()).startsWith("0x").hasSize(66);
      assertThat(r.has("fork")).isTrue();
    }
  }

  @Test
  void statetestFailsOnAWrongExpectation(@TempDir Path dir) throws IOException {
    Path file = Fixtures.require("ethereum-tests/GeneralStateTests/stExample/add11.json");
    JsonNode root = JSON.readTree(file.toFile());
    String text = root.toString();
    String hash = root.elements().next().get("post").elements().next().get(0).get("hash").asText();
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, text.replace(hash, "0x" + "ab".repeat(32)));
    CommandRun run = CommandRun.of("evm", "statetest", bad.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode results = JSON.readTree(run.out());
    assertThat(results.get(0).get("pass").asBoolean()).isFalse();
    assertThat(results.get(0).get("error").asText()).contains("state root");
  }

  @Test
  void blocktestPrintsOneResultPerTest() throws IOException {
    Path file = Fixtures.require("ethereum-tests/BlockchainTests/ValidBlocks/bcExample/basefeeExample.json");
    CommandRun run = CommandRun.of("evm", "blocktest", file.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode results = JSON.readTree(run.out());
    assertThat(results.size()).isPositive();
    assertThat(results.get(0).get("pass").asBoolean()).isTrue();
    assertThat(results.get(0).get("fork").asText()).isEqualTo("Cancun");
  }

  @Test
  void blocktestFailsWhenTheHeadDiffers(@TempDir Path dir) throws IOException {
    Path file = Fixtures.require("ethereum-tests/BlockchainTests/ValidBlocks/bcExample/basefeeExample.json");
    JsonNode root = JSON.readTree(file.toFile());
    String last = root.elements().next().get("lastblockhash").asText();
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, root.toString().replace("\"lastblockhash\":\"" + last, "\"lastblockhash\":\"0x" + "cd".repeat(32)));
    CommandRun run = CommandRun.of("evm", "blocktest", bad.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(JSON.readTree(run.out()).get(0).get("error").asText()).startsWith("head ");
  }

  @Test
  void conformanceTraceWritesTracesToStderr() {
    Path file = Fixtures.require("ethereum-tests/GeneralStateTests/stExample/add11.json");
    CommandRun run = CommandRun.of("conformance", "--trace", "--fork", "Cancun", file.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).contains("\"opName\":\"ADD\"").contains("\"stateRoot\"");
    assertThat(run.out()).endsWith("1 passed, 0 failed\n");
  }
}
