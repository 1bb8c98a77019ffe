package org.inferbench.export.publish;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The built-in rules of the leak gate, with the reasoning that keeps them from crying wolf on what
 * a ledger is full of: versions ({@code 0.7.0}, {@code b11669}, {@code 17.0.15+6}), durations, clock
 * times, UUIDs, SHA-256 digests and model names with colons ({@code qwen3.5:0.8b}).
 *
 * <p>Decisions worth knowing:
 * <ul>
 *   <li>Four dot-separated numbers, each 0 to 255 without a leading zero, are an IPv4 address, unless
 *       they are glued to a word ({@code v1.2.3.4}), continue ({@code 1.2.3.4.5}, {@code 1.2.3.4.jar})
 *       or carry a version suffix ({@code 1.2.3.4-rc1}, {@code 21.0.4.1+7}). A bare {@code 1.2.3.4}
 *       is ambiguous and is reported: a false alarm is cheaper than a published address.</li>
 *   <li>An IPv6 address needs two colons or more, every group 1 to 4 hex digits, 8 groups or one
 *       {@code ::}, and must not touch a letter: {@code 12:34:56} (a time) and {@code Foo::bar} are
 *       not addresses; {@code ::1} and {@code fe80::1} are.</li>
 *   <li>{@code user@host} covers email addresses, since both name a person on a machine. The host
 *       must start with a letter and not be plain hex, which leaves out {@code pkg@1.2.3} and Java's
 *       {@code Object@1b6d3586}; {@code image@sha256:...} is a digest, not a login.</li>
 *   <li>A variable named {@code *_KEY} (and so on) is a leak only with a value: {@code
 *       api_key_env: OPENAI_API_KEY} names a variable, and {@code $OPENAI_API_KEY}, a number or a
 *       {@code <placeholder>} reveal nothing.</li>
 *   <li>An {@code Authorization} value is a leak unless it is a placeholder: {@code Bearer
 *       <redacted>} is how the harness records a server's message quoting the key it refused, and
 *       {@code Bearer $TOKEN} names a variable. A bare {@code Basic <base64>} is one when the base64
 *       decodes to {@code user:password}.</li>
 * </ul>
 */
final class LeakRules {

    private LeakRules() {
    }

    private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";

    /**
     * A home directory with its user's name: {@code /home/alice}, {@code /Users/alice}, {@code
     * C:\Users\alice} (also with JSON's doubled backslashes). A placeholder ({@code /home/$USER},
     * {@code /home/<you>}) is not a name. Shared with {@link TextRedaction}, which turns it into {@code ~}.
     */
    static final Pattern HOME_DIRECTORY = Pattern.compile(
            "(?<![\\w.~-])(?:/(?:home|[Uu]sers)/|[A-Za-z]:(?:\\\\\\\\|\\\\|/)(?i:users)(?:\\\\\\\\|\\\\|/))"
                    + "(?![$<{%])[^/\\\\\\s\"'`,;:*?<>|()\\[\\]{}]+");

    static final LeakRule IPV4 = LeakRule.of(LeakKind.IPV4_ADDRESS, List.of("."),
            "(?<![\\w.])" + OCTET + "(?:\\." + OCTET + "){3}(?![\\w+]|\\.\\w|-[A-Za-z])");

    static final LeakRule IPV6 = LeakRule.of(LeakKind.IPV6_ADDRESS, List.of(":"),
            "(?<![\\w:.%])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:\\d{1,3}(?:\\.\\d{1,3}){3}|[0-9A-Fa-f]{1,4})?(?![\\w:]|\\.\\d)",
            0, Ipv6::isAddress);

    static final LeakRule USER_AT_HOST = LeakRule.of(LeakKind.USER_AT_HOST, List.of("@"),
            "(?<![\\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@([A-Za-z][A-Za-z0-9-]*)(?:\\.[A-Za-z0-9-]+)*",
            0, LeakRules::namesAHost);

    static final LeakRule HOME_PATH = new LeakRule(LeakKind.HOME_PATH, HOME_DIRECTORY, 0, text -> true, "",
            List.of("/home/", "users"));

    static final LeakRule AUTHORIZATION_HEADER = LeakRule.of(LeakKind.AUTHORIZATION, List.of("authorization"),
            "(?i)\\bauthorization\\b[\"']?\\s*[:=]\\s*[\"']?(?:(?:bearer|basic|token|digest)\\s+)?([^\\s\"',;}]{4,})",
            1, value -> !isPlaceholder(value));

