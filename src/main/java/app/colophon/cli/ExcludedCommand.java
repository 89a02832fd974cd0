package app.colophon.cli;

import app.colophon.json.JsonView;
import app.colophon.library.Colophon;
import app.colophon.library.NotFoundException;
import app.colophon.model.ExcludedFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code colophon excluded [--json]} lists the files removed from the library, which scans skip;
 * {@code --restore <path>} lets the next scan import one again.
 */
@Command(name = "excluded", mixinStandardHelpOptions = true,
        description = "Lists the files removed from the library, which scans skip; --restore lets the next scan import one again.")
final class ExcludedCommand extends Session.Top implements Callable<Integer> {

    @Option(names = "--restore", paramLabel = "<path>",
            description = "Forget that this file was removed: the next scan imports it again (as a new book)")
    Path restore;

    @Option(names = "--json", description = "Print JSON")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Colophon app = open()) {
            PrintWriter out = spec.commandLine().getOut();
            if (restore != null) {
                if (!app.libraries().restoreExcluded(restore)) {
                    throw new NotFoundException(restore.toAbsolutePath().normalize()
                            + " is not excluded (see: colophon excluded)");
                }
                if (json) {
                    out.println(JsonView.write(Map.of("restored", restore.toAbsolutePath().normalize().toString())));
                } else {
                    out.printf("Restored %s: the next scan imports it again%n",
                            Escaped.of(restore.toAbsolutePath().normalize()));
                }
                return Cli.OK;
            }
            List<ExcludedFile> excluded = app.libraries().excluded(null);
            if (json) {
                out.println(JsonView.write(excluded.stream().map(ExcludedCommand::json).toList()));
            } else if (excluded.isEmpty()) {
                out.println("No excluded files");
            } else {
                for (ExcludedFile e : excluded) {
                    out.printf("%d\t%s\texcluded since %s%n", e.libraryId(), Escaped.of(e.path()), e.since());
                }
            }
            return Cli.OK;
        }
    }

    private static Map<String, Object> json(ExcludedFile e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("libraryId", e.libraryId());
        out.put("path", e.path().toString());
        out.put("since", e.since().toString());
        return out;
    }
}
