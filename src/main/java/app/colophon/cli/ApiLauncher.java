package app.colophon.cli;

import app.colophon.library.Colophon;

import java.net.URI;
import java.nio.file.Path;

/**
 * How {@code colophon serve} starts the local HTTP API. The command line does not know the HTTP package: {@code Main}
 * hands it the way to start one, as it hands the window its services.
 */
@FunctionalInterface
public interface ApiLauncher {

    /** A server that runs until closed. */
    interface Running extends AutoCloseable {
        URI uri();

        Path tokenFile();

        @Override
        void close();
    }

    /** Starts serving {@code app} on 127.0.0.1:{@code port} (0: any free port). */
    Running start(Colophon app, int port);

    /** For a command line without the API (tests of other commands): {@code serve} says so. */
    ApiLauncher NONE = (app, port) -> {
        throw new Cli.UsageException("the local HTTP API is not part of this build");
    };
}
