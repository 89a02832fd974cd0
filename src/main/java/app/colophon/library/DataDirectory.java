package app.colophon.library;

import app.colophon.store.PrivateFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where a user's database lives: {@code --data-dir}, else {@code COLOPHON_HOME}, else the platform's data folder. */
public final class DataDirectory {

    public static final String DATABASE_FILE = "colophon.db";

    private DataDirectory() {
    }

    public static Path resolve(Path explicit, Map<String, String> env, String osName, Path home) {
        if (explicit != null) {
            return explicit.toAbsolutePath();
        }
        String configured = env.get("COLOPHON_HOME");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return (appData != null ? Path.of(appData) : home.resolve("AppData").resolve("Roaming")).resolve("Colophon");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Colophon");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share")).resolve("colophon");
    }

    /** Creates a folder (and its missing parents) owner-only; an existing folder is left as it is. */
    public static void createPrivateFolder(Path folder) throws IOException {
        PrivateFiles.createFolder(folder);
    }

    /** Creates an empty owner-only file unless it exists, and makes an existing one owner-only. */
    public static void createPrivateFile(Path file) throws IOException {
        PrivateFiles.createFile(file);
    }

    public static Path resolve(Path explicit) {
        return resolve(explicit, System.getenv(), System.getProperty("os.name"), Path.of(System.getProperty("user.home")));
    }
}
