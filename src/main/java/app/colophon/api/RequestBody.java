package app.colophon.api;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;

/** Reads a request body of bounded size: a larger one is refused (413) before or while it is read, never in full. */
final class RequestBody {

    private RequestBody() {
    }

    static byte[] read(HttpExchange exchange, int limit) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.strip());
            } catch (NumberFormatException e) {
                throw new ApiHandler.Failure(400, "Invalid Content-Length: " + declared);
            }
            if (length > limit) {
                throw tooLarge(limit);
            }
        }
        // A chunked body declares no length: stop one byte past the limit.
        InputStream in = exchange.getRequestBody();
        byte[] body = in.readNBytes(limit + 1);
        if (body.length > limit) {
            throw tooLarge(limit);
        }
        return body;
    }

    private static ApiHandler.Failure tooLarge(int limit) {
        return new ApiHandler.Failure(413, "Request body too large: at most " + limit + " bytes");
    }
}
