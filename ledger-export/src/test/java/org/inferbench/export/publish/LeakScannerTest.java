package org.inferbench.export.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules of the leak gate, as a table: what must be found (with exactly the text found), and what
 * a ledger, a log or a report is full of that must not be. Addresses are from TEST-NET and the IPv6
 * documentation prefix, or loopback.
 */
class LeakScannerTest {

    private final LeakScanner scanner = LeakScanner.builtIn();

    static Stream<Arguments> leaks() {
        return Stream.of(
                // IPv4, loopback included
                leak("connect to 203.0.113.5 failed", LeakKind.IPV4_ADDRESS, "203.0.113.5"),
                leak("http://127.0.0.1:11434/v1/chat/completions", LeakKind.IPV4_ADDRESS, "127.0.0.1"),
                leak("\"env_llamacpp_url\":\"http://198.51.100.7:11436\"", LeakKind.IPV4_ADDRESS, "198.51.100.7"),
                leak("Failed to connect to /203.0.113.9:11436", LeakKind.IPV4_ADDRESS, "203.0.113.9"),
                leak("listening on 0.0.0.0:8080", LeakKind.IPV4_ADDRESS, "0.0.0.0"),
                leak("allowed 203.0.113.0/24.", LeakKind.IPV4_ADDRESS, "203.0.113.0"),
                leak("ambiguous 1.2.3.4 is reported", LeakKind.IPV4_ADDRESS, "1.2.3.4"),
                // IPv6
                leak("bound to ::1 only", LeakKind.IPV6_ADDRESS, "::1"),
                leak("http://[::1]:11434", LeakKind.IPV6_ADDRESS, "::1"),
                leak("link fe80::1%eth0 up", LeakKind.IPV6_ADDRESS, "fe80::1"),
                leak("host 2001:db8:85a3:0:0:8a2e:370:7334 ok", LeakKind.IPV6_ADDRESS, "2001:db8:85a3:0:0:8a2e:370:7334"),
                leak("to 2001:db8::5.", LeakKind.IPV6_ADDRESS, "2001:db8::5"),
                // overlaps the IPv4 inside it: the longer match is the one reported
                leak("mapped ::ffff:203.0.113.5 here", LeakKind.IPV6_ADDRESS, "::ffff:203.0.113.5"),
                // user@host and emails
                leak("ssh alice@pavilion", LeakKind.USER_AT_HOST, "alice@pavilion"),
                leak("scp root@vps50.example.net:/tmp/x .", LeakKind.USER_AT_HOST, "root@vps50.example.net"),
                leak("mail bob.smith+bench@example.com", LeakKind.USER_AT_HOST, "bob.smith+bench@example.com"),
                // home directories
                leak("model /home/alice/models/m.gguf", LeakKind.HOME_PATH, "/home/alice"),
                leak("\"/Users/bob/src/inferbench\"", LeakKind.HOME_PATH, "/Users/bob"),
                leak("C:\\Users\\carol\\models", LeakKind.HOME_PATH, "C:\\Users\\carol"),
                leak("\"C:\\\\Users\\\\carol\\\\models\"", LeakKind.HOME_PATH, "C:\\\\Users\\\\carol"),
                // authorization and keys
                leak("Authorization: Bearer abcdEFGH1234", LeakKind.AUTHORIZATION, "abcdEFGH1234"),
                leak("{\"authorization\":\"Basic dXNlcjpwYXNz\"}", LeakKind.AUTHORIZATION, "dXNlcjpwYXNz"),
                leak("curl -H 'bearer eyJhbGciOiJIUzI1NiJ9.e30.abc'", LeakKind.AUTHORIZATION, "eyJhbGciOiJIUzI1NiJ9.e30.abc"),
                // a bare Basic credential: a server echoing the header it refused, without "Authorization:"
                leak("HTTP 401: bad credentials Basic dXNlcjpwYXNz", LeakKind.AUTHORIZATION, "dXNlcjpwYXNz"),
                leak("{\"error\":\"refused basic YWxpY2U6aHVudGVyMg==\"}", LeakKind.AUTHORIZATION, "YWxpY2U6aHVudGVyMg=="),
                leak("-H 'Basic YTpi'", LeakKind.AUTHORIZATION, "YTpi"),
                leak("key sk-test0000000000000000abcd", LeakKind.API_KEY, "sk-test0000000000000000abcd"),
                leak("key sk-proj-AbCdEfGh12345678_xyz", LeakKind.API_KEY, "sk-proj-AbCdEfGh12345678_xyz"),
                leak("token ghp_0123456789abcdefghijABCDEFGHIJ012345", LeakKind.API_KEY, "ghp_0123456789abcdefghijABCDEFGHIJ012345"),
                leak("HF hf_abcdefghijklmnopqrstuvwxyz0123", LeakKind.API_KEY, "hf_abcdefghijklmnopqrstuvwxyz0123"),
                leak("aws AKIAABCDEFGHIJKLMNOP", LeakKind.API_KEY, "AKIAABCDEFGHIJKLMNOP"),
                leak("-----BEGIN OPENSSH PRIVATE KEY-----", LeakKind.API_KEY, "-----BEGIN OPENSSH PRIVATE KEY-----"),
                // secret variables: the value, not the name
                leak("export WEEYUGA_API_KEY=hunter2hunter2", LeakKind.SECRET_VARIABLE, "hunter2hunter2"),
                leak("{\"GITHUB_TOKEN\": \"abc123def\"}", LeakKind.SECRET_VARIABLE, "abc123def"),
                leak("db_password: swordfish", LeakKind.SECRET_VARIABLE, "swordfish"),
                leak("CLIENT_SECRET='s3cr3t'", LeakKind.SECRET_VARIABLE, "s3cr3t"),
                // two rules, one text: reported once, as the kind declared first (the more specific one)
                leak("OPENAI_API_KEY=sk-test0000000000000000abcd", LeakKind.API_KEY, "sk-test0000000000000000abcd"));
    }

