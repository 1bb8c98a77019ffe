package org.inferbench.call.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import okhttp3.Request;
import org.inferbench.call.CallRequest;
import org.inferbench.config.Prompt;
import org.junit.jupiter.api.Test;

class ChatRequestsTest {

    private static final Prompt EASY = new Prompt("P-EASY", "trivial single-token response space", "hi\n", 64);

    /** SPEC section 2's body, key order included, with the sampling settings sent explicitly. */
    @Test
    void bodyIsTheSpecsJsonInOrder() {
        CallRequest call = CallRequest.of("http://127.0.0.1:11436", "qwen3.5:0.8b", EASY);
        assertEquals("{\"model\":\"qwen3.5:0.8b\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\\n\"}],"
                        + "\"max_tokens\":64,\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                        + "\"temperature\":0.0,\"top_p\":1.0}",
                new String(ChatRequests.body(call), StandardCharsets.UTF_8));
    }

    /** llama.cpp's cold call: the one extra key, last, and only when asked for. */
    @Test
    void withoutPromptCacheAddsCachePromptFalse() {
        CallRequest call = CallRequest.of("http://127.0.0.1:11436", "tiny", EASY).withoutPromptCache();
        assertEquals("{\"model\":\"tiny\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\\n\"}],"
                        + "\"max_tokens\":64,\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                        + "\"temperature\":0.0,\"top_p\":1.0,\"cache_prompt\":false}",
                new String(ChatRequests.body(call), StandardCharsets.UTF_8));
        assertEquals(true, call.withBearerToken("t").withHeaders(Map.of()).skipPromptCache());
    }

    @Test
    void pathIsAppendedAfterAnyPrefix() throws Exception {
        assertEquals("/v1/chat/completions", build("http://127.0.0.1:11436").url().encodedPath());
        assertEquals("/v1/chat/completions", build("http://127.0.0.1:11436/").url().encodedPath());
        assertEquals("/llm/v1/chat/completions", build("http://127.0.0.1:8080/llm").url().encodedPath());
        assertEquals("/llm/v1/chat/completions", build("http://127.0.0.1:8080/llm/").url().encodedPath());
    }

    @Test
    void userInfoLeavesTheUrlAndBecomesBasicAuth() throws Exception {
        Request request = build("http://alice:s3cret@127.0.0.1:11436");
        assertEquals("", request.url().username());
        assertEquals("", request.url().password());
        assertEquals("http://127.0.0.1:11436/v1/chat/completions", request.url().toString());
        assertEquals("Basic YWxpY2U6czNjcmV0", request.header("Authorization"));
    }

    @Test
    void aBearerTokenWinsOverUserInfoAndOverAnExtraHeader() throws Exception {
        CallRequest call = CallRequest.of("http://alice:s3cret@127.0.0.1:11436", "m", EASY)
                .withHeaders(Map.of("Authorization", "Basic other"))
                .withBearerToken("sk-1");
        assertEquals("Bearer sk-1", ChatRequests.build(call, "ua").header("Authorization"));
    }

    @Test
    void aBlankTokenIsNoToken() throws Exception {
        CallRequest call = CallRequest.of("http://127.0.0.1:11436", "m", EASY).withBearerToken("  ");
        assertNull(ChatRequests.build(call, "ua").header("Authorization"));
    }

    @Test
    void extraHeadersAreSentAsGivenAndAcceptEncodingIsLeftToOkHttp() throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Weeyuga-Test", "true");
        headers.put("X-Weeyuga-Benchmark-Cell-Id", "pavilion:llamacpp:qwen3.5:0.8b");
        Request request = ChatRequests.build(
                CallRequest.of("http://127.0.0.1:11436", "m", EASY).withHeaders(headers), "inferbench/test");
        assertEquals("true", request.header("X-Weeyuga-Test"));
        assertEquals("pavilion:llamacpp:qwen3.5:0.8b", request.header("X-Weeyuga-Benchmark-Cell-Id"));
        assertEquals("text/event-stream", request.header("Accept"));
        assertEquals("inferbench/test", request.header("User-Agent"));
        assertNull(request.header("Accept-Encoding"));
        assertEquals("POST", request.method());
        assertEquals("application/json", request.body().contentType().toString());
    }

    @Test
    void anEndpointThatIsNotAUrlIsRefusedWithoutQuotingIt() {
        InvalidCallRequestException e = assertThrows(InvalidCallRequestException.class,
                () -> build("ftp://alice:s3cret@host"));
        assertEquals("endpoint is not an http(s) URL", e.getMessage());
    }

    @Test
    void aBadHeaderValueNamesTheHeaderButNotTheValue() {
        CallRequest call = CallRequest.of("http://127.0.0.1:1", "m", EASY).withHeaders(Map.of("X-Run", "a\nb"));
        InvalidCallRequestException e = assertThrows(InvalidCallRequestException.class,
                () -> ChatRequests.build(call, "ua"));
        assertEquals("invalid value of extra header X-Run", e.getMessage());
    }

    @Test
    void aTokenThatIsNotAHeaderValueIsRefusedWithoutQuotingIt() {
        CallRequest call = new CallRequest("http://127.0.0.1:1", "m", EASY, 0, 1, Map.of(),
                Optional.of("sk-\nsecret"));
        InvalidCallRequestException e = assertThrows(InvalidCallRequestException.class,
                () -> ChatRequests.build(call, "ua"));
        assertEquals("invalid credentials (not a valid header value)", e.getMessage());
    }

    private static Request build(String endpoint) throws InvalidCallRequestException {
        return ChatRequests.build(CallRequest.of(endpoint, "m", EASY), "ua");
    }
}
