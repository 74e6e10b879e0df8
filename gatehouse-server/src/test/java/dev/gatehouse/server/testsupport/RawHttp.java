package dev.gatehouse.server.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The socket and response side of the tests' tiny HTTP/1.1 clients: a connection from a chosen
 * loopback source address (127.0.0.2, 127.0.0.3, ...), so the server sees a real, different TCP
 * peer, and the reading of a {@code Connection: close} response.
 */
public final class RawHttp {

  private RawHttp() {}

  /**
   * A response: status, headers with lower-case names (last value wins), every {@code Set-Cookie}
   * value, and the body (de-chunked).
   */
  public record Response(
      int status, Map<String, String> headers, List<String> setCookies, String body) {}

  /** A socket from {@code sourceAddress} to {@code 127.0.0.1:port}. */
  public static Socket connect(String sourceAddress, int port, Duration readTimeout)
      throws IOException {
    Socket socket = new Socket();
    try {
      socket.bind(new InetSocketAddress(sourceAddress, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout((int) readTimeout.toMillis());
      return socket;
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  /** Reads the whole response of a {@code Connection: close} exchange. */
  public static Response read(InputStream in) throws IOException {
    byte[] all = in.readAllBytes();
    String raw = new String(all, StandardCharsets.ISO_8859_1);
    int headerEnd = raw.indexOf("\r\n\r\n");
    String[] lines = raw.substring(0, headerEnd).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    List<String> setCookies = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = lines[i].substring(colon + 1).trim();
      headers.put(name, value);
      if (name.equals("set-cookie")) {
        setCookies.add(value);
      }
    }
    byte[] body = Arrays.copyOfRange(all, headerEnd + 4, all.length);
    if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
      body = dechunk(body);
    }
    return new Response(
        status, headers, List.copyOf(setCookies), new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int pos = 0;
    while (pos < chunked.length) {
      int lineEnd = indexOfCrlf(chunked, pos);
      String sizeText =
          new String(chunked, pos, lineEnd - pos, StandardCharsets.US_ASCII).split(";")[0].trim();
      int size = Integer.parseInt(sizeText, 16);
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
