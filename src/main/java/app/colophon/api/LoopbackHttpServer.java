package app.colophon.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP/1.1 server for the local API, one request per connection. A failure while answering — an exception
 * or an {@code Error} such as {@code OutOfMemoryError} — is logged and answered 500; the server goes on serving. The JDK's {@code HttpServer} could not
 * send a reason phrase it does not know (422 went out bare) and lets a client that sends half a request hold a
 * handler thread for as long as it likes. Here every request must arrive within {@link #READ_LIMIT_MS}; each
 * connection gets its own thread, up to {@link #MAX_THREADS}, beyond which it is answered 503 at once.
 */
final class LoopbackHttpServer implements AutoCloseable {

    /** Time for a whole request (line, headers and body) to arrive. */
    static final int READ_LIMIT_MS = 10_000;
    static final int MAX_THREADS = 128;
    private static final int BACKLOG = 512;
    /** What is read of a body nobody wanted before hanging up, so the client sees the answer, not a reset. */
    private static final int DRAIN_BYTES = 256 * 1024;
    private static final int DRAIN_MS = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(LoopbackHttpServer.class);
    private static final AtomicInteger SERVERS = new AtomicInteger();
    private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(100, "Continue"),
            Map.entry(200, "OK"), Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"),
            Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
            Map.entry(408, "Request Timeout"), Map.entry(409, "Conflict"), Map.entry(413, "Content Too Large"),
            Map.entry(414, "URI Too Long"), Map.entry(421, "Misdirected Request"), Map.entry(422, "Unprocessable Entity"),
            Map.entry(431, "Request Header Fields Too Large"), Map.entry(500, "Internal Server Error"),
            Map.entry(501, "Not Implemented"), Map.entry(503, "Service Unavailable"), Map.entry(507, "Insufficient Storage"));

    /** Answers one request; never throws for a request it cannot serve, it answers it. */
    interface Handler {
        ApiHandler.Answer handle(HttpRequest request);
    }

    private final ServerSocket listening;
    private final ThreadPoolExecutor threads;
    private final Handler handler;
    private final Thread acceptor;

    private LoopbackHttpServer(ServerSocket listening, Handler handler) {
        this.listening = listening;
        this.handler = handler;
        int server = SERVERS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(0, MAX_THREADS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "colophon-api-" + server + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.acceptor = new Thread(this::accept, "colophon-api-" + server + "-accept");
        acceptor.setDaemon(true);
    }

    static LoopbackHttpServer start(InetAddress address, int port, Handler handler) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(address, port), BACKLOG);
        LoopbackHttpServer server = new LoopbackHttpServer(socket, handler);
        server.acceptor.start();
        return server;
    }

    int port() {
        return listening.getLocalPort();
    }

    static String reason(int status) {
        return REASONS.getOrDefault(status, status < 500 ? "Client Error" : "Server Error");
    }

    private void accept() {
        while (!listening.isClosed()) {
            Socket socket;
            try {
                socket = listening.accept();
            } catch (IOException e) {
                if (!listening.isClosed()) {
                    LOG.warn("API: accepting a connection failed", e);
                }
                continue;
            }
            try {
                threads.execute(() -> serve(socket));
            } catch (RejectedExecutionException busy) {
                refuse(socket);
            } catch (RuntimeException | Error e) {
                // no thread could be started (out of memory, a process limit): this connection is refused, the
                // acceptor lives on
                LOG.error("API: cannot serve a connection", e);
                refuse(socket);
            }
        }
    }

    /** Every thread is taken (or the server is closing): a short 503 instead of a queue behind stalled clients. */
    private static void refuse(Socket socket) {
        try (socket) {
            socket.setSoTimeout(1_000);
            write(socket.getOutputStream(), null, ApiHandler.Answer.error(503, "The API is busy; try again in a moment"));
        } catch (IOException e) {
            LOG.debug("API: could not refuse a connection: {}", e.toString());
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READ_LIMIT_MS);
            HttpRequest.Deadline time = () -> {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new ApiHandler.Failure(408, "The request took too long to arrive");
                }
                socket.setSoTimeout((int) left);
            };
            HttpRequest request = null;
            ApiHandler.Answer answer;
            try {
                request = HttpRequest.read(in, out, time);
                answer = handler.handle(request);
            } catch (ApiHandler.Failure f) {
                answer = f.answer();
            } catch (RuntimeException | Error e) {
                // The handler's own net has a hole (or this thread ran out of memory): logged and answered, and the
                // next connection is served as usual.
                LOG.error("API request {} failed", request == null ? "(unread)" : request.method() + " " + request.path(), e);
                answer = ApiHandler.Answer.error(500, "Internal error; the details are in Colophon's log");
            }
            write(out, request, answer);
            if (request == null || !request.bodyConsumed()) {
                drain(socket, in);
            }
        } catch (HttpRequest.ClientGone gone) {
            LOG.debug("API: client closed the connection before a whole request");
        } catch (IOException e) {
            LOG.debug("API: connection ended: {}", e.toString());
        } catch (RuntimeException | Error e) {
            LOG.error("API: connection failed", e);
        }
    }

    private static void write(OutputStream out, HttpRequest request, ApiHandler.Answer answer) throws IOException {
        boolean streamed = answer.json() instanceof ApiHandler.Streamed;
        byte[] body = streamed ? null : answer.bytes();
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(answer.status()).append(' ')
                .append(reason(answer.status())).append("\r\n");
        answer.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Type: application/json; charset=utf-8\r\n")
                .append("Cache-Control: no-store\r\n")
                .append("X-Content-Type-Options: nosniff\r\n");
        if (!streamed) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n"); // a streamed body ends where the connection does
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (request == null || !request.method().equals("HEAD")) {
            if (streamed) {
                ((ApiHandler.Streamed) answer.json()).writeTo(out);
                out.write('\n');
            } else {
                out.write(body);
            }
        }
        out.flush();
    }

    /**
     * After answering a request whose body was not read (a 401, a 413): read a little of it, then hang up. Closing
     * with unread data would reset the connection, and the client might lose the answer before reading it.
     */
    private static void drain(Socket socket, InputStream in) {
        try {
            socket.shutdownOutput();
            socket.setSoTimeout(DRAIN_MS);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_MS);
            byte[] buffer = new byte[8192];
            int total = 0;
            while (total < DRAIN_BYTES && System.nanoTime() < deadline) {
                int n = in.read(buffer);
                if (n < 0) {
                    return;
                }
                total += n;
            }
        } catch (IOException e) {
            // the client went away or sent nothing more: either way, done
        }
    }

    /** Stops accepting, lets the requests under way finish (up to {@code finishSeconds}), then returns. */
    void stop(long finishSeconds) {
        try {
            listening.close();
        } catch (IOException e) {
            LOG.debug("API: closing the port: {}", e.toString());
        }
        try {
            // The port is only free once the acceptor is out of accept(): the JDK finishes closing a socket that a
            // thread is blocked on when that thread returns, and until then the port still took connections.
            acceptor.join(TimeUnit.SECONDS.toMillis(finishSeconds));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        threads.shutdown();
        try {
            if (!threads.awaitTermination(finishSeconds, TimeUnit.SECONDS)) {
                LOG.warn("API requests still running after {} s; stopping anyway", finishSeconds);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        threads.shutdownNow();
    }

    @Override
    public void close() {
        stop(30);
    }
}