    static Stream<String> notLeaks() {
        return Stream.of(
                // versions and builds
                "harness_version 0.7.0, jackson 2.21.3, jmh 1.37, commons-math3 3.6.1",
                "llama.cpp b11669 (system_fingerprint b11669-6a1d0b2e)",
                "jvm 17.0.15+6-Debian-1deb12u1 and 21.0.4.1+7",
                "v1.2.3.4 and 1.2.3.4-rc1 and 1.2.3.4.5 and lib-1.2.3.4.jar",
                "octets too big: 300.1.2.3 and 1.2.3.256",
                "leading zeros: 01.02.03.04",
                // numbers, durations, times, dates
                "{\"first_delta_ms\":123,\"tokens_per_sec\":45.678,\"load_avg_start\":0.52}",
                "took 12.345s, then 1:30 and 12:34:56 and 12:34:56.789",
                "\"started_at_utc\":\"2026-11-28T12:34:56.123Z\"",
                // identifiers
                "run 3f2b8c1e-9d4a-4e7b-8f00-1a2b3c4d5e6f",
                "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                "digest e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                "image@sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                "mac aa:bb:cc:dd:ee:ff",
                // cells and models
                "qwen3.5:0.8b on pavilion:llamacpp:qwen3.5:0.8b",
                "mac:ollama:qwen2.5-coder:1.5b predator:openai:gpt-oss:20b vps50:ollama:llama3.2:1b",
                "pavilion:llamacpp (was the endpoint)",
                // code-ish text
                "String::valueOf and std::vector and a :: b",
                "java.lang.Object@1b6d3586 and Foo@a1b2c3d and pkg@1.2.3",
                "@Benchmark @State(Scope.Thread)",
                // variables named, not valued
                "api_key_env: OPENAI_API_KEY",
                "export OPENAI_API_KEY=$OPENAI_API_KEY",
                "OPENAI_API_KEY=<your key>",
                "\"completion_tokens\":42,\"prompt_tokens\":7,\"max_token\":64",
                "API_KEY= null",
                "bearer tokens and API keys are found",
                "Authorization: ***",
                // an Authorization whose value stands for one: the harness's redaction, a variable
                "HTTP 401: Invalid credentials in request: Authorization: Bearer <redacted>",
                "{\"error\":\"authorization: Basic <redacted>\"}",
                "curl -H \"Authorization: Bearer $OPENAI_API_KEY\"",
                // "Basic" in prose, or followed by what is not base64 of user:password
                "Basic usage: run aggregate, then compare. Basic authentication is off.",
                "the server wants Basic <redacted> or Basic $CREDENTIALS or Basic ***",
                "Basic abcd and Basic information and Basic dXNlcg== (no colon: not a credential)",
                // paths that are not a user's home
                "~/models/m.gguf and /usr/home and /opt/models and https://example.org/home/index.html",
                "/home/$USER/models and /home/<you>/models",
                "short sk-abc and sk-learn");
    }

    @ParameterizedTest
    @MethodSource("leaks")
    void findsTheLeakAndExactlyItsText(String line, LeakKind kind, String text) {
        List<Leak> found = scanner.scan(line);
        assertEquals(1, found.size(), () -> "in <" + line + ">: " + found);
        assertEquals(kind, found.get(0).kind());
        assertEquals(text, found.get(0).text());
        assertEquals(text, line.substring(found.get(0).start(), found.get(0).end()));
    }

    @ParameterizedTest
    @MethodSource("notLeaks")
    void ordinaryTextIsNotALeak(String line) {
        assertEquals(List.of(), scanner.scan(line));
    }

    @Test
    void everyLeakOnALineIsFoundLeftToRight() {
        List<Leak> found = scanner.scan("alice@mac 203.0.113.5 /home/alice ::1");
        assertEquals(List.of(LeakKind.USER_AT_HOST, LeakKind.IPV4_ADDRESS, LeakKind.HOME_PATH, LeakKind.IPV6_ADDRESS),
                found.stream().map(Leak::kind).toList());
    }

    @Test
    void aDenyPatternAddsItsMatchesAndSaysWhichPatternFoundThem() {
        LeakScanner withDeny = new LeakScanner(List.of(Pattern.compile("internal-\\w+")));
        List<Leak> found = withDeny.scan("served by internal-gpu3");
        assertEquals(1, found.size());
        assertEquals(LeakKind.DENIED, found.get(0).kind());
        assertEquals("denied pattern 'inte***' (--deny internal-\\w+)", found.get(0).describe());
    }

    @Test
    void aFindingShowsOnlyTheStartOfWhatItMatched() {
        Leak key = scanner.scan("sk-test0000000000000000abcd").get(0);
        assertEquals("API key 'sk-t***'", key.describe());
        Leak loopback = scanner.scan("::1").get(0);
        assertEquals("IPv6 address ':***'", loopback.describe());
    }

    private static Arguments leak(String line, LeakKind kind, String text) {
        return Arguments.of(line, kind, text);
    }
}
