package org.linden.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linden.rpc.web3.NetApi;
import org.linden.rpc.web3.Web3Api;

class JsonRpcServerTest {
  private static JsonRpcServer server;
  private static URI uri;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    RpcDispatcher d = new RpcDispatcher(100);
    new Web3Api("Linden/test").register(d);
    new NetApi(1337, () -> 0).register(d);
    d.register("test_echo", (p, s) -> p.data(0, "payload").toHex());
    d.register("test_block", (p, s) -> p.block(0, "block").toString());
    RpcServerOptions o = RpcServerOptions.defaults("127.0.0.1", 0);
    server = new JsonRpcServer(d, new RpcServerOptions(o.host(), 0, 4096, 4096, 8, List.of("https://allowed.example"),
        o.hostAllowList(), 2));
    server.route("/health", () -> new JsonRpcServer.HttpResponse(200, "text/plain", "ok\n".getBytes()));
    server.routePrefix("/files/", rest -> new JsonRpcServer.HttpResponse(200, "text/plain", ("file " + rest).getBytes()));
    int port = server.start();
    uri = URI.create("http://127.0.0.1:" + port + "/");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> post(String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode call(String body) throws Exception {
    HttpResponse<String> r = post(body);
    assertThat(r.statusCode()).isEqualTo(200);
    return RpcDispatcher.JSON.readTree(r.body());
  }

  @Test
  void answersMethodsAndErrorsAsTheSpecificationSays() throws Exception {
    JsonNode ok = call("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"web3_clientVersion\",\"params\":[]}");
    assertThat(ok.get("id").asInt()).isEqualTo(7);
    assertThat(ok.get("result").asText()).isEqualTo("Linden/test");

    JsonNode sha = call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"web3_sha3\",\"params\":[\"0x68656c6c6f20776f726c64\"]}");
    assertThat(sha.get("result").asText())
        .isEqualTo("0x47173285a8d7341e5e972fc677286384f802f8ef42a5ec5f03bbfa254cb01fad");

    assertThat(call("{not json").get("error").get("code").asInt()).isEqualTo(-32700);
    assertThat(call("{\"id\":1,\"method\":\"net_version\"}").get("error").get("code").asInt()).isEqualTo(-32600);
    assertThat(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"nope_nope\"}").get("error").get("code").asInt())
        .isEqualTo(-32601);
    JsonNode bad = call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"web3_sha3\",\"params\":[\"68\"]}");
    assertThat(bad.get("error").get("code").asInt()).isEqualTo(-32602);
    assertThat(bad.get("error").get("message").asText()).contains("argument 0 (data)").contains("0x prefix");
    assertThat(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"net_version\"}").get("result").asText())
        .isEqualTo("1337");
    JsonNode block = call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_block\",\"params\":[\"0x01\"]}");
    assertThat(block.get("error").get("message").asText()).contains("leading zero");
  }

  @Test
  void batchesAndNotifications() throws Exception {
    JsonNode batch = call("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"net_listening\"},"
        + "{\"jsonrpc\":\"2.0\",\"method\":\"net_listening\"},"
        + "{\"jsonrpc\":\"2.0\",\"id\":\"b\",\"method\":\"missing\"}]");
    assertThat(batch.isArray()).isTrue();
    assertThat(batch.size()).isEqualTo(2);
    assertThat(batch.get(0).get("result").asBoolean()).isTrue();
    assertThat(batch.get(1).get("id").asText()).isEqualTo("b");
    assertThat(call("[]").get("error").get("code").asInt()).isEqualTo(-32600);
    assertThat(post("{\"jsonrpc\":\"2.0\",\"method\":\"net_listening\"}").body()).isEmpty();
  }

  @Test
  void limitsAndAllowLists() throws Exception {
    HttpResponse<String> big = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_echo\",\"params\":[\"0x"
        + "ab".repeat(5000) + "\"]}");
    assertThat(big.statusCode()).isEqualTo(413);
    assertThat(big.body()).contains("larger than 4096 bytes");

    // A Host outside the allow-list (DNS rebinding) is refused; java.net.http cannot set Host, so speak HTTP by hand.
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", uri.getPort())) {
      String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"net_listening\"}";
      socket.getOutputStream().write(("POST / HTTP/1.1\r\nHost: evil.example:8545\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body)
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
      assertThat(response).startsWith("HTTP/1.1 403").contains("invalid host specified");
    }

    HttpResponse<String> cors = HTTP.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
        .header("Origin", "https://allowed.example")
        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"net_listening\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(cors.headers().firstValue("Access-Control-Allow-Origin")).contains("https://allowed.example");
    HttpResponse<String> other = HTTP.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
        .header("Origin", "https://other.example")
        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"net_listening\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

    HttpResponse<String> text = HTTP.send(HttpRequest.newBuilder(uri).header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(text.statusCode()).isEqualTo(415);
    HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(uri.resolve("/health")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
  }

  @Test
  void webSocketCarriesRequests() throws Exception {
    CompletableFuture<String> reply = new CompletableFuture<>();
    WebSocket ws = HTTP.newWebSocketBuilder().buildAsync(URI.create(uri.toString().replace("http", "ws")),
        new WebSocket.Listener() {
          @Override
          public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            reply.complete(data.toString());
            return null;
          }
        }).get(10, TimeUnit.SECONDS);
    ws.sendText("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"net_version\"}", true);
    JsonNode r = RpcDispatcher.JSON.readTree(reply.get(10, TimeUnit.SECONDS));
    assertThat(r.get("result").asText()).isEqualTo("1337");
    ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
  }

  /** Random JSON-ish bytes never crash the parser: every answer is a well-formed error or result. */
  @Test
  void randomInputFuzz() throws Exception {
    RpcDispatcher d = new RpcDispatcher(10);
    new Web3Api("x").register(d);
    Random r = new Random(1);
    String[] pieces = {"{", "}", "[", "]", "\"jsonrpc\"", ":", "\"2.0\"", ",", "\"id\"", "1", "null", "\"method\"",
        "\"web3_sha3\"", "\"params\"", "\"0x\"", "\"0xzz\"", "-", "1e999", "true", "\"\\u0000\"", " "};
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      int n = r.nextInt(20);
      for (int k = 0; k < n; k++) {
        sb.append(pieces[r.nextInt(pieces.length)]);
      }
      String response = d.handle(sb.toString(), RpcSession.NONE);
      if (response != null) {
        JsonNode node = RpcDispatcher.JSON.readTree(response);
        JsonNode first = node.isArray() ? node.get(0) : node;
        assertThat(first.has("result") || first.has("error")).as(sb.toString()).isTrue();
      }
    }
  }

  @Test
  void prefixRoutesServeTheRestOfThePath() throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri.resolve("/files/js/app.js")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("file js/app.js");
    assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    HttpResponse<String> other = HTTP.send(HttpRequest.newBuilder(uri.resolve("/elsewhere")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(other.statusCode()).isEqualTo(404);
  }

  @Test
  void webSocketsFromItsOwnPagesAreAcceptedAndOthersRefused() throws Exception {
    WebSocket.Listener quiet = new WebSocket.Listener() {};
    URI ws = URI.create("ws://127.0.0.1:" + uri.getPort() + "/");
    WebSocket own = HTTP.newWebSocketBuilder().header("Origin", "http://127.0.0.1:" + uri.getPort())
        .buildAsync(ws, quiet).get(10, TimeUnit.SECONDS);
    own.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
    CompletableFuture<WebSocket> foreign = HTTP.newWebSocketBuilder().header("Origin", "http://evil.example")
        .buildAsync(ws, quiet);
    assertThat(foreign).failsWithin(10, TimeUnit.SECONDS);
  }
}
