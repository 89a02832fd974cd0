package app.colophon;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-made log line reads exactly as the pattern it replaces, exceptions included. */
class LogLineTest {

    private static final String PATTERN = "%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n";

    @ParameterizedTest
    @CsvSource({
            "INFO, app.colophon.library.LibraryScanner, false",
            "WARN, app.colophon.store.somewhere.very.deep.inside.the.package.TreeOfClasses, false",
            "ERROR, org.apache.pdfbox.pdmodel.font.PDType1Font, true",
            "DEBUG, Short, true"})
    void aLineReadsAsThePatternWroteIt(String levelName, String logger, boolean withException) {
        Level level = Level.toLevel(levelName);
        LoggerContext context = new LoggerContext();
        LoggingEvent event = new LoggingEvent("fqcn", context.getLogger(logger), level, "Read {} of {} files",
                withException ? nested() : null, new Object[] {3, 7});
        event.setThreadName("colophon-reader-1-2");
        event.setTimeStamp(1_764_790_000_123L);

        PatternLayout pattern = new PatternLayout();
        pattern.setContext(context);
        pattern.setPattern(PATTERN);
        pattern.start();
        LogLine line = new LogLine();
        line.setContext(context);
        line.start();

        assertThat(line.doLayout(event)).isEqualTo(pattern.doLayout(event));
    }

    private static Throwable nested() {
        try {
            throw new IllegalStateException("outer", new java.io.IOException("disk said no"));
        } catch (IllegalStateException e) {
            return e;
        }
    }
}
