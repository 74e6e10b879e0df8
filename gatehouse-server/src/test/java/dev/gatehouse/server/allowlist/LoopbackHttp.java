package dev.gatehouse.server.allowlist;

import dev.gatehouse.server.testsupport.RawHttp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A tiny HTTP/1.1 client over a socket bound to a chosen loopback source address (127.0.0.2,
 * 127.0.0.3 ...), so that the server sees a real, different TCP peer for each "client". It keeps
 * cookies like a browser (one jar per instance, shared whatever the source address).
 */
final class LoopbackHttp {

  /** A response: status, headers with lower-case names (last value wins), body. */
  record Response(int status, Map<String, String> headers, String body) {
    Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
  }

  private static final Pattern CSRF_INPUT =
      Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");
  private static final Pattern CSRF_META =
      Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

  private final int port;
  private final Map<String, String> cookies = new LinkedHashMap<>();

  LoopbackHttp(int port) {
    this.port = port;
  }

  Response get(String from, String path, String... extraHeaders) throws IOException {
    return send(from, "GET", path, null, null, extraHeaders);
  }

  Response postForm(String from, String path, Map<String, String> form, String... extraHeaders)
      throws IOException {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(from, "POST", path, "application/x-www-form-urlencoded", body, extraHeaders);
  }

  /** Signs in through the real form, from the given source address. */
  void signIn(String from, String email, String password) throws IOException {
    Response page = get(from, "/login");
    Response done =
        postForm(
            from,
            "/login",
            Map.of("email", email, "password", password, "_csrf", csrf(page.body())));
    if (done.status() != 302 || done.header("location").orElse("").contains("error")) {
      throw new IllegalStateException("sign-in failed: " + done.status() + " " + done.headers());
    }
  }

  /** The CSRF token of a page (hidden form field or the layout's meta tag). */
  static String csrf(String html) {
    Matcher input = CSRF_INPUT.matcher(html);
    if (input.find()) {
      return input.group(1) != null ? input.group(1) : input.group(2);
    }
    Matcher meta = CSRF_META.matcher(html);
    if (meta.find()) {
      return meta.group(1);
    }
    throw new IllegalStateException("no CSRF token in page");
  }

  Response send(
      String from,
      String method,
      String path,
      String contentType,
      String body,
      String... extraHeaders)
      throws IOException {
    try (Socket socket = RawHttp.connect(from, port, Duration.ofSeconds(30))) {
      byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      StringBuilder request = new StringBuilder();
      request.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
      request.append("Host: 127.0.0.1:").append(port).append("\r\n");
      request.append("Connection: close\r\n");
      if (!cookies.isEmpty()) {
        request
            .append("Cookie: ")
            .append(
                cookies.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")))
            .append("\r\n");
      }
      for (String header : extraHeaders) {
        request.append(header).append("\r\n");
      }
      if (contentType != null) {
        request.append("Content-Type: ").append(contentType).append("\r\n");
      }
      if (body != null) {
        request.append("Content-Length: ").append(payload.length).append("\r\n");
      }
      request.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(payload);
      out.flush();
      return read(socket.getInputStream());
    }
  }

  private Response read(InputStream in) throws IOException {
    RawHttp.Response response = RawHttp.read(in);
    for (String cookie : response.setCookies()) {
      String pair = cookie.split(";", 2)[0];
      int eq = pair.indexOf('=');
      String name = pair.substring(0, eq);
      String value = pair.substring(eq + 1);
      if (value.isEmpty() || cookie.toLowerCase(Locale.ROOT).contains("max-age=0")) {
        cookies.remove(name);
      } else {
        cookies.put(name, value);
      }
    }
    return new Response(response.status(), response.headers(), response.body());
  }
}
