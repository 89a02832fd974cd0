package app.colophon.api;

import app.colophon.library.Colophon;
import app.colophon.library.ColophonException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The local HTTP API (docs/API.md): the resync of DESIGN §5 and the JSON of the command line over HTTP, on
 * {@code 127.0.0.1} only, behind a bearer token kept in the data folder ({@link ApiToken}). Requests are served by
 * {@link LoopbackHttpServer}, concurrently with each other and with a library scan, like the window's resyncs.
 *
 * <p>The headless {@code colophon serve} and the desktop app (a setting, off by default) both run it with
 * {@link #start(Colophon, int)} and stop it with {@link #close()}; the {@link Colophon} stays the caller's.
 */
public final class ApiServer implements AutoCloseable {

    public static final int DEFAULT_PORT = Colophon.API_PORT;
    /** Largest request body read; a larger one is answered 413 without being read. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    private static final long FINISH_SECONDS = 30;

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    private final LoopbackHttpServer server;
    private final ApiToken token;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ApiServer(LoopbackHttpServer server, ApiToken token) {
        this.server = server;
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
        LoopbackHttpServer server;
        try {
            server = LoopbackHttpServer.start(loopback(), port, new ApiHandler(app, token));
        } catch (BindException e) {
            throw new ColophonException("Cannot listen on 127.0.0.1:" + port
                    + ": the port is in use (is Colophon already serving?); choose another with --port", e);
        } catch (IOException e) {
            throw new ColophonException("Cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        ApiServer api = new ApiServer(server, token);
        LOG.info("API listening on {} (token in {})", api.uri(), token.file());
        return api;
    }

    /** The port it listens on (the one chosen by the system when started with port 0). */
    public int port() {
        return server.port();
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
        server.stop(FINISH_SECONDS);
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
