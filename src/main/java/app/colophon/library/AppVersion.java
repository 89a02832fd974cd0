package app.colophon.library;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Colophon's version, as pom.xml says: Maven writes it into {@code app/colophon/version.properties} when it
 * copies the resources, so {@code mvn compile javafx:run}, the jar and the installers all report the same one.
 */
public final class AppVersion {

    static final String RESOURCE = "/app/colophon/version.properties";
    /** What a build that bypassed Maven's resource filtering (e.g. an IDE's own compiler) reports. */
    static final String UNKNOWN = "unknown (not built by Maven)";
    private static final String VERSION = read();

    private AppVersion() {
    }

    /** E.g. {@code 0.1.0}. */
    public static String current() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = AppVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "").trim();
            return v.isEmpty() || v.contains("${") ? UNKNOWN : v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
