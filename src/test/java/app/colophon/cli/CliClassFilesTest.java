package app.colophon.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * picocli is compiled from its sources with the app's own (pom.xml): its published jar holds Java 5 class files,
 * which class-data sharing cannot archive and the JVM verifies the slow old way at every start of a command.
 */
class CliClassFilesTest {

    @Test
    void picocliComesFromTheAppsOwnClassesCompiledForJava17() throws IOException {
        assertThat(CommandLine.class.getProtectionDomain().getCodeSource().getLocation())
                .isEqualTo(Cli.class.getProtectionDomain().getCodeSource().getLocation());
        assertThat(majorVersion(CommandLine.class)).isGreaterThanOrEqualTo(61);
    }

    private static int majorVersion(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class");
             DataInputStream data = new DataInputStream(in)) {
            data.readInt(); // magic
            data.readUnsignedShort(); // minor
            return data.readUnsignedShort();
        }
    }
}
