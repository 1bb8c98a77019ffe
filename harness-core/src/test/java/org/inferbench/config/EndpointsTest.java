package org.inferbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EndpointsTest {

    @Test
    void redactStripsUserInfoAndKeepsEverythingElse() {
        assertEquals("https://gateway.example:8443/api", Endpoints.redact("https://user:pass@gateway.example:8443/api"));
        assertEquals("http://127.0.0.1:11434", Endpoints.redact("http://token@127.0.0.1:11434"));
        assertEquals("http://127.0.0.1/", Endpoints.redact("http://u:p@ss@127.0.0.1/"), "up to the last @ of the authority");
        assertEquals("127.0.0.1:1", Endpoints.redact("u:p@127.0.0.1:1"), "without a scheme too");
    }

    @Test
    void redactLeavesUrlsWithoutUserInfoAlone() {
        for (String url : List.of("http://127.0.0.1:11434", "https://gateway.example/api/user@host",
                "http://127.0.0.1/?q=a@b", "http://[::1]:8080", "not a url", "")) {
            assertEquals(url, Endpoints.redact(url));
        }
    }

    @Test
    void acceptsBaseUrlsWithAnOptionalPathPrefix() {
        for (String url : List.of("http://127.0.0.1:11434", "HTTPS://gateway.example/api/", "http://[::1]:11436",
                "http://user:pass@127.0.0.1:1", "http://localhost")) {
            assertEquals(Optional.empty(), Endpoints.problem(url), url);
        }
    }

    @Test
    void namesWhatIsWrong() {
        assertTrue(Endpoints.problem("http://127.0.0.1:11434/v1/").orElseThrow().contains("appends /v1/chat/completions"));
        assertTrue(Endpoints.problem("http://127.0.0.1:11434/v1/chat/completions").isPresent());
        assertTrue(Endpoints.problem("http://127.0.0.1#frag").orElseThrow().contains("fragment"));
        assertTrue(Endpoints.problem("ws://127.0.0.1").orElseThrow().contains("http://"));
        assertTrue(Endpoints.problem("http:/127.0.0.1").orElseThrow().contains("must start with http://"));
        assertTrue(Endpoints.problem("http://bad_host:1").orElseThrow().contains("no valid host"));
    }

    @Test
    void normalizeDropsTrailingSlashesOnly() {
        assertEquals("http://127.0.0.1:1", Endpoints.normalize("http://127.0.0.1:1/"));
        assertEquals("https://gateway.example/api", Endpoints.normalize("https://gateway.example/api//"));
        assertEquals("http://127.0.0.1:1", Endpoints.normalize("http://127.0.0.1:1"));
    }
}
