package org.linden.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The monitoring port of a real {@code ./linden dev} process sealing a block every second:
 * Prometheus metrics that follow the chain, the health probes, and JSON log lines.
 */
class MonitoringIT {
  private static final Pattern METRICS_URL = Pattern.compile("metrics at (http://127\\.0\\.0\\.1:\\d+)/metrics");
  private static final Pattern HEAD = Pattern.compile("(?m)^linden_chain_head(?:\\{[^}]*})? (\\d+(?:\\.\\d+)?)");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static OptionalLong head(String metrics) {
    Matcher m = HEAD.matcher(metrics);
    return m.find() ? OptionalLong.of((long) Double.parseDouble(m.group(1))) : OptionalLong.empty();
  }

  @Test
  void metricsFollowTheHeadWhileBlocksAreSealed() throws Exception {
    try (DevNodeProcess node = DevNodeProcess.start("--block-time", "1", "--metrics.port", "0",
        "--log.format", "json")) {
      String base = node.find(METRICS_URL).orElseThrow(() -> new AssertionError("no metrics URL in " + node.output()));
      RpcClient rpc = new RpcClient(URI.create(node.rpcUrl()).getPort());
      rpc.result("eth_blockNumber");
      rpc.call("no_suchMethod");

      HttpResponse<String> first = get(base + "/metrics");
      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(first.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
      long start = head(first.body()).orElseThrow(() -> new AssertionError("no head gauge in " + first.body()));
      // Bounded wait for the condition: the sealer adds a block a second, so a few scrapes see it move.
      long seen = start;
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      String last = first.body();
      while (seen < start + 2 && System.nanoTime() < deadline) {
        Thread.sleep(250);
        last = get(base + "/metrics").body();
        seen = head(last).orElse(seen);
      }
      assertThat(seen).as("head after block production").isGreaterThanOrEqualTo(start + 2);
      assertThat(last)
          .contains("linden_chain_finalized ")
          .contains("linden_block_import_seconds_count ")
          .contains("linden_block_import_gas_per_second ")
          .contains("linden_txpool_pending ")
          .contains("linden_txpool_queued ")
          .contains("linden_p2p_peers ")
          .contains("linden_sync_progress ")
          .contains("linden_consensus_round ")
          .contains("linden_rpc_requests_seconds_count{method=\"eth_blockNumber\",outcome=\"ok\"}")
          .contains("linden_rpc_requests_seconds_count{method=\"unknown\",outcome=\"error\"}")
          .contains("jvm_memory_used_bytes")
          .contains("jvm_gc_");
      assertThat(rpc.result("eth_blockNumber").asText()).startsWith("0x");

      HttpResponse<String> health = get(base + "/health");
      assertThat(health.statusCode()).isEqualTo(200);
      HttpResponse<String> ready = get(base + "/ready");
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.body().trim()).isEqualTo("ready");
      assertThat(get(base + "/nothing-here").statusCode()).isEqualTo(404);

      // Log lines after the startup line are JSON objects, one per line.
      JsonNode sealed = null;
      for (String line : node.output()) {
        if (line.startsWith("{") && line.contains("sealed block")) {
          sealed = new ObjectMapper().readTree(line);
          break;
        }
      }
      assertThat(sealed).as("a JSON log line about a sealed block in " + node.output()).isNotNull();
      assertThat(sealed.get("level").asText()).isEqualTo("INFO");
      assertThat(sealed.get("logger").asText()).endsWith("DevSealer");
      assertThat(sealed.get("time").asText()).endsWith("Z");
    }
  }
}
