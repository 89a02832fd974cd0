package app.colophon;

import app.colophon.api.ApiServer;
import app.colophon.cli.ApiLauncher;
import app.colophon.cli.Cli;
import app.colophon.cli.EarlyOpen;
import app.colophon.cli.LaunchArguments;
import app.colophon.library.Colophon;
import app.colophon.library.DataDirectory;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Entry point: no command opens the window (on {@code --data-dir} when given); a command runs the command line
 * without starting JavaFX (the UI classes are not even loaded).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        LogProvider.install();
        if (StartupTraining.requested()) {
            StartupTraining.run();
            return;
        }
        LaunchArguments launch = LaunchArguments.of(args);
        Path dataDir = DataDirectory.resolve(launch.dataDir());
        System.setProperty(LogConfigurator.LOG_DIR_PROPERTY, dataDir.resolve("logs").toString());
        if (launch.opensWindow()) {
            app.colophon.ui.ColophonApp.launchWindow(dataDir);
            return;
        }
        EarlyOpen.startFor(launch, dataDir);
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(Cli.run(args, out, err, Main::startApi));
    }

    /** What {@code colophon serve} runs: the HTTP API, which the command line itself does not know. */
    public static ApiLauncher.Running startApi(Colophon app, int port) {
        ApiServer server = ApiServer.start(app, port);
        return new ApiLauncher.Running() {
            @Override
            public URI uri() {
                return server.uri();
            }

            @Override
            public Path tokenFile() {
                return server.tokenFile();
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }
}
