package app.colophon;

import app.colophon.cli.Cli;
import app.colophon.cli.EarlyOpen;
import app.colophon.library.DataDirectory;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Entry point: no arguments opens the window; any argument runs the command line without starting JavaFX
 * (the UI classes are not even loaded).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Path dataDir = DataDirectory.resolve(dataDirArgument(args));
        System.setProperty(LogConfigurator.LOG_DIR_PROPERTY, dataDir.resolve("logs").toString());
        if (args.length == 0) {
            app.colophon.ui.ColophonApp.launchWindow(args);
            return;
        }
        EarlyOpen.startFor(args, dataDir);
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(Cli.run(args, out, err));
    }

    private static Path dataDirArgument(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--data-dir") && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith("--data-dir=")) {
                return Path.of(args[i].substring("--data-dir=".length()));
            }
        }
        return null;
    }
}
