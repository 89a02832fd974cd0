package app.colophon;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import ch.qos.logback.core.util.FileSize;
import app.colophon.library.DataDirectory;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The application's log: {@code colophon.log} in the data folder's {@code logs/} (up to 4 files of 5 MB, each
 * owner-only), quiet third-party loggers. When the log cannot be opened, one line on stderr says so and warnings
 * and errors go to stderr; logback's own messages go nowhere — never to stdout, which carries the commands' output. Configured in code because parsing a {@code logback.xml} took about a fifth of a
 * command's start-up (Joran's XML machinery). A {@code logback-test.xml} on the class path, or
 * {@code -Dlogback.configurationFile}, still wins, so tests and users can log elsewhere.
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {

    static final String LOG_DIR_PROPERTY = "colophon.log.dir";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || LogConfigurator.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        // Logback prints its own status (38 lines and a stack trace when the file cannot be opened) to stdout unless
        // someone listens: stdout carries the command line's output, JSON included, so nothing of the log goes there.
        context.getStatusManager().add(new NopStatusListener());

        String dir = System.getProperty(LOG_DIR_PROPERTY,
                Path.of(System.getProperty("java.io.tmpdir"), "colophon-logs").toString());
        Path log = Path.of(dir, "colophon.log");

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        String problem = prepare(log);
        if (problem == null) {
            root.addAppender(new DeferredAppender(context, () -> rollingFile(context, dir, log)));
        } else {
            root.addAppender(stderrFallback(context));
            System.err.println("colophon: cannot write the log " + log + " (" + problem + "); warnings and errors go to stderr");
        }
        context.getLogger("org.apache.pdfbox").setLevel(Level.ERROR);
        context.getLogger("org.apache.fontbox").setLevel(Level.ERROR);
        context.getLogger("com.j256.ormlite").setLevel(Level.WARN);
        context.getLogger("nl.siegmann.epublib").setLevel(Level.ERROR);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** The log itself: {@code colophon.log} rolled over at 5 MB to {@code colophon.1.log}…{@code colophon.3.log}. */
    private static Appender<ILoggingEvent> rollingFile(LoggerContext context, String dir, Path log) {
        LogLine line = new LogLine();
        line.setContext(context);
        line.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(line);
        encoder.start();
        RollingFileAppender<ILoggingEvent> file = new PrivateRollingFileAppender();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(log.toString());
        file.setEncoder(encoder);

        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(Path.of(dir, "colophon.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(3);
        rolling.start();

        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf("5MB"));
        trigger.start();

        file.setRollingPolicy(rolling);
        file.setTriggeringPolicy(trigger);
        file.start();
        if (file.isStarted()) {
            return file;
        }
        System.err.println("colophon: cannot write the log " + log + " (it cannot be opened); warnings and errors go to stderr");
        return stderrFallback(context);
    }

    /** The log's folder, made owner-only when new, and the log itself owner-only; null, or what is wrong. */
    private static String prepare(Path log) {
        try {
            DataDirectory.createPrivateFolder(log.getParent());
            DataDirectory.createPrivateFile(log);
            // opened once here for what it says when it cannot be: logback itself only says "failed"
            java.nio.file.Files.newOutputStream(log, java.nio.file.StandardOpenOption.APPEND).close();
            return null;
        } catch (IOException | RuntimeException e) {
            return e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null ? fs.getReason()
                    : e.toString();
        }
    }

    /** Warnings and errors, one line each (a stack trace's first line), on stderr: never stdout. */
    private static ConsoleAppender<ILoggingEvent> stderrFallback(LoggerContext context) {
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDERR");
        console.setTarget("System.err");
        console.setEncoder(encoder(context, "colophon: %level %logger{0}: %msg%n%ex{short}"));
        ThresholdFilter warnings = new ThresholdFilter();
        warnings.setLevel("WARN");
        warnings.start();
        console.addFilter(warnings);
        console.start();
        return console;
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }

    /** Each log file it opens, the first and those after a roll-over, is made owner-only before it is written. */
    private static final class PrivateRollingFileAppender extends RollingFileAppender<ILoggingEvent> {
        @Override
        public void openFile(String fileName) throws IOException {
            DataDirectory.createPrivateFile(Path.of(fileName));
            super.openFile(fileName);
        }
    }
}
