package app.colophon;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;

import java.util.function.Supplier;

/**
 * An appender made when the first line is logged. Most commands log nothing, and setting up the log file (its
 * rolling policy's name pattern, the date format, opening the file) was ~20 ms of each command's start-up CPU.
 * {@link AppenderBase#doAppend} is synchronized: the appender is made once, by the first thread to log.
 */
final class DeferredAppender extends AppenderBase<ILoggingEvent> {

    private final Supplier<Appender<ILoggingEvent>> make;
    private Appender<ILoggingEvent> made;

    DeferredAppender(LoggerContext context, Supplier<Appender<ILoggingEvent>> make) {
        this.make = make;
        setContext(context);
        setName("DEFERRED");
        start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (made == null) {
            made = make.get();
        }
        made.doAppend(event);
    }

    @Override
    public synchronized void stop() {
        if (made != null) {
            made.stop();
        }
        super.stop();
    }
}
