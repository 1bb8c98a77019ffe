package org.inferbench.call.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.inferbench.call.CallRequest;
import org.inferbench.config.Prompt;
import org.inferbench.testing.WireFixtures;
import org.junit.jupiter.api.Test;

class ServerMessagesTest {

    private final ServerMessages messages = new ServerMessages(List.of());

    /** The bodies of wire/llamacpp-errors.txt and wire/ollama-errors.txt, line after each comment. */
    @Test
    void readsBothEnginesErrorBodies() {
        List<String> llamacpp = bodies("llamacpp-errors.txt");
        assertEquals(Optional.of("Loading model"), messages.fromErrorBody(llamacpp.get(0)));
        assertEquals(Optional.of("the request exceeds the available context size"),
                messages.fromErrorBody(llamacpp.get(1)));

        List<String> ollama = bodies("ollama-errors.txt");
        assertEquals(Optional.of("model 'x' not found"), messages.fromErrorBody(ollama.get(0)));
        assertEquals(Optional.of("server busy, please try again.  maximum pending requests exceeded"),
                messages.fromErrorBody(ollama.get(1)));
    }

    @Test
    void shortPlainTextIsTheMessageButHtmlAndMessagelessJsonAreNot() {
        assertEquals(Optional.of("404 page not found"), messages.fromErrorBody("404 page not found\n"));
        assertEquals(Optional.empty(), messages.fromErrorBody("<html><body>Bad Gateway</body></html>"));
        assertEquals(Optional.empty(), messages.fromErrorBody("{\"detail\":\"nope\"}"));
        assertEquals(Optional.empty(), messages.fromErrorBody("{not json"));
        assertEquals(Optional.empty(), messages.fromErrorBody(""));
    }

    @Test
    void aMessageBecomesOneLineOfBoundedLength() {
        assertEquals(Optional.of("line one  line two"), messages.fromErrorBody("{\"error\":\"line one\\r\\nline two\"}"));
        String longMessage = "x".repeat(1000);
        String tidy = messages.fromErrorBody("{\"error\":\"" + longMessage + "\"}").orElseThrow();
        assertEquals(ServerMessages.MAX_CHARS, tidy.length());
        assertEquals("xxx...", tidy.substring(tidy.length() - 6));
    }

    @Test
    void cuttingNeverSplitsACharacter() {
        String message = "x".repeat(ServerMessages.MAX_CHARS - 4) + "\ud83d\udc1f".repeat(10);
        String tidy = messages.fromErrorBody("{\"error\":\"" + message + "\"}").orElseThrow();
        assertEquals("x".repeat(ServerMessages.MAX_CHARS - 4) + "...", tidy);
    }

    @Test
    void theCallsSecretsAreRedactedWhereverTheyAppear() {
        CallRequest request = CallRequest.of("http://alice:p%40ss@127.0.0.1:1", "m", new Prompt("P", "i", "hi\n", 4))
                .withBearerToken("sk-live-123");
        ServerMessages redacting = ServerMessages.forRequest(request);
        assertEquals("bad key <redacted> for <redacted> (<redacted> / <redacted>)",
                redacting.redact("bad key sk-live-123 for alice (p@ss / p%40ss)"));
    }

    /** Without a token the user info goes as Basic auth: a server quoting that header quotes it in base64. */
    @Test
    void theBasicCredentialsTheUserInfoIsSentAsAreRedactedToo() {
        CallRequest request = CallRequest.of("http://alice:p%40ss@127.0.0.1:1", "m", new Prompt("P", "i", "hi\n", 4));
        String basic = Base64.getEncoder().encodeToString("alice:p@ss".getBytes(StandardCharsets.UTF_8));

        assertEquals("rejected: Authorization: Basic <redacted>",
                ServerMessages.forRequest(request).redact("rejected: Authorization: Basic " + basic));
    }

    private static List<String> bodies(String file) {
        return WireFixtures.read(file).lines().filter(line -> !line.startsWith("#")).toList();
    }
}
