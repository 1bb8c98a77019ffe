package org.inferbench.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import org.inferbench.config.Defaults;

/**
 * Makes any text a server sent fit for a ledger line, a log and a console: the secrets of the
 * request replaced, control characters (ANSI escapes included) gone, and at most a bounded number
 * of characters. Every string that comes from a server goes through one of these before it is
 * recorded: error messages, {@code finish_reason}, the backend header, {@code system_fingerprint},
 * llama.cpp's {@code timings}, and the bodies of side requests (health, {@code /props}, {@code /api/*}).
 *
 * <p>Why redaction: hosted APIs and proxies like to echo the {@code Authorization} header they
 * rejected, and the ledger gets published (SPEC section 10). The secrets are the request's own (the
 * bearer token, the URL's user name and password, decoded and as written, {@code user:password}, and
 * the credentials of the header actually sent, base64 included), plus, whoever they belong to, any
 * {@code Bearer <token>} or {@code Basic <base64>} a server quotes.
 *
 * <p>Immutable and thread-safe; make one per request (or per cell for side requests).
 */
public final class ServerText {

    /** Replaces each secret. */
    public static final String REDACTED = "<redacted>";

    /** What a cut text ends with. */
    public static final String CUT = "...";

    /** An ANSI/VT escape: CSI ({@code ESC [ ... final}), OSC ({@code ESC ] ... BEL or ESC \}), or ESC and one character. */
    private static final Pattern ANSI_ESCAPE = Pattern.compile(
            "\u001B\\[[0-?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)?|\u001B.?|\u009B[0-?]*[ -/]*[@-~]");

