package org.linden.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linden.rpc.JsonRpcServer;
import org.linden.rpc.RpcDispatcher;
import org.linden.rpc.RpcServerOptions;

/** Subscriptions end to end: a real WebSocket connection to the server, blocks imported on the chain. */
class SubscriptionOverWebSocketTest {
  private final ChainFixture f = new ChainFixture().buildStandardChain();
  private final RpcDispatcher d = new RpcDispatcher(100);
  private final EthChainApi api = new EthChainApi(f.chain, h -> Optional.empty());
  private final JsonRpcServer server;
  private final URI uri;
  private final HttpClient http = HttpClient.newHttpClient();

  SubscriptionOverWebSocketTest() {
    api.register(d);
    server = new JsonRpcServer(d, RpcServerOptions.defaults("127.0.0.1", 0));
    uri = URI.create("http://127.0.0.1:" + server.start() + "/");
  }

  @AfterEach
  void stop() {
    server.close();
    api.close();
  }

  /** Collects whole text messages, however the frames split them. */
  private static final class Collector implements WebSocket.Listener {
    final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        messages.add(partial.toString());
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }

    JsonNode next() throws Exception {
      // A generous bound so a broken push fails the test instead of hanging it; not a timing assertion.
      String m = messages.poll(30, TimeUnit.SECONDS);
      assertThat(m).as("a message from the server").isNotNull();
      return RpcDispatcher.JSON.readTree(m);
    }
  }

  @Test
  void newHeadsAndLogsArriveOverTheConnection() throws Exception {
    Collector c = new Collector();
    WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create(uri.toString().replace("http", "ws")), c)
        .get(30, TimeUnit.SECONDS);
    ws.sendText("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_subscribe\",\"params\":[\"newHeads\"]}", true);
    String heads = c.next().get("result").asText();
    ws.sendText("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"eth_subscribe\",\"params\":[\"logs\",{\"address\":\""
        + ChainFixture.LOGGER_B.toHex() + "\"}]}", true);
    String logs = c.next().get("result").asText();

    ChainFixture.Node b6 = f.importChild(f.blocks[5], List.of(ChainFixture.emit(7, ChainFixture.LOGGER_B, 5,
        ChainFixture.BOB)));

    // The head comes first: the chain tells listeners about the block before its logs.
    JsonNode head = c.next();
    assertThat(head.get("method").asText()).isEqualTo("eth_subscription");
    assertThat(head.get("params").get("subscription").asText()).isEqualTo(heads);
    assertThat(head.get("params").get("result").get("hash").asText()).isEqualTo(b6.hash().toHex());
    JsonNode log = c.next();
    assertThat(log.get("params").get("subscription").asText()).isEqualTo(logs);
    assertThat(log.get("params").get("result").get("address").asText()).isEqualTo(ChainFixture.LOGGER_B.toHex());

    ws.sendText("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"eth_unsubscribe\",\"params\":[\"" + heads + "\"]}", true);
    assertThat(c.next().get("result").asBoolean()).isTrue();
    ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(30, TimeUnit.SECONDS);
  }

  @Test
  void httpGetsAClearError() throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_subscribe\",\"params\":[\"newHeads\"]}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    JsonNode error = RpcDispatcher.JSON.readTree(r.body()).get("error");
    assertThat(error.get("code").asInt()).isEqualTo(-32601);
    assertThat(error.get("message").asText()).contains("notifications not supported");
  }
}
