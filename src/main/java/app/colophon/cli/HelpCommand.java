package app.colophon.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code colophon help [<command> [<sub-command>]]}: the usage of any command of the tree, as {@code --help} prints it.
 * Picocli's own help command takes one level only, so {@code help resync book} failed.
 */
@Command(name = "help", helpCommand = true, mixinStandardHelpOptions = true,
        description = "Shows the usage of a command (e.g. colophon help resync book).")
final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Callable<Integer> {

    @Parameters(paramLabel = "<command>", arity = "0..*", description = "The command, and its sub-command")
    List<String> path = new ArrayList<>();

    private CommandLine self;
    private PrintWriter out;
    private CommandLine.Help.ColorScheme colors;

    @Override
    public void init(CommandLine helpCommandLine, CommandLine.Help.ColorScheme colorScheme, PrintWriter out, PrintWriter err) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = out;
    }

    @Override
    public Integer call() {
        CommandLine command = self.getParent();
        for (String name : path) {
            CommandLine sub = command.getSubcommands().get(name);
            if (sub == null) {
                throw new Cli.UsageException("unknown command: " + String.join(" ", path) + " (see: colophon --help)");
            }
            command = sub;
        }
        command.usage(out, colors);
        return Cli.OK;
    }
}
