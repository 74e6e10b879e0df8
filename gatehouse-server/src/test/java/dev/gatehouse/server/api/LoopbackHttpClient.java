package dev.gatehouse.server.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately small HTTP/1.1 client over a raw socket bound to a chosen loopback source address
 * (127.0.0.2, 127.0.0.3, ...), so the server sees a real, different TCP peer for each client.
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
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(sourceAddress, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(10_000);
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
      return read(socket.getInputStream());
    }
  }

  Response get(String path, String head) throws IOException {
    return send("GET", path, head, new byte[0], false);
  }

  private static Response read(InputStream in) throws IOException {
    byte[] all = in.readAllBytes();
    String text = new String(all, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).strip());
    }
    byte[] rest = java.util.Arrays.copyOfRange(all, end + 4, all.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      rest = dechunk(rest);
    }
    return new Response(status, headers, new String(rest, StandardCharsets.UTF_8));
  }

  private static byte[] dechunk(byte[] chunked) {
    var out = new ByteArrayOutputStream();
    int pos = 0;
    while (pos < chunked.length) {
      int lineEnd = indexOfCrlf(chunked, pos);
      String sizeText = new String(chunked, pos, lineEnd - pos, StandardCharsets.US_ASCII);
      int semicolon = sizeText.indexOf(';');
      int size = Integer.parseInt(semicolon < 0 ? sizeText : sizeText.substring(0, semicolon), 16);
      if (size == 0) {
        break;
      }
      out.write(chunked, lineEnd + 2, size);
      pos = lineEnd + 2 + size + 2;
    }
    return out.toByteArray();
  }

  private static int indexOfCrlf(byte[] bytes, int from) {
    for (int i = from; i < bytes.length - 1; i++) {
      if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
        return i;
      }
    }
    return bytes.length;
  }
}
