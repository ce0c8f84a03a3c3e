package org.linden.explorer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.linden.rpc.JsonRpcServer.HttpResponse;

/**
 * The explorer's static files (HTML, CSS, JavaScript modules), shipped in the jar under
 * {@code org/linden/explorer/assets/} and served as they are: no build step, nothing
 * fetched from elsewhere. The pages read everything through the node's own JSON-RPC.
 */
public final class ExplorerAssets {
  /** Where the explorer is served on the JSON-RPC port. */
  public static final String PATH = "/explorer/";
  private static final String ROOT = "org/linden/explorer/assets/";
  /** Plain relative names only: no "..", no hidden files, nothing a path trick could reach. */
  private static final Pattern SAFE = Pattern.compile("([a-z0-9_-]+/)*[a-z0-9_-]+\\.[a-z0-9]+");
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "svg", "image/svg+xml",
      "png", "image/png",
      "ico", "image/x-icon",
      "json", "application/json");

  private final Map<String, Optional<byte[]>> cache = new ConcurrentHashMap<>();

  /** The response for {@code path} below {@link #PATH} ("" is the start page). */
  public HttpResponse get(String path) {
    String name = path.isEmpty() ? "index.html" : path;
    String ext = name.substring(name.lastIndexOf('.') + 1);
    if (!SAFE.matcher(name).matches() || !TYPES.containsKey(ext)) {
      return notFound();
    }
    return cache.computeIfAbsent(name, ExplorerAssets::load)
        .map(body -> new HttpResponse(200, TYPES.get(ext), body))
        .orElseGet(ExplorerAssets::notFound);
  }

  /** A page for {@code GET /} that sends a browser on to the explorer. */
  public static HttpResponse redirectPage() {
    String html = "<!doctype html><meta charset=utf-8><meta http-equiv=refresh content=\"0; url=" + PATH + "\">"
        + "<title>Linden</title><p>This is a Linden node. The explorer is at <a href=\"" + PATH + "\">" + PATH
        + "</a>; JSON-RPC answers POST requests here.\n";
    return new HttpResponse(200, TYPES.get("html"), html.getBytes(StandardCharsets.UTF_8));
  }

  private static Optional<byte[]> load(String name) {
    try (InputStream in = ExplorerAssets.class.getClassLoader().getResourceAsStream(ROOT + name)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static HttpResponse notFound() {
    return new HttpResponse(404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
  }
}
