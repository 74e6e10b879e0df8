package dev.gatehouse.server.api;

import dev.gatehouse.server.testsupport.RawHttp;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately small HTTP/1.1 client over a raw socket bound to a chosen loopback source address
 * (127.0.0.2, 127.0.0.3, ...), so the server sees a real, different TCP peer for each client. It
 * can send bodies chunked, which {@code RawHttp}'s other user does not need.
 */
final class LoopbackHttpClient {

  private final String sourceAddress;
  private final int port;

  LoopbackHttpClient(String sourceAddress, int port) {
    this.sourceAddress = sourceAddress;
    this.port = port;
  }

  record Response(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** Sends one request with {@code Connection: close}; {@code head} holds extra header lines. */
  Response send(String method, String path, String head, byte[] body, boolean chunked)
      throws IOException {
    try (Socket socket = RawHttp.connect(sourceAddress, port, Duration.ofSeconds(10))) {
      OutputStream out = socket.getOutputStream();
      var request = new StringBuilder();
      request.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
      request.append("Host: 127.0.0.1:").append(port).append("\r\n");
      request.append("Connection: close\r\n");
      request.append(head);
      if (body.length > 0 || !method.equals("GET")) {
        request.append(
            chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n");
      }
      request.append("\r\n");
      out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
      if (chunked) {
        int chunk = 8 * 1024;
        try {
          for (int offset = 0; offset < body.length; offset += chunk) {
            int n = Math.min(chunk, body.length - offset);
            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, offset, n);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
          }
          out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException serverClosedEarly) {
          // The server may answer and close before the whole body is sent; read its answer.
        }
      } else {
        out.write(body);
      }
      out.flush();
      RawHttp.Response response = RawHttp.read(socket.getInputStream());
      return new Response(response.status(), response.headers(), response.body());
    }
  }

  Response get(String path, String head) throws IOException {
    return send("GET", path, head, new byte[0], false);
  }
}
