package org.inferbench.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.junit.jupiter.api.Test;

/** Side requests read whole bodies; an endless one must end at the limit with a clear message. */
class BoundedBodyTest {

    private static final MediaType TEXT = MediaType.get("text/plain; charset=utf-8");

    @Test
    void aBodyWithinTheLimitIsReadWhole() throws IOException {
        assertEquals("ok\u00e9", BoundedBody.read(ResponseBody.create("ok\u00e9", TEXT), 5));
        assertEquals("", BoundedBody.read(ResponseBody.create("", TEXT), 0));
    }

    @Test
    void aBodyOverTheLimitIsRefusedWithItsSize() {
        BoundedBody.TooLargeException e = assertThrows(BoundedBody.TooLargeException.class,
                () -> BoundedBody.read(ResponseBody.create("123456", TEXT), 5));
        assertEquals("body over 5 bytes", e.getMessage());
    }

    /** Like /dev/zero behind a socket with no Content-Length: reading stops after limit + 1 bytes. */
    @Test
    void anEndlessBodyEndsAtTheLimit() {
        BufferedSource endless = Okio.buffer(new Source() {
            @Override
            public long read(Buffer sink, long byteCount) {
                long n = Math.min(byteCount, 8192);
                sink.write(new byte[(int) n]);
                return n;
            }

            @Override
            public Timeout timeout() {
                return Timeout.NONE;
            }

            @Override
            public void close() {
            }
        });
        ResponseBody body = ResponseBody.create(endless, TEXT, -1);

        BoundedBody.TooLargeException e = assertThrows(BoundedBody.TooLargeException.class,
                () -> BoundedBody.read(body, 64 * 1024));
        assertEquals("body over 65536 bytes", e.getMessage());
    }
}
