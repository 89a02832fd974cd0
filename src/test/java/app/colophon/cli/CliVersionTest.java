package app.colophon.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code colophon --version} reports the version pom.xml gives (surefire passes it as colophon.expectedVersion). */
class CliVersionTest extends CliTest {

    @Test
    void versionPrintsThePomsVersion() {
        String pomVersion = System.getProperty("colophon.expectedVersion");
        assertThat(pomVersion).as("surefire's colophon.expectedVersion").matches("\\d+\\.\\d+\\.\\d+.*");

        Run version = runRaw("--version");

        assertThat(version.exitCode()).isZero();
        assertThat(version.out().strip()).isEqualTo("Colophon " + pomVersion);
    }
}
