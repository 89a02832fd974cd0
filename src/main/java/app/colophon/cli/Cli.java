package app.colophon.cli;

import app.colophon.library.AppVersion;
import app.colophon.library.FolderOverlapException;
import app.colophon.library.InvalidValueException;
import app.colophon.library.LibraryUnavailableException;
import app.colophon.library.NotFoundException;
import app.colophon.library.ParseFailedException;
import app.colophon.library.StorageTrouble;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The headless command line (DESIGN §7). Exit codes: 0 ok, 1 other error, 2 usage, 3 not found, 4 parse error,
 * 5 library folder not available, 6 disk full.
 */
@Command(name = "colophon", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Colophon: a library for the ebooks, comics, audiobooks and PDFs in your folders.%n"
                + "Without a command, opens the window.")
public final class Cli {

    /**
     * Every command by name, in the order the usage lists them. Only the one a command line names is built: picocli
     * builds a command by reflection (and its own classes, compiled for Java 5, cannot be in the class-data archive),
     * so building all twelve took ~70 ms of every run of the command line. The names are written out rather than
     * read from each class's {@code @Command}: reading the annotations of all twelve took ~10 ms of every run
     * ({@code CliTest} checks that they agree).
     */
    static final Map<String, Class<?>> COMMANDS = commands(
            "scan", ScanCommand.class, "books", BooksCommand.class, "book", BookCommand.class,
            "edit", EditCommand.class, "resync", ResyncCommand.class, "remove", RemoveCommand.class,
            "excluded", ExcludedCommand.class, "missing", MissingCommand.class, "folders", FoldersCommand.class,
            "facets", FacetsCommand.class, "serve", ServeCommand.class, "help", HelpCommand.class);

    public static final int OK = 0;
    public static final int ERROR = 1;
    public static final int USAGE = 2;
    public static final int NOT_FOUND = 3;
    public static final int PARSE_ERROR = 4;
    public static final int UNAVAILABLE = 5;
    public static final int DISK_FULL = 6;

    @Option(names = "--data-dir", paramLabel = "<dir>", scope = CommandLine.ScopeType.INHERIT,
            description = "Folder holding the database (default: $COLOPHON_HOME, else the platform's data folder)")
    Path dataDir;

    /** The command line without the local HTTP API ({@code serve} says it is not part of it). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, ApiLauncher.NONE);
    }

    /** Picocli answers a usage error with exit code 2 ({@link #USAGE}) by default. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, ApiLauncher api) {
        CommandLine cli = commandLine(api, LaunchArguments.of(args));
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, arguments) -> {
            // One line, like every other error; the usage text is one --help away.
            CommandLine command = e.getCommandLine();
            command.getErr().println("colophon: " + Escaped.of(e.getMessage())
                    + " (see: " + command.getCommandSpec().qualifiedName() + " --help)");
            return command.getCommandSpec().exitCodeOnInvalidInput();
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("colophon: " + Escaped.of(e.getMessage()));
            return exitCode(e);
        });
        return cli.execute(args);
    }

    /** The whole command tree, with {@code serve} starting the API through {@code api}. */
    static CommandLine commandLine(ApiLauncher api) {
        return commandLine(api, LaunchArguments.of(new String[0]));
    }

    /**
     * The command tree for these arguments: the root with only the command they name, or with every command when they
     * name none or ask for help (the usage lists them all, an unknown name gets picocli's suggestions).
     */
    static CommandLine commandLine(ApiLauncher api, LaunchArguments args) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine cli = new CommandLine(new Cli(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == ServeCommand.class ? type.cast(new ServeCommand(api)) : defaults.create(type);
            }
        });
        Class<?> named = args.helpOnly() ? null : COMMANDS.get(args.command());
        for (Class<?> command : named != null ? List.<Class<?>>of(named) : COMMANDS.values()) {
            cli.addSubcommand(command);
        }
        if (cli.getSubcommands().containsKey("edit")) {
            EditCommand.addFieldOptions(cli);
        }
        return cli;
    }

    private static Map<String, Class<?>> commands(Object... nameThenClass) {
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        for (int i = 0; i < nameThenClass.length; i += 2) {
            byName.put((String) nameThenClass[i], (Class<?>) nameThenClass[i + 1]);
        }
        return Collections.unmodifiableMap(byName);
    }

    static int exitCode(Exception e) {
        if (e instanceof NotFoundException) {
            return NOT_FOUND;
        }
        if (e instanceof ParseFailedException) {
            return PARSE_ERROR;
        }
        if (e instanceof LibraryUnavailableException) {
            return UNAVAILABLE;
        }
        if (e instanceof UsageException || e instanceof FolderOverlapException || e instanceof InvalidValueException) {
            return USAGE;
        }
        if (StorageTrouble.diskFull(e)) {
            return DISK_FULL;
        }
        return ERROR;
    }

    /** A command whose input was understood but cannot be used (e.g. a folder that does not exist). */
    public static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Colophon " + AppVersion.current()};
        }
    }
}
