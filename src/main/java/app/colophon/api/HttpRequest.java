package app.colophon.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 request read from a connection: the request line and headers at once, the body only when the
 * handler asks for it (so a 401 or a 413 never waits for one), every part bounded in size and in time.
 */
final class HttpRequest {

    static final int MAX_LINE = 8 * 1024;
    static final int MAX_HEADER_BYTES = 32 * 1024;
    static final int MAX_HEADERS = 100;

    private final String method;
    private final String target;
    private final Map<String, List<String>> headers;
    private final InputStream in;
    private final OutputStream out;
    private final Deadline deadline;
    private byte[] body;

    private HttpRequest(String method, String target, Map<String, List<String>> headers, InputStream in,
                        OutputStream out, Deadline deadline) {
        this.method = method;
        this.target = target;
        this.headers = headers;
        this.in = in;
        this.out = out;
        this.deadline = deadline;
    }

    /** Time left to read a part of the request; a socket read waits at most that long. */
    interface Deadline {
        void checkAndArm() throws IOException;
    }

    /** Reads the request line and the headers; a malformed or oversized request is a {@link ApiHandler.Failure}. */
    static HttpRequest read(InputStream in, OutputStream out, Deadline deadline) throws IOException {
        String line = line(in, deadline, MAX_LINE, 414, "Request line too long");
        String[] parts = line.split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || !parts[1].startsWith("/") || !parts[2].startsWith("HTTP/1.")) {
            throw new ApiHandler.Failure(400, "Malformed request line: " + printable(line));
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        int total = 0;
        while (true) {
            String header = line(in, deadline, MAX_LINE, 431, "Request header too long");
            if (header.isEmpty()) {
                break;
            }
            total += header.length();
            int colon = header.indexOf(':');
            if (total > MAX_HEADER_BYTES || headers.size() >= MAX_HEADERS) {
                throw new ApiHandler.Failure(431, "Too many request headers");
            }
            if (colon <= 0) {
                throw new ApiHandler.Failure(400, "Malformed request header: " + printable(header));
            }
            headers.computeIfAbsent(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(header.substring(colon + 1).strip());
        }
        return new HttpRequest(parts[0], parts[1], headers, in, out, deadline);
    }

    String method() {
        return method;
    }

    /** The path of the target, without its query string. */
    String path() {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    String target() {
        return target;
    }

    /**
     * The first value of a query-string parameter, form-decoded ({@code +} and {@code %20} are spaces, UTF-8), or
     * null when the target has none; a malformed {@code %} escape throws IllegalArgumentException.
     */
    String parameter(String name) {
        int query = target.indexOf('?');
        if (query < 0) {
            return null;
        }
        for (String pair : target.substring(query + 1).split("&")) {
            int eq = pair.indexOf('=');
            String key = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** Every value of a header (names are case-insensitive), in the order sent. */
    List<String> headers(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    String header(String name) {
        List<String> values = headers(name);
        return values.isEmpty() ? null : values.get(0);
    }

    /** Whether the body was read to its end, so the connection holds nothing more of this request. */
    boolean bodyConsumed() {
        return body != null || (header("content-length") == null && header("transfer-encoding") == null);
    }

    /**
     * The body, at most {@code limit} bytes: a larger declared length is refused (413) before any of it is read, a
     * chunked body past the limit while it is read.
     */
    byte[] body(int limit) throws IOException {
        if (body != null) {
            return body;
        }
        String encoding = header("transfer-encoding");
        String length = header("content-length");
        if (encoding != null && length != null) {
            throw new ApiHandler.Failure(400, "Both Content-Length and Transfer-Encoding were sent");
        }
        if (encoding != null && !encoding.equalsIgnoreCase("chunked")) {
            throw new ApiHandler.Failure(501, "Transfer-Encoding " + printable(encoding) + " is not supported");
        }
        long declared = -1;
        if (length != null) {
            try {
                declared = Long.parseLong(length);
            } catch (NumberFormatException e) {
                declared = -2;
            }
            if (declared < 0 || headers("content-length").size() > 1) {
                throw new ApiHandler.Failure(400, "Invalid Content-Length: " + printable(length));
            }
            if (declared > limit) {
                throw tooLarge(limit);
            }
        }
        if ("100-continue".equalsIgnoreCase(header("expect"))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        body = encoding != null ? chunked(limit) : fixed((int) Math.max(declared, 0));
        return body;
    }

    private byte[] fixed(int length) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream(Math.min(length, 8192));
        byte[] buffer = new byte[8192];
        while (data.size() < length) {
            deadline.checkAndArm();
            int n;
            try {
                n = in.read(buffer, 0, Math.min(buffer.length, length - data.size()));
            } catch (SocketTimeoutException e) {
                throw new ApiHandler.Failure(408, "The request body took too long to arrive");
            }
            if (n < 0) {
                throw new ApiHandler.Failure(400, "The body ended after " + data.size() + " of " + length + " bytes");
            }
            data.write(buffer, 0, n);
        }
        return data.toByteArray();
    }

    private byte[] chunked(int limit) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        while (true) {
            String size = line(in, deadline, 1024, 400, "Malformed chunk");
            int ext = size.indexOf(';');
            long n;
            try {
                n = Long.parseLong((ext < 0 ? size : size.substring(0, ext)).strip(), 16);
            } catch (NumberFormatException e) {
                throw new ApiHandler.Failure(400, "Malformed chunk size: " + printable(size));
            }
            if (n < 0 || data.size() + n > limit) {
                throw tooLarge(limit);
            }
            if (n == 0) {
                while (!line(in, deadline, MAX_LINE, 400, "Malformed chunk trailer").isEmpty()) {
                    // trailers are read and ignored
                }
                return data.toByteArray();
            }
            data.write(fixed((int) n));
            if (!line(in, deadline, 2, 400, "Malformed chunk").isEmpty()) {
                throw new ApiHandler.Failure(400, "Malformed chunk: no line end after its data");
            }
        }
    }

    private static ApiHandler.Failure tooLarge(int limit) {
        return new ApiHandler.Failure(413, "Request body too large: at most " + limit + " bytes");
    }

    /** One line ending in CRLF (a bare LF is accepted), without it; longer than {@code max}: {@code status}. */
    private static String line(InputStream in, Deadline deadline, int max, int status, String tooLong) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (true) {
            deadline.checkAndArm();
            int b;
            try {
                b = in.read();
            } catch (SocketTimeoutException e) {
                throw new ApiHandler.Failure(408, "The request took too long to arrive");
            }
            if (b < 0) {
                throw new ClientGone();
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= max + 1) {
                throw new ApiHandler.Failure(status, tooLong);
            }
            line.write(b);
        }
    }

    /** Control characters of a request shown escaped in an error message. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.length() > 200 ? (text.substring(0, 200) + "…").toCharArray() : text.toCharArray()) {
            out.append(c < 0x20 || c == 0x7f ? String.format(Locale.ROOT, "\\x%02x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }

    /** The client closed the connection before sending a whole request: nothing to answer. */
    static final class ClientGone extends IOException {
        ClientGone() {
            super("client closed the connection", null);
        }
    }
}
