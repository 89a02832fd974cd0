package app.colophon;

import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.util.CachingDateFormatter;

/**
 * The log's line, as the pattern {@code %d{ISO8601} %-5level [%thread] %logger{36} - %msg%n} gave it, then the
 * exception's stack trace, written by hand: logback's {@code PatternLayout} makes some sixty converter lambdas when it
 * is first used, hidden classes that the class-data archive cannot keep, on the way of every start (docs/DECISIONS.md).
 */
final class LogLine extends LayoutBase<ILoggingEvent> {

    private final CachingDateFormatter dates = new CachingDateFormatter(CoreConstants.ISO8601_PATTERN);
    private final TargetLengthBasedClassNameAbbreviator names = new TargetLengthBasedClassNameAbbreviator(36);

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(160);
        line.append(dates.format(event.getTimeStamp())).append(' ');
        String level = event.getLevel().toString();
        line.append(level).append(" ".repeat(Math.max(0, 5 - level.length())));
        line.append(" [").append(event.getThreadName()).append("] ").append(names.abbreviate(event.getLoggerName()))
                .append(" - ").append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            line.append(ThrowableProxyUtil.asString(thrown));
        }
        return line.toString();
    }
}
