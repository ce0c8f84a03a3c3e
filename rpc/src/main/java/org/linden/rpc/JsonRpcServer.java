package org.linden.rpc;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON-RPC over HTTP ({@code POST /}) and WebSocket (upgrade on {@code /}) on one port.
 * Requests run on a small worker pool, never on the network event loop. The Host header
 * must be on the allow-list (DNS rebinding protection), CORS is answered only for the
 * configured origins, and bodies, messages and connections are bounded.
 */
public final class JsonRpcServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JsonRpcServer.class);

  private final RpcDispatcher dispatcher;
  private final RpcServerOptions options;
  private final Map<String, Supplier<HttpResponse>> getRoutes = new ConcurrentHashMap<>();
  private final Map<String, Function<String, HttpResponse>> prefixRoutes = new ConcurrentHashMap<>();
  private final AtomicInteger connections = new AtomicInteger();
  private Vertx vertx;
  private HttpServer server;
  private ExecutorService workers;

  /** A plain response for a GET route (health checks, metrics, explorer assets). */
  public record HttpResponse(int status, String contentType, byte[] body) {}

  public JsonRpcServer(RpcDispatcher dispatcher, RpcServerOptions options) {
    this.dispatcher = dispatcher;
    this.options = options;
  }

  /** Serves {@code GET path} with the supplied response (e.g. /health). */
  public JsonRpcServer route(String path, Supplier<HttpResponse> handler) {
    getRoutes.put(path, handler);
    return this;
  }

  /**
   * Serves every {@code GET} whose path starts with {@code prefix} (e.g. a folder of static
   * files, {@code /explorer/}); the handler gets the rest of the path. Exact routes win.
   */
  public JsonRpcServer routePrefix(String prefix, Function<String, HttpResponse> handler) {
    prefixRoutes.put(prefix, handler);
    return this;
  }

  /** Binds and starts; returns the bound port (useful with port 0). */
  public int start() {
    vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(2));
    AtomicInteger n = new AtomicInteger();
    workers = Executors.newFixedThreadPool(options.workerThreads(), r -> {
      Thread t = new Thread(r, "rpc-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    HttpServerOptions http = new HttpServerOptions()
        .setHost(options.host())
        .setPort(options.port())
        .setMaxWebSocketMessageSize(options.maxWebSocketMessageBytes())
        .setMaxWebSocketFrameSize(Math.min(options.maxWebSocketMessageBytes(), 1 << 20))
        .setCompressionSupported(true);
    server = vertx.createHttpServer(http);
    server.webSocketHandshakeHandler(handshake -> {
      String hostHeader = handshake.headers().get(HttpHeaders.HOST);
      if (!hostAllowed(hostHeader) || !originAllowed(handshake.headers().get("Origin"), hostHeader)
          || connections.get() >= options.maxConnections()) {
        handshake.reject(403);
      } else {
        handshake.accept();
      }
    });
    server.webSocketHandler(this::webSocket);
    server.requestHandler(this::http);
    try {
      server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      close();
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new IllegalStateException("cannot listen on " + options.host() + ":" + options.port() + ": "
          + cause.getMessage(), cause);
    }
    return server.actualPort();
  }

  public int port() {
    return server.actualPort();
  }

  private void http(HttpServerRequest req) {
    if (!hostAllowed(req.getHeader(HttpHeaders.HOST))) {
      req.response().setStatusCode(403).end("invalid host specified\n");
      return;
    }
    String origin = req.getHeader("Origin");
    if (origin != null && originAllowed(origin)) {
      req.response().putHeader("Access-Control-Allow-Origin", origin)
          .putHeader("Vary", "Origin");
    }
    if (req.method() == HttpMethod.OPTIONS) {
      req.response().putHeader("Access-Control-Allow-Methods", "POST, GET, OPTIONS")
          .putHeader("Access-Control-Allow-Headers", "Content-Type")
          .setStatusCode(origin != null && originAllowed(origin) ? 204 : 403).end();
      return;
    }
    if (req.method() == HttpMethod.GET) {
      Supplier<HttpResponse> route = getRoute(req.path());
      if (route == null) {
        req.response().setStatusCode(req.path().equals("/") ? 405 : 404)
            .end(req.path().equals("/") ? "method not allowed: JSON-RPC needs POST\n" : "not found\n");
        return;
      }
      Context ctx = vertx.getOrCreateContext();
      workers.execute(() -> {
        HttpResponse r;
        try {
          r = route.get();
        } catch (RuntimeException e) {
          r = new HttpResponse(500, "text/plain", ("error: " + e.getMessage() + "\n").getBytes());
        }
        HttpResponse response = r;
        ctx.runOnContext(v -> req.response().setStatusCode(response.status())
            .putHeader(HttpHeaders.CONTENT_TYPE, response.contentType())
            .putHeader("X-Content-Type-Options", "nosniff")
            .end(Buffer.buffer(response.body())));
      });
      return;
    }
    if (req.method() != HttpMethod.POST) {
      req.response().setStatusCode(405).end("method not allowed\n");
      return;
    }
    String type = req.getHeader(HttpHeaders.CONTENT_TYPE);
    if (type != null && !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      req.response().setStatusCode(415).end("invalid content type, only application/json is supported\n");
      return;
    }
    String declared = req.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (declared != null && parseLong(declared) > options.maxBodyBytes()) {
      tooLarge(req);
      return;
    }
    Buffer body = Buffer.buffer();
    boolean[] rejected = {false};
    req.handler(chunk -> {
      if (rejected[0]) {
        return;
      }
      if (body.length() + chunk.length() > options.maxBodyBytes()) {
        rejected[0] = true;
        tooLarge(req);
        return;
      }
      body.appendBuffer(chunk);
    });
    Context ctx = vertx.getOrCreateContext();
    req.endHandler(v -> {
      if (rejected[0]) {
        return;
      }
      String text = body.toString();
      workers.execute(() -> {
        String response = dispatcher.handle(text, RpcSession.NONE);
        ctx.runOnContext(x -> req.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
            .end(response == null ? "" : response));
      });
    });
  }

  private Supplier<HttpResponse> getRoute(String path) {
    Supplier<HttpResponse> exact = getRoutes.get(path);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, Function<String, HttpResponse>> e : prefixRoutes.entrySet()) {
      if (path.startsWith(e.getKey())) {
        String rest = path.substring(e.getKey().length());
        return () -> e.getValue().apply(rest);
      }
    }
    return null;
  }

  private void tooLarge(HttpServerRequest req) {
    req.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"request body larger than "
            + options.maxBodyBytes() + " bytes\"}}");
  }

  private static long parseLong(String s) {
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  private void webSocket(ServerWebSocket ws) {
    connections.incrementAndGet();
    Context ctx = vertx.getOrCreateContext();
    List<Runnable> onClose = new ArrayList<>();
    boolean[] closed = {false};
    RpcSession session = new RpcSession() {
      @Override
      public boolean canPush() {
        return true;
      }

      @Override
      public void push(String json) {
        ctx.runOnContext(v -> {
          if (!closed[0]) {
            ws.writeTextMessage(json);
          }
        });
      }

      @Override
      public void onClose(Runnable r) {
        synchronized (onClose) {
          if (!closed[0]) {
            onClose.add(r);
            return;
          }
        }
        // Registered after the connection closed (a request still running then): clean up now.
        r.run();
      }
    };
    ws.textMessageHandler(text -> workers.execute(() -> {
      String response = dispatcher.handle(text, session);
      if (response != null) {
        ctx.runOnContext(v -> {
          if (!closed[0]) {
            ws.writeTextMessage(response);
          }
        });
      }
    }));
    ws.exceptionHandler(e -> LOG.debug("websocket error: {}", e.toString()));
    ws.closeHandler(v -> {
      connections.decrementAndGet();
      synchronized (onClose) {
        closed[0] = true;
        onClose.forEach(r -> {
          try {
            r.run();
          } catch (RuntimeException e) {
            LOG.debug("close hook failed: {}", e.toString());
          }
        });
      }
    });
  }

  private boolean hostAllowed(String hostHeader) {
    List<String> allowed = options.hostAllowList();
    if (allowed.contains("*")) {
      return true;
    }
    if (hostHeader == null) {
      return true;
    }
    String host = hostHeader;
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      host = end > 0 ? host.substring(0, end + 1) : host;
    } else if (host.contains(":")) {
      host = host.substring(0, host.lastIndexOf(':'));
    }
    return allowed.contains(host.toLowerCase(Locale.ROOT));
  }

  private boolean originAllowed(String origin) {
    if (origin == null) {
      return true;
    }
    return options.corsOrigins().contains("*") || options.corsOrigins().contains(origin);
  }

  /**
   * As {@link #originAllowed(String)}, and also a page this server served itself (the
   * explorer): its origin names the Host the request came to, which the Host check has
   * already accepted, so no other site can pass for it.
   */
  private boolean originAllowed(String origin, String hostHeader) {
    return originAllowed(origin) || (hostHeader != null && origin.equalsIgnoreCase("http://" + hostHeader));
  }

  @Override
  public void close() {
    if (vertx != null) {
      try {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.debug("closing the RPC server: {}", e.toString());
      }
    }
    if (workers != null) {
      workers.shutdownNow();
    }
  }
}