    /** "Bearer" followed by something token-like: long and with a digit, so that prose ("bearer tokens") passes. */
    static final LeakRule BEARER_TOKEN = LeakRule.of(LeakKind.AUTHORIZATION, List.of("bearer"),
            "(?i)\\bbearer\\s+((?=[A-Za-z0-9._~+/=-]*\\d)[A-Za-z0-9._~+/=-]{12,})", 1, text -> true);

    /**
     * "Basic" followed by base64 that decodes to {@code user:password}, without an {@code Authorization}
     * in front: a server's error echoing the header it refused, or a curl line cut short. Decoding is the
     * test that keeps prose out ("Basic usage", "Basic authentication is off"): a word is seldom whole
     * base64, and never one that decodes to text with a colon.
     */
    static final LeakRule BASIC_CREDENTIAL = LeakRule.of(LeakKind.AUTHORIZATION, List.of("basic"),
            "(?i)\\bbasic\\s+([A-Za-z0-9+/]{4,}={0,2})(?![A-Za-z0-9+/=])", 1, LeakRules::isBasicCredential);

    static final List<LeakRule> API_KEYS = List.of(
            // OpenAI and the many servers that copied its key shape (sk-proj-..., sk-ant-...).
            LeakRule.of(LeakKind.API_KEY, List.of("sk-"), "(?<![\\w-])sk-[A-Za-z0-9_-]{16,}"),
            // GitHub tokens, classic and fine-grained.
            LeakRule.of(LeakKind.API_KEY, List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"),
                    "(?<!\\w)(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})"),
            // Hugging Face, where the models come from.
            LeakRule.of(LeakKind.API_KEY, List.of("hf_"), "(?<!\\w)hf_[A-Za-z0-9]{20,}"),
            // AWS access key ids.
            LeakRule.of(LeakKind.API_KEY, List.of("akia"), "(?<![A-Za-z0-9])AKIA[0-9A-Z]{16}(?![A-Za-z0-9])"),
            LeakRule.of(LeakKind.API_KEY, List.of("private key"), "-----BEGIN [A-Z ]*PRIVATE KEY-----"));

    private static final String SECRET_NAME = "[A-Za-z0-9]+(?:_[A-Za-z0-9]+)*_(?:KEY|TOKEN|SECRET|PASSWORD)";

    static final LeakRule SECRET_VARIABLE = LeakRule.of(LeakKind.SECRET_VARIABLE, List.of("_key", "_token", "_secret", "_password"),
            "(?i)(?<![\\w-])" + SECRET_NAME + "[\"']?\\s*[:=]\\s*[\"']?([^\\s\"',;}]+)", 1, LeakRules::isSecretValue);

    /** Stands for a value without being one: {@code $VAR}, {@code ${VAR}}, {@code <redacted>}, {@code ***}, {@code %s}. */
    private static final Pattern PLACEHOLDER = Pattern.compile("[$<*{%].*");

    private static final Pattern NOT_A_SECRET = Pattern.compile(
            "(?i)-?\\d+(?:\\.\\d+)?|null|true|false|" + PLACEHOLDER.pattern() + "|" + SECRET_NAME);

    /** Every built-in rule, in the order their kinds are declared. */
    static final List<LeakRule> BUILT_IN = List.of(IPV4, IPV6, USER_AT_HOST, HOME_PATH, AUTHORIZATION_HEADER,
            BEARER_TOKEN, BASIC_CREDENTIAL, API_KEYS.get(0), API_KEYS.get(1), API_KEYS.get(2), API_KEYS.get(3), API_KEYS.get(4),
            SECRET_VARIABLE);

    private static final Pattern DIGEST_OR_HEX = Pattern.compile("(?i)sha\\d+|[0-9a-f]+");

    private static boolean namesAHost(String match) {
        String host = match.substring(match.indexOf('@') + 1).split("\\.", 2)[0];
        return !DIGEST_OR_HEX.matcher(host).matches();
    }

    /** Base64 of printable text holding a colon: what RFC 7617 makes of {@code user:password}. */
    private static boolean isBasicCredential(String value) {
        if (value.length() % 4 != 0) {
            return false;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        String text = new String(decoded, StandardCharsets.UTF_8);
        return text.indexOf(':') > 0 && text.codePoints().noneMatch(c -> Character.isISOControl(c) || c == 0xFFFD);
    }

    private static boolean isPlaceholder(String value) {
        return PLACEHOLDER.matcher(value).matches();
    }

    private static boolean isSecretValue(String value) {
        return !NOT_A_SECRET.matcher(value).matches();
    }
}
