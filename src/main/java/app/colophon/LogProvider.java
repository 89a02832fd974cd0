package app.colophon;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.util.StatusPrinter;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Logback, set up by {@link LogConfigurator} directly. SLF4J finds a provider with a {@code ServiceLoader} over
 * every jar, and logback's own then checks its jars' versions and looks for configurators the same way: ~40 ms of
 * each command's start-up CPU, half of it linking the string concatenations of code that runs once. {@link Main}
 * names this provider in {@code slf4j.provider}, so none of that runs; anything else (tests, other entry points)
 * gets logback's provider, which finds {@link LogConfigurator} as a service. A {@code logback-test.xml} or
 * {@code -Dlogback.configurationFile} still wins: logback's own configuration then runs.
 */
public final class LogProvider implements SLF4JServiceProvider {

    /** What SLF4J must be told to use this provider, and to keep its note that it does to itself. */
    static void install() {
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", LogProvider.class.getName());
            // SLF4J says on stderr which provider it was told to use, and that it replays what a thread logged while
            // another was setting the log up; stderr carries the command line's errors, one line each
            if (System.getProperty("slf4j.internal.verbosity") == null) {
                System.setProperty("slf4j.internal.verbosity", "ERROR");
            }
        }
    }

    private final LoggerContext context = new LoggerContext();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final LogbackMDCAdapter mdc = new LogbackMDCAdapter();

    @Override
    public void initialize() {
        context.setName(CoreConstants.DEFAULT_CONTEXT_NAME);
        context.setMDCAdapter(mdc);
        LogConfigurator configurator = new LogConfigurator();
        configurator.setContext(context);
        if (configurator.configure(context) != Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY) {
            try {
                new ContextInitializer(context).autoConfig();
            } catch (JoranException e) {
                StatusPrinter.printInCaseOfErrorsOrWarnings(context);
            }
        }
        context.start();
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return context;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }
}
