package app.colophon.ui.common;

import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/** Asks the user for a folder; the native chooser in the app, a fixed answer in tests. */
@FunctionalInterface
public interface FolderPicker {

    Optional<Path> pick(Window owner);

    static FolderPicker chooser() {
        return owner -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Choose a folder of books");
            File folder = chooser.showDialog(owner);
            return Optional.ofNullable(folder).map(File::toPath);
        };
    }
}
