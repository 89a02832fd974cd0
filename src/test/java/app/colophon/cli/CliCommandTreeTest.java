package app.colophon.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** A command line builds only the command it names; help, or no command, builds them all for the usage. */
class CliCommandTreeTest {

    private static CommandLine treeFor(String... args) {
        return Cli.commandLine(ApiLauncher.NONE, LaunchArguments.of(args));
    }

    @ParameterizedTest
    @CsvSource({"scan", "books", "edit", "resync", "serve", "facets"})
    void aCommandLineNamingACommandBuildsThatCommandOnly(String command) {
        assertThat(treeFor("--data-dir", "/tmp/x", command, "1").getSubcommands()).containsOnlyKeys(command);
    }

    @Test
    void editGetsItsFieldOptionsWhenItIsTheCommandBuilt() {
        CommandLine book = treeFor("edit", "book", "1", "--title", "X").getSubcommands().get("edit")
                .getSubcommands().get("book");

        assertThat(book.getCommandSpec().findOption("--title")).isNotNull();
    }

    @ParameterizedTest
    @CsvSource(value = {"''", "help", "--help", "scan --help", "nosuchcommand"}, emptyValue = "")
    void helpNoCommandOrAnUnknownOneBuildsEveryCommandInTheUsageOrder(String args) {
        String[] split = args.isEmpty() ? new String[0] : args.split(" ");

        assertThat(treeFor(split).getSubcommands().keySet()).containsExactly("scan", "books", "book", "edit", "resync",
                "remove", "excluded", "missing", "folders", "facets", "serve", "help");
    }

    @Test
    void eachCommandIsListedUnderTheNameItsClassDeclares() {
        Cli.COMMANDS.forEach((name, command) ->
                assertThat(command.getAnnotation(CommandLine.Command.class).name()).as(command.getSimpleName()).isEqualTo(name));
    }
}
