package org.linden.node.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The monitoring port: {@code GET /metrics} (Prometheus text format), {@code /health} and
 * {@code /ready}. Kept apart from the JSON-RPC port so that a scraper or an orchestrator
 * needs no access to the node's API, and a busy API cannot starve the probes.
 */
public final class MetricsServer implements AutoCloseable {
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService executor;

  private MetricsServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Listens on {@code host:port} (0 picks a free port).
   *
   * @throws IllegalStateException if the address cannot be bound
   */
  public static MetricsServer start(String host, int port, NodeMetrics metrics, Readiness readiness) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 16);
    } catch (IOException e) {
      throw new IllegalStateException("cannot listen for metrics on " + host + ":" + port + ": " + e.getMessage(), e);
    }
    // One thread: scrapes are rare and cheap, and a single thread bounds what a flood can cost.
    ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "metrics-http");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/metrics", ex -> answer(ex, 200, PROMETHEUS_TEXT, metrics::scrape));
    server.createContext("/health", ex -> answer(ex, 200, "text/plain", () -> "ok\n"));
    server.createContext("/ready", ex -> {
      boolean ready = readiness.ready();
      answer(ex, ready ? 200 : 503, "text/plain", () -> ready ? "ready\n" : "not ready\n");
    });
    server.start();
    return new MetricsServer(server, executor);
  }

  private static void answer(HttpExchange ex, int status, String type, Supplier<String> body) throws IOException {
    try (ex) {
      if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
        send(ex, 405, "text/plain", "method not allowed\n");
      } else if (!ex.getRequestURI().getPath().equals(ex.getHttpContext().getPath())) {
        send(ex, 404, "text/plain", "not found\n");
      } else {
        String text;
        try {
          text = body.get();
        } catch (RuntimeException e) {
          send(ex, 500, "text/plain", "error: " + e.getMessage() + "\n");
          return;
        }
        send(ex, status, type, text);
      }
    }
  }

  private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    boolean head = "HEAD".equals(ex.getRequestMethod());
    ex.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** The port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
