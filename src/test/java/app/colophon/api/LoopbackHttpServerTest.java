package app.colophon.api;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The server itself, with a handler that fails the way nothing should: it answers 500, logs, and serves on. */
class LoopbackHttpServerTest {

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(LoopbackHttpServer.class);

    @BeforeEach
    void captureTheLog() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void releaseTheLog() {
        logger.detachAppender(log);
    }

    @ParameterizedTest
    @ValueSource(strings = {"OutOfMemoryError", "StackOverflowError", "IllegalStateException"})
    void aHandlerThatThrowsIsAnswered500AndLoggedAndTheNextRequestIsServed(String failure) throws IOException {
        AtomicInteger calls = new AtomicInteger();
        LoopbackHttpServer.Handler handler = request -> {
            if (calls.incrementAndGet() == 1) {
                switch (failure) {
                    case "OutOfMemoryError" -> throw new OutOfMemoryError("Java heap space");
                    case "StackOverflowError" -> throw new StackOverflowError();
                    default -> throw new IllegalStateException("a bug");
                }
            }
            return ApiHandler.Answer.ok(Map.of("ok", true));
        };
        try (LoopbackHttpServer server = LoopbackHttpServer.start(InetAddress.getLoopbackAddress(), 0, handler)) {
            String first = exchange(server.port());
            String second = exchange(server.port());

            assertThat(first).startsWith("HTTP/1.1 500 Internal Server Error\r\n")
                    .contains("\"error\" : \"Internal error; the details are in Colophon's log\"");
            assertThat(second).startsWith("HTTP/1.1 200 OK\r\n");
            assertThat(log.list).anySatisfy(e -> {
                assertThat(e.getFormattedMessage()).isEqualTo("API request GET /books failed");
                assertThat(e.getThrowableProxy().getClassName()).endsWith(failure);
            });
        }
    }

    private static String exchange(int port) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /books HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
