package app.colophon.ui.common;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.prefs.Preferences;

/**
 * What a window asks of the desktop around it: where to remember its state, how to show a folder in the file
 * manager and how to ask for a folder. The app passes the real ones, the tests their own.
 */
public record Desktop(Preferences prefs, Consumer<Path> showFolder, FolderPicker folderPicker) {
}
