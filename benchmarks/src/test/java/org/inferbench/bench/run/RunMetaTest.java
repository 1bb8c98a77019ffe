package org.inferbench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Issue 9: the meta's URLs from the environment are recorded by one function, without their secrets. */
class RunMetaTest {

    @Test
    void routeAndLlamaCppUrlLoseTheirUserInfoQueryValuesAndFragment() {
        assertEquals("https://gw.example/route?key=<redacted>&region=<redacted>#<redacted>",
                RunMeta.recorded("https://alice:s3cret@gw.example/route?key=sk-live-1&region=eu#access_token=t0k"));
        assertEquals("http://127.0.0.1:11436", RunMeta.recorded("http://bob:pw@127.0.0.1:11436"));
        // OkHttp sends to "http:/user:pw@host" as to "http://user:pw@host": the recording reads it the same way.
        assertEquals("http://127.0.0.1:18737/gw", RunMeta.recorded("http:/gwuser:gwpass@127.0.0.1:18737/gw"));
        assertEquals("https://gw.example/?<redacted>", RunMeta.recorded("https://gw.example/?sk-bare-token"));
        assertEquals("gateway", RunMeta.recorded("gateway"));
        assertNull(RunMeta.recorded(null));
    }
}
