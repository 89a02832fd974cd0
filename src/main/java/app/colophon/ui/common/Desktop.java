package app.colophon.ui.common;

import java.util.prefs.Preferences;

/**
 * What a window asks of the desktop around it: where to remember its state, how to open files and show folders,
 * and how to ask for a folder. The app passes the real ones, the tests their own.
 */
public record Desktop(Preferences prefs, FileLauncher files, FolderPicker folderPicker) {
}
