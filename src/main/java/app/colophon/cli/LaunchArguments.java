package app.colophon.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What {@code main} needs to know of the arguments before picocli parses them: the data folder, the command, and
 * whether they ask only for help. The one place that reads them by hand.
 *
 * @param dataDir  the value of {@code --data-dir}, or null
 * @param command  the first argument that is neither an option nor the value of {@code --data-dir}, or ""
 * @param options  whether any option other than {@code --data-dir} was given
 * @param helpOnly whether {@code --help}, {@code -h}, {@code --version}, {@code -V} or the {@code help} command was given
 * @param operands the arguments after the command that are neither options nor the value of {@code --data-dir}
 *                 (the folders of {@code scan}); all of them once an argument is {@code --}
 */
public record LaunchArguments(Path dataDir, String command, boolean options, boolean helpOnly, List<String> operands) {

    private static final Set<String> HELP = Set.of("--help", "-h", "--version", "-V");

    public static LaunchArguments of(String[] args) {
        Path dataDir = null;
        String command = "";
        boolean options = false;
        boolean help = false;
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--") && !command.isEmpty()) {
                operands.addAll(Arrays.asList(args).subList(i + 1, args.length));
                break;
            } else if (a.equals("--data-dir")) {
                if (i + 1 < args.length) {
                    dataDir = Path.of(args[++i]);
                }
            } else if (a.startsWith("--data-dir=")) {
                dataDir = Path.of(a.substring("--data-dir=".length()));
            } else if (a.startsWith("-")) {
                options = true;
                help |= HELP.contains(a);
            } else if (command.isEmpty()) {
                command = a;
                help |= a.equals("help");
            } else {
                operands.add(a);
            }
        }
        return new LaunchArguments(dataDir, command, options, help, List.copyOf(operands));
    }

    /** No command and no option but {@code --data-dir}: the window, on that data folder. */
    public boolean opensWindow() {
        return command.isEmpty() && !options;
    }
}
