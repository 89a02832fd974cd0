package app.colophon.cli;

import app.colophon.json.JsonView;
import app.colophon.library.Colophon;
import app.colophon.library.ResyncMode;
import app.colophon.library.ResyncResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "resync", mixinStandardHelpOptions = true, description = "Rescans books or files from disk.",
        subcommands = {ResyncCommand.Book.class, ResyncCommand.File.class})
final class ResyncCommand {

    @ParentCommand
    Cli cli;

    abstract static class Target extends Session implements Callable<Integer> {
        @ParentCommand
        ResyncCommand resync;

        @Parameters(paramLabel = "<id>", arity = "1..*",
                description = "One id, or several: each is resynced in turn, a failing one is reported and skipped")
        List<Long> ids;

        @Option(names = "--refresh", description = "Refresh all metadata: every value the files have wins, manual edits included")
        boolean refresh;

        @Option(names = "--reset", description = "Reset to file metadata: clear every value, manual edits and clears "
                + "included, and read the files and paths afresh (values the files lack become empty)")
        boolean reset;

        @Option(names = "--json", description = "Print JSON")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        Cli root() {
            return resync.cli;
        }

        @Override
        public Integer call() {
            if (refresh && reset) {
                throw new Cli.UsageException("--refresh and --reset cannot be used together");
            }
            try (Colophon app = open()) {
                ResyncMode mode = reset ? ResyncMode.RESET : refresh ? ResyncMode.REFRESH : ResyncMode.SCAN;
                PrintWriter out = spec.commandLine().getOut();
                if (ids.size() == 1) { // one id: its failure is the command's, as it always was
                    print(run(app, ids.get(0), mode), mode, out);
                    return Cli.OK;
                }
                return many(app, mode, out, spec.commandLine().getErr());
            }
        }

        /**
         * Each id in turn: a failure is told on stderr and the others go on. The exit code is the first failure's,
         * so a script can tell "not found" from "folder not available" as it can for one id.
         */
        private int many(Colophon app, ResyncMode mode, PrintWriter out, PrintWriter err) {
            List<Map<String, Object>> results = new ArrayList<>();
            int exit = Cli.OK;
            int failed = 0;
            for (long id : ids) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("id", id);
                try {
                    ResyncResult result = run(app, id, mode);
                    if (this.json) {
                        entry.putAll(JsonView.resync(result));
                    } else {
                        print(result, mode, out);
                    }
                } catch (RuntimeException e) {
                    failed++;
                    exit = exit == Cli.OK ? Cli.exitCode(e) : exit;
                    err.println("colophon: " + noun() + " " + id + ": " + Escaped.of(e.getMessage()));
                    entry.put("status", "failed");
                    entry.put("error", e.getMessage());
                }
                results.add(entry);
            }
            if (this.json) {
                out.println(JsonView.write(results));
            } else {
                out.printf("Resynced %d of %d %ss, %d failed%n", ids.size() - failed, ids.size(), noun(), failed);
            }
            return exit;
        }

        private void print(ResyncResult result, ResyncMode mode, PrintWriter out) {
            if (json) {
                out.println(JsonView.write(JsonView.resync(result)));
            } else if (result instanceof ResyncResult.Removed removed) {
                out.println(removed.message());
            } else {
                ResyncResult.Updated updated = (ResyncResult.Updated) result;
                out.println(mode.doneMessage());
                updated.removedFiles().forEach(p -> out.println(ResyncResult.Removed.FILE_REMOVED + ": " + Escaped.of(p)));
                updated.failures().forEach(f -> out.println("Not read: " + Escaped.of(f)));
                BookCommand.printText(updated.book(), out);
            }
        }

        /** "book" or "file", for messages. */
        abstract String noun();

        abstract ResyncResult run(Colophon app, long id, ResyncMode mode);
    }

    @Command(name = "book", mixinStandardHelpOptions = true, description = "Rescans every file of each book.")
    static final class Book extends Target {
        @Override
        String noun() {
            return "book";
        }

        @Override
        ResyncResult run(Colophon app, long id, ResyncMode mode) {
            return app.resync().resyncBook(id, mode);
        }
    }

    @Command(name = "file", mixinStandardHelpOptions = true, description = "Rescans each file.")
    static final class File extends Target {
        @Override
        String noun() {
            return "file";
        }

        @Override
        ResyncResult run(Colophon app, long id, ResyncMode mode) {
            return app.resync().resyncFile(id, mode);
        }
    }
}
