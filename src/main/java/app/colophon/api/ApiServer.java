package app.colophon.api;

import app.colophon.library.Colophon;
import app.colophon.library.ColophonException;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local HTTP API (docs/API.md): the resync of DESIGN §5 and the JSON of the command line over HTTP, on
 * {@code 127.0.0.1} only, behind a bearer token kept in the data folder ({@link ApiToken}). Requests are handled
 * by a fixed pool of threads, concurrently with each other and with a library scan, like the window's resyncs.
 *
 * <p>The headless {@code colophon serve} and the desktop app (a setting, off by default) both run it with
 * {@link #start(Colophon, int)} and stop it with {@link #close()}; the {@link Colophon} stays the caller's.
 */
public final class ApiServer implements AutoCloseable {

    public static final int DEFAULT_PORT = 7711;
    /** Largest request body read; a larger one is answered 413 without being read. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    static final int THREADS = 8;
    private static final int BACKLOG = 512;
    private static final long FINISH_SECONDS = 30;

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final AtomicInteger SERVERS = new AtomicInteger();

    private final HttpServer server;
    private final ThreadPoolExecutor threads;
    private final ApiToken token;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ApiServer(HttpServer server, ThreadPoolExecutor threads, ApiToken token) {
        this.server = server;
        this.threads = threads;
        this.token = token;
    }

    /**
     * Starts serving {@code app} on {@code 127.0.0.1:port} ({@code 0}: a free port, see {@link #port()}), creating
     * the token file on first use.
     *
     * @throws ColophonException when the port is taken or the token file cannot be read or written
     */
    public static ApiServer start(Colophon app, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Not a port number: " + port);
        }
        ApiToken token = ApiToken.loadOrCreate(app.dataDir());
        int serverNumber = SERVERS.incrementAndGet();
        AtomicInteger threadNumber = new AtomicInteger();
        ThreadPoolExecutor threads = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "colophon-api-" + serverNumber + "-" + threadNumber.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        threads.allowCoreThreadTimeOut(true);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(loopback(), port), BACKLOG);
        } catch (BindException e) {
            threads.shutdown();
            throw new ColophonException("Cannot listen on 127.0.0.1:" + port
                    + ": the port is in use (is Colophon already serving?); choose another with --port", e);
        } catch (IOException e) {
            threads.shutdown();
            throw new ColophonException("Cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        server.setExecutor(threads);
        server.createContext("/", new ApiHandler(app, token));
        server.start();
        ApiServer api = new ApiServer(server, threads, token);
        LOG.info("API listening on {} (token in {})", api.uri(), token.file());
        return api;
    }

    /** The port it listens on (the one chosen by the system when started with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>/}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    /** The file holding the bearer token. */
    public Path tokenFile() {
        return token.file();
    }

    /**
     * Stops taking requests, lets the ones under way finish (up to 30 s), then closes the port. Safe to call more
     * than once and from any thread; the {@link Colophon} is left open.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // Shutting the pool down first refuses new exchanges at once while the ones under way (and queued)
        // complete; HttpServer.stop(n) on Java 17 would wait the whole n seconds even when idle.
        threads.shutdown();
        try {
            if (!threads.awaitTermination(FINISH_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("API requests still running after {} s; stopping anyway", FINISH_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.stop(0);
        threads.shutdownNow();
        LOG.info("API stopped");
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
