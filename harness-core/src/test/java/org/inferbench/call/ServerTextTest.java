package org.inferbench.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.inferbench.config.Defaults;
import org.inferbench.record.Json;
import org.junit.jupiter.api.Test;

/** Issue 9: every string a server sends is bounded, printable and free of the request's secrets. */
class ServerTextTest {

    private static final String TOKEN = "sk-live-0123456789";

    private final ServerText plain = ServerText.redacting(List.of());

    @Test
    void anEchoedBearerHeaderLosesItsToken() {
        ServerText text = ServerText.forCredentials("http://127.0.0.1:1", Optional.of(TOKEN));

        assertEquals("bad Authorization: Bearer <redacted>", text.clean("bad Authorization: Bearer " + TOKEN));
        assertEquals("key <redacted> rejected", text.clean("key " + TOKEN + " rejected"));
    }

    @Test
    void anEchoedBasicHeaderLosesTheUserInfoInEveryForm() {
        ServerText text = ServerText.forCredentials("http://alice:p%40ss@127.0.0.1:1", Optional.empty());
        String base64 = Base64.getEncoder().encodeToString("alice:p@ss".getBytes(StandardCharsets.UTF_8));

        assertEquals("Authorization: Basic <redacted>", text.clean("Authorization: Basic " + base64));
        assertEquals("<redacted> then <redacted>", text.clean(base64 + " then alice:p@ss"));
        assertEquals("user <redacted> pass <redacted> / <redacted>", text.clean("user alice pass p@ss / p%40ss"));
    }

    /** A gateway answering "no route for <path>?key=..." must not put its key in the ledger. */
    @Test
    void anEchoedQueryKeyIsRedactedButAShortFlagValueStaysReadable() {
        ServerText text = ServerText.forCredentials("http://127.0.0.1:1/gw?key=SECRETKEY123&v=1", Optional.empty());

        assertEquals("HTTP 404: no route for /gw/v1/chat/completions?<redacted>&<redacted>",
                text.clean("HTTP 404: no route for /gw/v1/chat/completions?key=SECRETKEY123&v=1"));
        assertEquals("the key <redacted> is unknown; retry 1 time",
                text.clean("the key SECRETKEY123 is unknown; retry 1 time"));
    }

    /** Someone else's credential (a proxy's) is no better to publish than ours. */
    @Test
    void anyQuotedCredentialIsRedacted() {
        assertEquals("Bearer <redacted> and basic <redacted>",
                plain.clean("Bearer abcdefghijklmnop and basic YWxpY2U6czNjcmV0"));
        assertEquals("Bearer token", plain.clean("Bearer token")); // a word, not a credential
    }

    @Test
    void controlCharactersAndEscapesNeverReachAConsole() {
        assertEquals("red text", plain.clean("\u001B[31mred\u001B[0m text"));
        assertEquals("title", plain.clean("\u001B]0;evil\u0007title"));
        assertEquals("a b c d", plain.clean("a\rb\nc\u0085d"));
        assertEquals("abc", plain.clean("\u202Eabc").strip());
        assertEquals("x\uFFFDy", plain.clean("x\ud800y"));
        assertEquals("", plain.clean("\u0000\u0007"));
        assertNull(plain.clean((String) null));
    }

    @Test
    void aLongTextIsCutAndSaysSo() {
        String cleaned = plain.clean("y".repeat(10_000));
        assertEquals(Defaults.MAX_SERVER_TEXT_CHARS, cleaned.length());
        assertTrue(cleaned.endsWith("yy..."));
        assertEquals("abcd...", plain.clean("abcdefghij", 7));
    }

    /** A secret must be gone before the cut, or the cut could keep half of it. */
    @Test
    void redactionHappensBeforeTheCut() {
        ServerText text = ServerText.forCredentials("http://127.0.0.1:1", Optional.of(TOKEN));
        String cleaned = text.clean("x".repeat(190) + TOKEN, 200);
        assertFalse(cleaned.contains("sk-live"), cleaned);
    }

    @Test
    void timingsKeepNumbersAndCleanEverythingElse() throws Exception {
        ServerText text = ServerText.forCredentials("http://127.0.0.1:1", Optional.of(TOKEN));
        JsonNode timings = Json.mapper().readTree("{\"prompt_n\":5,\"prompt_ms\":1.5,\"\\u001b[2Jkey\":\"v\\u0007"
                + TOKEN + "\",\"nested\":{\"a\":1},\"list\":[1]}");

        assertEquals("{\"prompt_n\":5,\"prompt_ms\":1.5,\"key\":\"v <redacted>\"}",
                Json.mapper().writeValueAsString(text.clean(timings)));
        assertNull(text.clean((JsonNode) null));
    }

    @Test
    void timingsWithEndlessKeysAreBounded() throws Exception {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < 1000; i++) {
            json.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        JsonNode timings = Json.mapper().readTree(json.append("}").toString());

        assertEquals(Defaults.MAX_SERVER_OBJECT_FIELDS, plain.clean(timings).size());
    }

    @Test
    void toStringNeverShowsASecret() {
        assertFalse(ServerText.forCredentials("http://127.0.0.1:1", Optional.of(TOKEN)).toString().contains(TOKEN));
    }
}
