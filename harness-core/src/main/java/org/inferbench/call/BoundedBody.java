package org.inferbench.call;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Reads a whole response body, but never more than a limit: for side requests (health checks,
 * {@code /v1/models}, {@code /props}, {@code /api/*}) whose bodies are read whole. A hostile or
 * broken server can answer with an endless body; {@code ResponseBody.string()} would hold it all.
 */
public final class BoundedBody {

    private BoundedBody() {
    }

    /**
     * The body as text (the charset of its content type, else UTF-8; malformed bytes replaced),
     * reading at most {@code limit + 1} bytes. Does not close the body.
     *
     * @throws TooLargeException when the body (or its declared Content-Length) is over {@code limit}
     *                           bytes; its message is {@code body over N bytes}
     * @throws IOException       when reading fails
     */
    public static String read(ResponseBody body, long limit) throws IOException {
        if (limit < 0) {
            throw new IllegalArgumentException("limit < 0");
        }
        if (body.contentLength() > limit) {
            throw new TooLargeException(limit);
        }
        BufferedSource source = body.source();
        if (source.request(limit + 1)) {
            throw new TooLargeException(limit);
        }
        MediaType type = body.contentType();
        Charset charset = type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
        return source.readString(charset);
    }

    /** The body was larger than the limit: {@code body over N bytes}. */
    public static final class TooLargeException extends IOException {

        private static final long serialVersionUID = 1L;

        private final long limit;

        public TooLargeException(long limit) {
            super("body over " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }
}
