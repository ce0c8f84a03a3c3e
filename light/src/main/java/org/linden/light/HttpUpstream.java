package org.linden.light;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** An {@link Upstream} over HTTP; counts the bytes it receives for the benchmarks. */
public final class HttpUpstream implements Upstream {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final URI uri;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final AtomicLong ids = new AtomicLong();
  private final LongAdder bytesReceived = new LongAdder();

  public HttpUpstream(URI uri) {
    this.uri = uri;
  }

  @Override
  public String name() {
    return uri.toString();
  }

  /** Bytes of response bodies received so far. */
  public long bytesReceived() {
    return bytesReceived.sum();
  }

  @Override
  public JsonNode call(String method, Object... params) {
    ObjectNode request = JSON.createObjectNode();
    request.put("jsonrpc", "2.0");
    request.put("id", ids.incrementAndGet());
    request.put("method", method);
    request.set("params", JSON.valueToTree(params));
    HttpResponse<byte[]> response;
    try {
      response = client.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(request))).build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UpstreamException(0, name() + " unreachable: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UpstreamException(0, "interrupted while calling " + name());
    }
    bytesReceived.add(response.body().length);
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UpstreamException(0, name() + " answered " + method + " with malformed JSON (HTTP " + response.statusCode() + ")");
    }
    JsonNode error = body.get("error");
    if (error != null && !error.isNull()) {
      throw new UpstreamException(error.path("code").asInt(), error.path("message").asText());
    }
    if (body.get("result") == null) {
      throw new UpstreamException(0, name() + " answered " + method + " without a result");
    }
    return body.get("result");
  }
}
