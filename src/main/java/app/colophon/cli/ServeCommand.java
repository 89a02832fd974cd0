package app.colophon.cli;

import app.colophon.library.Colophon;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code colophon serve [--port N]}: the local HTTP API (docs/API.md) without a window, until Ctrl+C (or, when run
 * in-process, until its thread is interrupted); then it lets requests under way finish and closes the database.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serves the local HTTP API (see docs/API.md) on 127.0.0.1 until stopped with Ctrl+C.")
final class ServeCommand extends Session.Top implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "<N>", defaultValue = "" + Colophon.API_PORT,
            description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0: any free port)")
    int port;

    @Spec
    CommandSpec spec;

    private final ApiLauncher launcher;

    ServeCommand(ApiLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            throw new Cli.UsageException("not a port number: " + port + " (0 to 65535)");
        }
        boolean interrupted = false;
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl+C: wake this thread, which closes everything, and let the JVM exit once it has.
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(40, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "colophon-serve-shutdown");
        try (Colophon app = open(); ApiLauncher.Running server = launcher.start(app, port)) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("Colophon API listening on " + server.uri() + " — token in " + Escaped.of(server.tokenFile()));
            out.println("Press Ctrl+C to stop.");
            out.flush();
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                stop.await();
            } catch (InterruptedException e) {
                interrupted = true; // restored below, once requests under way have finished
            }
            return Cli.OK;
        } finally {
            stopped.countDown();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it is waiting for us, and we are done
            }
        }
    }
}
