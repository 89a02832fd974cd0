package app.colophon.api;

import app.colophon.json.JsonView;
import app.colophon.library.Colophon;
import app.colophon.library.ColophonException;
import app.colophon.library.InvalidValueException;
import app.colophon.library.LibraryUnavailableException;
import app.colophon.library.NotFoundException;
import app.colophon.library.ParseFailedException;
import app.colophon.library.ResyncMode;
import app.colophon.library.ResyncResult;
import app.colophon.library.StorageTrouble;
import app.colophon.model.BookFile;
import app.colophon.model.BookWithFiles;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every request of the API, in this order: the Host (421), the token (401), the path (404), the method (405), the body (413, 400),
 * then the work (200, 404, 409 for a library folder that is not available, 422). Each answer is JSON; a failure is {@code {"error": "<one sentence>"}}.
 */
final class ApiHandler implements LoopbackHttpServer.Handler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

    /** {@code /books}, {@code /books/7}, {@code /books/7/resync}, the same for files; one trailing slash allowed. */
    private static final Pattern ROUTE = Pattern.compile("/(books|files)(?:/([^/]+)(/resync)?)?/?");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");
    private static final Pattern LOOPBACK_HOST = Pattern.compile("(?i)(127\\.0\\.0\\.1|localhost|\\[::1])(:[0-9]{1,5})?");
    private static final String BEARER = "bearer ";
    private static final String BODY_HELP = "send {\"mode\": \"scan\"}, {\"mode\": \"refresh\"} or {\"mode\": \"reset\"}"
            + " (or {\"refresh\": false|true})";

    private static final ObjectReader JSON_BODY = JsonView.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final Colophon app;
    private final ApiToken token;

    ApiHandler(Colophon app, ApiToken token) {
        this.app = app;
        this.token = token;
    }

    @Override
    public Answer handle(HttpRequest request) {
        try {
            return answer(request);
        } catch (Failure f) {
            return f.answer();
        } catch (NotFoundException e) {
            return Answer.error(404, e.getMessage());
        } catch (ParseFailedException e) {
            return Answer.error(422, e.getMessage());
        } catch (LibraryUnavailableException e) {
            return Answer.error(409, e.getMessage());
        } catch (ColophonException e) {
            LOG.error("API request {} {} failed", request.method(), request.path(), e);
            return Answer.error(500, e.getMessage());
        } catch (RuntimeException e) {
            if (StorageTrouble.diskFull(e) || StorageTrouble.readOnly(e)) {
                // the machine's trouble, not the API's: said as it is, with the status WebDAV made for it
                LOG.warn("API request {} {}: {}", request.method(), request.path(), e.getMessage());
                return Answer.error(507, e.getMessage());
            }
            LOG.error("API request {} {} failed", request.method(), request.path(), e);
            return Answer.error(500, "Internal error; the details are in Colophon's log");
        } catch (IOException | StackOverflowError | OutOfMemoryError e) {
            // logged to the log file, once, and answered: the server keeps serving the next requests
            LOG.error("API request {} {} failed", request.method(), request.path(), e);
            return Answer.error(500, "Internal error; the details are in Colophon's log");
        }
    }

    private Answer answer(HttpRequest exchange) throws IOException {
        checkHost(exchange);
        checkToken(exchange);
        String path = exchange.path();
        Matcher route = path == null ? null : ROUTE.matcher(path);
        if (route == null || !route.matches()) {
            throw new Failure(404, "No such endpoint: " + path + " (see docs/API.md)");
        }
        boolean books = route.group(1).equals("books");
        String id = route.group(2);
        boolean resync = route.group(3) != null;
        if (!books && id == null) {
            throw new Failure(404, "No such endpoint: " + path + " (a book lists its files: GET /books/<id>)");
        }
        String method = exchange.method();
        String allowed = resync ? "POST" : "GET";
        boolean head = !resync && method.equals("HEAD"); // a GET without its body
        if (!allowed.equals(method) && !head) {
            throw new Failure(405, "Method " + method + " is not allowed on " + path + "; use " + allowed)
                    .header("Allow", resync ? allowed : "GET, HEAD");
        }
        if (id == null) {
            long library = app.libraries().defaultLibrary().id();
            Set<Long> found = search(exchange, library);
            // streamed as it is read: a list of 100,000 books is never held in memory (three at once ran out of it)
            return Answer.ok((Streamed) out -> JsonView.writeSummaries(out,
                    each -> app.libraries().forEachSummary(library, b -> {
                        if (found == null || found.contains(b.id())) {
                            each.accept(b);
                        }
                    })));
        }
        String kind = books ? "book" : "file";
        long number = id(id, kind);
        if (resync) {
            ResyncMode mode = mode(exchange);
            ResyncResult result = books ? app.resync().resyncBook(number, mode) : app.resync().resyncFile(number, mode);
            return Answer.ok(resyncJson(result));
        }
        if (books) {
            return Answer.ok(JsonView.book(app.libraries().book(number)
                    .orElseThrow(() -> new NotFoundException("No book with id " + number))));
        }
        return Answer.ok(JsonView.file(file(number)));
    }

    /**
     * Only requests meant for this machine's loopback: a web page whose host name an attacker re-points at 127.0.0.1
     * (DNS rebinding) makes the browser send its requests here with that name as the {@code Host}. The token already
     * stops them; this refuses them before the token is even looked at (docs/API.md).
     */
    private static void checkHost(HttpRequest exchange) throws Failure {
        List<String> hosts = exchange.headers("Host");
        if (hosts.size() != 1 || !LOOPBACK_HOST.matcher(hosts.get(0)).matches()) {
            throw new Failure(421, hosts.isEmpty() ? "Missing Host header: send Host: 127.0.0.1:<port>"
                    : "This API answers only requests for 127.0.0.1, localhost or [::1], not for "
                    + HttpRequest.printable(String.join(", ", hosts)));
        }
    }

    private void checkToken(HttpRequest exchange) throws Failure {
        List<String> values = exchange.headers("Authorization");
        if (values == null || values.isEmpty()) {
            throw unauthorized("Missing token: send the header \"Authorization: Bearer <token>\" with the token from "
                    + "the file " + ApiToken.FILE_NAME + " in Colophon's data folder");
        }
        String value = values.get(0).strip();
        boolean bearer = values.size() == 1 && value.regionMatches(true, 0, BEARER, 0, BEARER.length());
        if (!bearer || !token.matches(value.substring(BEARER.length()).strip())) {
            throw unauthorized("Wrong token: use the one in the file " + ApiToken.FILE_NAME + " in Colophon's data folder");
        }
    }

    private static Failure unauthorized(String message) {
        return new Failure(401, message).header("WWW-Authenticate", "Bearer realm=\"colophon\"");
    }

    private static long id(String text, String kind) {
        if (!DIGITS.matcher(text).matches()) {
            throw new NotFoundException("No " + kind + " with id " + text);
        }
        return Long.parseLong(text);
    }

    private BookFile file(long fileId) {
        BookWithFiles book = app.libraries().bookOfFile(fileId)
                .orElseThrow(() -> new NotFoundException("No file with id " + fileId));
        return book.files().stream().filter(f -> f.id() == fileId).findFirst()
                .orElseThrow(() -> new NotFoundException("No file with id " + fileId));
    }

    /**
     * An updated book or file is the object itself, as {@code GET} shows it; when a book was updated from some of its
     * files only, {@code failures} and {@code removedFiles} are added, named as in the command line's resync JSON.
     */
    private static Map<String, Object> resyncJson(ResyncResult result) {
        if (result instanceof ResyncResult.Removed) {
            return JsonView.resync(result);
        }
        ResyncResult.Updated updated = (ResyncResult.Updated) result;
        if (updated.file() != null) {
            return JsonView.file(updated.file());
        }
        Map<String, Object> book = new LinkedHashMap<>(JsonView.book(updated.book()));
        if (!updated.failures().isEmpty()) {
            book.put("failures", updated.failures());
        }
        if (!updated.removedFiles().isEmpty()) {
            book.put("removedFiles", updated.removedFiles().stream().map(Object::toString).toList());
        }
        return book;
    }

    /**
     * The mode of a resync body: {@code {"mode": "scan"|"refresh"|"reset"}}, or the older {@code {"refresh": bool}};
     * with neither (no body, {@code {}}) or both, a scan. Other fields and other values are refused.
     */
    private static ResyncMode mode(HttpRequest exchange) throws IOException {
        byte[] body = exchange.body(ApiServer.MAX_BODY_BYTES);
        JsonNode json;
        try {
            json = body.length == 0 ? null : JSON_BODY.readTree(body);
        } catch (JsonProcessingException e) {
            throw new Failure(400, "Malformed JSON body (" + e.getOriginalMessage() + "); " + BODY_HELP);
        }
        if (json == null || json.isMissingNode()) {
            return ResyncMode.SCAN;
        }
        if (!json.isObject()) {
            throw new Failure(400, "The body must be a JSON object: " + BODY_HELP);
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("refresh") && !name.equals("mode")) {
                throw new Failure(400, "Unknown field \"" + name + "\" in the body: " + BODY_HELP);
            }
        }
        JsonNode refresh = json.get("refresh");
        if (refresh != null && !refresh.isBoolean()) {
            throw new Failure(400, "\"refresh\" must be true or false: " + BODY_HELP);
        }
        JsonNode mode = json.get("mode");
        ResyncMode named = null;
        if (mode != null) {
            named = MODES.get(mode.isTextual() ? mode.asText() : "");
            if (named == null) {
                throw new Failure(400, "Unknown mode " + mode + ": \"mode\" must be \"scan\", \"refresh\" or \"reset\"");
            }
        }
        if (named != null && refresh == null) {
            return named;
        }
        if (refresh != null && named == null) {
            return refresh.booleanValue() ? ResyncMode.REFRESH : ResyncMode.SCAN;
        }
        return ResyncMode.SCAN; // neither, or both: a scan, which loses nothing
    }

    private static final Map<String, ResyncMode> MODES = Map.of("scan", ResyncMode.SCAN, "refresh", ResyncMode.REFRESH,
            "reset", ResyncMode.RESET);

    /** A body written as it is made, straight to the connection (its length is not known beforehand). */
    interface Streamed {
        void writeTo(java.io.OutputStream out) throws IOException;
    }

    /** What to send back: a status, a JSON value (or a {@link Streamed} one), extra headers. */
    record Answer(int status, Object json, Map<String, String> headers) {
        static Answer ok(Object json) {
            return new Answer(200, json, Map.of());
        }

        byte[] bytes() {
            return (JsonView.write(json) + "\n").getBytes(StandardCharsets.UTF_8);
        }

        static Answer error(int status, String message) {
            return new Answer(status, Map.of("error", message == null ? "Error " + status : message), Map.of());
        }
    }

    /** A request the API answers with an error status of its own (400, 401, 404, 405, 408, 413 …). */
    /** The ids {@code ?q=} selects (the window's search language), or null without one; a malformed query is a 400. */
    private Set<Long> search(HttpRequest exchange, long library) throws Failure {
        String query;
        try {
            query = exchange.parameter("q");
        } catch (IllegalArgumentException e) {
            throw new Failure(400, "Malformed query string: " + e.getMessage());
        }
        if (query == null) {
            return null;
        }
        try {
            return app.libraries().search(library, query);
        } catch (InvalidValueException e) {
            throw new Failure(400, e.getMessage());
        }
    }

    static final class Failure extends IOException {
        private final int status;
        private final Map<String, String> headers = new LinkedHashMap<>();

        Failure(int status, String message) {
            super(message);
            this.status = status;
        }

        Failure header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Answer answer() {
            return new Answer(status, Map.of("error", getMessage()), Map.copyOf(headers));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d %s", status, getMessage());
        }
    }
}
