package app.colophon.ui.settings;

import app.colophon.api.ApiServer;
import app.colophon.library.Colophon;

/**
 * The local HTTP API as the window controls it (docs/API.md): off by default, started and stopped from the
 * Settings menu. Both calls block (a stop lets requests under way finish), so callers run them off the FX thread.
 */
public final class LocalApi implements AutoCloseable {

    private final Colophon app;
    private final int port;
    private ApiServer server;

    public LocalApi(Colophon app, int port) {
        this.app = app;
        this.port = port;
    }

    /** Starts the server (no-op when running); returns a line telling the user where it listens and where the token is. */
    public synchronized String start() {
        if (server == null) {
            server = ApiServer.start(app, port);
        }
        return "Local API on " + server.uri() + " (token in " + server.tokenFile() + ")";
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
