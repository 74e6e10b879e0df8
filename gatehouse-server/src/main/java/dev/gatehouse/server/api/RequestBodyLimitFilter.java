package dev.gatehouse.server.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API request bodies over {@link #MAX_BODY_BYTES} with 413 {@code payload_too_large}: at
 * once when {@code Content-Length} says so, and by counting the bytes actually read otherwise (a
 * chunked body has no length up front, and a declared length is not proof of the real one).
 */
final class RequestBodyLimitFilter extends OncePerRequestFilter {

  /** 64 KiB, SPEC section 5. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  static final ApiProblem PROBLEM =
      ApiProblem.of(
          HttpStatus.CONTENT_TOO_LARGE,
          ApiProblemCodes.PAYLOAD_TOO_LARGE,
          "The request body is larger than 64 KiB.");

  private static final String EXCEEDED_ATTRIBUTE =
      RequestBodyLimitFilter.class.getName() + ".EXCEEDED";

  private final ProblemResponseWriter writer;

  RequestBodyLimitFilter(ProblemResponseWriter writer) {
    this.writer = writer;
  }

  /** Whether reading this request's body went past the limit (set by the counting stream). */
  static boolean limitExceeded(HttpServletRequest request) {
    return request.getAttribute(EXCEEDED_ATTRIBUTE) != null;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > MAX_BODY_BYTES) {
      writer.write(request, response, PROBLEM);
      return;
    }
    chain.doFilter(new LimitedRequest(request), response);
  }

  /** Raised by the counting stream; the exception resolver answers 413 when it sees the marker. */
  static final class BodyTooLargeException extends IOException {
    BodyTooLargeException() {
      super("request body exceeds " + MAX_BODY_BYTES + " bytes");
    }
  }

  private static final class LimitedRequest extends HttpServletRequestWrapper {

    private LimitedInputStream stream;
    private BufferedReader reader;

    LimitedRequest(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new LimitedInputStream(super.getInputStream(), (HttpServletRequest) getRequest());
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      if (reader == null) {
        reader = new BufferedReader(new InputStreamReader(getInputStream(), charset()));
      }
      return reader;
    }

    private Charset charset() {
      String encoding = getCharacterEncoding();
      try {
        return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      } catch (IllegalArgumentException unsupported) {
        return StandardCharsets.UTF_8;
      }
    }
  }

  private static final class LimitedInputStream extends ServletInputStream {

    private final ServletInputStream delegate;
    private final HttpServletRequest request;
    private long count;

    LimitedInputStream(ServletInputStream delegate, HttpServletRequest request) {
      this.delegate = delegate;
      this.request = request;
    }

    @Override
    public int read() throws IOException {
      int b = delegate.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = delegate.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws BodyTooLargeException {
      count += n;
      if (count > MAX_BODY_BYTES) {
        request.setAttribute(EXCEEDED_ATTRIBUTE, Boolean.TRUE);
        throw new BodyTooLargeException();
      }
    }

    @Override
    public boolean isFinished() {
      return delegate.isFinished();
    }

    @Override
    public boolean isReady() {
      return delegate.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      delegate.setReadListener(listener);
    }
  }
}
