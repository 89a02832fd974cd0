package app.colophon.cli;

import app.colophon.library.Colophon;
import app.colophon.library.DataDirectory;
import picocli.CommandLine.ParentCommand;

/** Base of the commands that open the user's data folder. */
abstract class Session {

    abstract Cli root();

    Colophon open() {
        return EarlyOpen.open(DataDirectory.resolve(root().dataDir));
    }

    /** For commands directly under the root command. */
    abstract static class Top extends Session {
        @ParentCommand
        Cli cli;

        @Override
        Cli root() {
            return cli;
        }
    }
}