    /**
     * C0 and C1 controls (a newline or a carriage return would split a log line), and the Unicode
     * bidirectional overrides and isolates, which make a console show text in another order than it
     * is stored.
     */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]");

    /** Any quoted credential, the request's or not: keep the scheme word, drop the credential. */
    private static final Pattern QUOTED_CREDENTIAL =
            Pattern.compile("(?i)\\b(Bearer|Basic)(\\s+)[A-Za-z0-9\\-._~+/]{8,}=*");

    private final List<String> secrets;

    private ServerText(Collection<String> secrets) {
        List<String> distinct = new ArrayList<>();
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty() && !distinct.contains(secret)) {
                distinct.add(secret);
            }
        }
        // Longest first, so a secret containing another is replaced whole.
        distinct.sort((a, b) -> b.length() - a.length());
        this.secrets = List.copyOf(distinct);
    }

    /** The shortest query value redacted on its own (pairs are always): shorter ones are flags, not keys. */
    static final int MIN_QUERY_SECRET_CHARS = 8;

    /** Redacts these strings (empty and null ones are ignored) and any quoted Bearer/Basic credential. */
    public static ServerText redacting(Collection<String> secrets) {
        return new ServerText(secrets);
    }

    /** The secrets of a measured call: its bearer token, its endpoint's user info and query values. */
    public static ServerText forRequest(CallRequest request) {
        return forCredentials(request.endpoint(), request.bearerToken());
    }

    /**
     * The secrets of any request to {@code url} (user info allowed) with this bearer token: for side
     * requests, which send the same credentials as the measured call of their cell.
     */
    public static ServerText forCredentials(String url, Optional<String> bearerToken) {
        List<String> secrets = new ArrayList<>();
        Optional<String> token = bearerToken.filter(t -> !t.isBlank());
        token.ifPresent(t -> {
            secrets.add(t);
            secrets.add(t.strip());
        });
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url);
        if (parsed != null && (!parsed.username().isEmpty() || !parsed.password().isEmpty())) {
            secrets.add(parsed.username());
            secrets.add(parsed.encodedUsername());
            secrets.add(parsed.password());
            secrets.add(parsed.encodedPassword());
            secrets.add(parsed.username() + ":" + parsed.password());
            secrets.add(parsed.encodedUsername() + ":" + parsed.encodedPassword());
            String basic = Credentials.basic(parsed.username(), parsed.password(), StandardCharsets.UTF_8);
            secrets.add(basic.substring(basic.indexOf(' ') + 1));
        }
        if (parsed != null) {
            // A gateway URL may carry its key in the query (?key=...), and a server may quote the request line back.
            // Each name=value pair is a secret; a value alone only from 8 characters, since redacting "1" or "on"
            // everywhere would garble every message.
            for (int i = 0; i < parsed.querySize(); i++) {
                String value = parsed.queryParameterValue(i);
                if (value == null || value.isEmpty()) {
                    continue;
                }
                secrets.add(parsed.queryParameterName(i) + "=" + value);
                if (value.length() >= MIN_QUERY_SECRET_CHARS) {
                    secrets.add(value);
                }
            }
            String encoded = parsed.encodedQuery();
            if (encoded != null) {
                for (String pair : encoded.split("&")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0 && eq < pair.length() - 1) {
                        secrets.add(pair);
                        if (pair.length() - eq - 1 >= MIN_QUERY_SECRET_CHARS) {
                            secrets.add(pair.substring(eq + 1));
                        }
                    }
                }
            }
        }
        return new ServerText(secrets);
    }

    /** Every secret replaced by {@value #REDACTED}; nothing else changed. */
    public String redact(String text) {
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, REDACTED);
        }
        return QUOTED_CREDENTIAL.matcher(result).replaceAll("$1$2" + REDACTED);
    }

    /** {@link #clean(String, int)} to {@link Defaults#MAX_SERVER_TEXT_CHARS}. */
    public String clean(String raw) {
        return clean(raw, Defaults.MAX_SERVER_TEXT_CHARS);
    }

    /**
     * The text redacted, on one printable line (escape sequences removed, other controls made spaces,
     * lone surrogates replaced), stripped, and at most {@code maxChars} characters, a cut text ending in
     * {@value #CUT}. Null stays null.
     */
    public String clean(String raw, int maxChars) {
        if (raw == null) {
            return null;
        }
        // Redact before anything else: cutting first could keep half a secret.
        String text = redact(raw);
        text = ANSI_ESCAPE.matcher(text).replaceAll("");
        text = CONTROL.matcher(text).replaceAll(" ");
        text = redact(wellFormed(text)).strip(); // Again: removing an escape may have joined a secret.
        return bound(text, Math.max(maxChars, CUT.length() + 1));
    }

    /**
     * A JSON value from a server (llama.cpp's {@code timings}) made safe the same way: at most
     * {@link Defaults#MAX_SERVER_OBJECT_FIELDS} fields, keys and strings {@linkplain #clean(String) cleaned},
     * numbers and booleans kept, nested objects and arrays dropped (no engine sends them there). Null
     * stays null.
     */
    public ObjectNode clean(JsonNode object) {
        if (object == null || !object.isObject()) {
            return null;
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext() && result.size() < Defaults.MAX_SERVER_OBJECT_FIELDS) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = clean(field.getKey(), Defaults.MAX_SERVER_KEY_CHARS);
            JsonNode value = field.getValue();
            if (key.isEmpty() || result.has(key)) {
                continue;
            }
            if (value.isNumber() || value.isBoolean() || value.isNull()) {
                result.set(key, value);
            } else if (value.isTextual()) {
                result.put(key, clean(value.asText()));
            }
        }
        return result;
    }

    /** Lone surrogates (not encodable in the UTF-8 ledger) become U+FFFD. */
    private static String wellFormed(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            boolean lone = Character.isSurrogate(c);
            if (lone && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(lone ? '\uFFFD' : c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static String bound(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int cut = maxChars - CUT.length();
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--; // Never split a character: a lone surrogate is not valid in the JSON ledger.
        }
        return text.substring(0, cut) + CUT;
    }

    /** Counts the secrets, never shows them. */
    @Override
    public String toString() {
        return "ServerText[" + secrets.size() + " secrets]";
    }
}
