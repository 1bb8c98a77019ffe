package org.inferbench.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import okhttp3.Credentials;
import org.junit.jupiter.api.Test;

/** The one HTTP path to an engine: the measured call and every side request build URL and credentials here. */
class EngineEndpointTest {

    private static EngineEndpoint endpoint(String text) throws Exception {
        return EngineEndpoint.parse(text);
    }

    @Test
    void pathsGoAfterAnyPrefixAndTheUserInfoNeverInTheUrl() throws Exception {
        assertEquals("http://127.0.0.1:11436/health", endpoint("http://127.0.0.1:11436").url("/health").toString());
        assertEquals("http://127.0.0.1:11436/health", endpoint("http://127.0.0.1:11436/").url("health").toString());
        assertEquals("https://gateway.example/llm/v1/chat/completions",
                endpoint("https://u:p@gateway.example/llm").url("v1/chat/completions").toString());
        assertEquals("https://gateway.example/llm/api/ps", endpoint("https://gateway.example/llm/").url("/api/ps")
                .toString());
    }

    @Test
    void theBearerTokenWinsElseTheUserInfoInUtf8EvenWithAnEmptyName() throws Exception {
        assertEquals(Optional.of("Bearer sk-1"), endpoint("http://u:p@h:1").authorization(Optional.of("sk-1")));
        assertEquals(Optional.of(Credentials.basic("ü", "pässword", StandardCharsets.UTF_8)),
                endpoint("http://%C3%BC:p%C3%A4ssword@h:1").authorization(Optional.empty()));
        assertEquals(Optional.of(Credentials.basic("", "secret", StandardCharsets.UTF_8)),
                endpoint("http://:secret@h:1").authorization(Optional.empty()), "a password without a name is sent");
        assertEquals(Optional.empty(), endpoint("http://h:1").authorization(Optional.of(" ")));
    }

    @Test
    void anEndpointThatIsNotAUrlIsRefusedWithoutItsUserInfo() {
        EngineEndpoint.InvalidEndpointException e = assertThrows(EngineEndpoint.InvalidEndpointException.class,
                () -> EngineEndpoint.parse("ftp://user:hunter2@h:1"));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertFalse(endpointUnchecked("http://user:hunter2@h:1").toString().contains("hunter2"));
    }

    private static EngineEndpoint endpointUnchecked(String text) {
        try {
            return EngineEndpoint.parse(text);
        } catch (EngineEndpoint.InvalidEndpointException e) {
            throw new AssertionError(e);
        }
    }
}
