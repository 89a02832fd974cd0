package app.colophon.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --help} for every command and sub-command, found by walking picocli's command tree, so a new command cannot
 * forget it: the usage, with every option, on stdout and exit code 0; {@code colophon help <command> <sub>} the same.
 */
class CliHelpTest extends CliTest {

    /** Every command path of the tree below the root, e.g. [scan], [resync, book]. */
    static Stream<List<String>> commands() {
        CommandLine root = Cli.commandLine(ApiLauncher.NONE);
        List<List<String>> paths = new ArrayList<>();
        collect(root, new ArrayList<>(), paths);
        return paths.stream();
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> out) {
        for (var sub : command.getSubcommands().entrySet()) {
            if (!sub.getValue().getCommandName().equals(sub.getKey())) {
                continue; // an alias
            }
            List<String> next = new ArrayList<>(path);
            next.add(sub.getKey());
            out.add(next);
            collect(sub.getValue(), next, out);
        }
    }

    @ParameterizedTest(name = "colophon {0} --help")
    @MethodSource("commands")
    void everyCommandPrintsItsUsageWithEveryOptionAndExitsZero(List<String> path) {
        List<String> args = new ArrayList<>(path);
        args.add("--help");

        Run run = colophon(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("Usage: colophon " + String.join(" ", path));
        for (OptionSpec option : spec(path).options()) {
            assertThat(run.out()).as("option %s", option.longestName()).contains(option.longestName());
        }
    }

    @ParameterizedTest(name = "colophon help {0}")
    @MethodSource("commands")
    void theHelpCommandPrintsTheSameUsage(List<String> path) {
        List<String> withHelp = new ArrayList<>(path);
        withHelp.add("--help");
        List<String> viaHelp = new ArrayList<>(List.of("help"));
        viaHelp.addAll(path);

        Run help = colophon(viaHelp.toArray(String[]::new));

        assertThat(help.exitCode()).as(help.err()).isZero();
        assertThat(help.out()).isEqualTo(colophon(withHelp.toArray(String[]::new)).out());
    }

    @Test
    void theResyncUsageNamesItsThreeModesAndJson() {
        String usage = colophon("resync", "book", "--help").out();

        assertThat(usage).contains("--refresh").contains("--reset").contains("--json");
    }

    @Test
    void theEditUsageNamesEveryField() {
        String usage = colophon("edit", "book", "--help").out();

        assertThat(usage).contains("--title").contains("--authors").contains("--series").contains("--tags");
    }

    @Test
    void helpForAnUnknownCommandIsAUsageError() {
        colophon("help", "nonsense").failsWith(Cli.USAGE);
    }

    private static CommandLine.Model.CommandSpec spec(List<String> path) {
        CommandLine command = Cli.commandLine(ApiLauncher.NONE);
        for (String name : path) {
            command = command.getSubcommands().get(name);
        }
        return command.getCommandSpec();
    }
}
