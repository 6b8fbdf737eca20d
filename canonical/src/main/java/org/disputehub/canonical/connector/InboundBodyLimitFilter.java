package org.disputehub.canonical.connector;

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
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds what the web layer reads of a push body before Camel's platform-http takes it whole: nothing when the
 * declared {@code Content-Length} is over the limit, and at most limit + 1 bytes otherwise (chunked or lying
 * senders), so the route sees the excess and answers 413 through {@link InboundErrorPolicy} without the hub ever
 * holding an oversize body. Register it for the push endpoint's path with a {@code FilterRegistrationBean}.
 */
public class InboundBodyLimitFilter extends OncePerRequestFilter {

    private final int maxBodyBytes;

    public InboundBodyLimitFilter(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long allowed = request.getContentLengthLong() > maxBodyBytes ? 0 : maxBodyBytes + 1L;
        chain.doFilter(new Bounded(request, allowed), response);
    }

    private static final class Bounded extends HttpServletRequestWrapper {

        private final long allowed;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long allowed) {
            super(request);
            this.allowed = allowed;
        }

        @Override
        public synchronized ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new BoundedStream(super.getInputStream(), allowed);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }

    private static final class BoundedStream extends ServletInputStream {

        private final ServletInputStream in;
        private long left;

        BoundedStream(ServletInputStream in, long left) {
            this.in = in;
            this.left = left;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(buffer, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return left <= 0 || in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
