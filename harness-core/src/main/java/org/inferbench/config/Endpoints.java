package org.inferbench.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;

/**
 * What a cell's endpoint may look like, and how it is shown. An endpoint is the engine's base URL:
 * the harness appends {@code /v1/chat/completions}, so a path prefix (an OpenAI-style gateway at
 * {@code https://host/api}) is allowed but a query, a fragment or the {@code /v1} suffix is not.
 */
public final class Endpoints {

    /** Everything up to the last {@code @} of the authority: the user info, with or without a scheme. */
    private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://|//)?[^/?#]*@");

    private static final Pattern HTTP_SCHEME = Pattern.compile("https?://", Pattern.CASE_INSENSITIVE);

    private static final String APPENDED_PATH = "/v1/chat/completions";

    /** What stands for a secret taken out of a URL. */
    public static final String REDACTED = "<redacted>";

    private Endpoints() {
    }

    /**
     * The URL without its {@code user:password@}, everything else unchanged. An endpoint may carry
     * credentials for the call, but a ledger, a report or a log line never does: whatever records
     * an endpoint records this. Works on any text, a malformed URL included, because error messages
     * show endpoints too.
     */
    public static String redact(String url) {
        return USER_INFO.matcher(url).replaceFirst("$1");
    }

    /**
     * A URL as a record or a message shows it: without its user info, every query value and the fragment replaced
     * by {@value #REDACTED} (a gateway route may carry {@code ?key=...} or {@code #access_token=...}). The ledger is
     * published; the secret stays in the environment. Works on any text, a malformed URL included.
     */
    public static String recorded(String url) {
        // A URL the text rule leaves without user info keeps its bytes as written; OkHttp, which the calls use, also
        // takes "http:/user:pw@host", so a user info it still finds is taken off its parse.
        String text = redact(url);
        HttpUrl parsed = HttpUrl.parse(text.strip());
        if (parsed != null && (!parsed.username().isEmpty() || !parsed.password().isEmpty())) {
            text = parsed.newBuilder().username("").password("").build().toString();
        }
        int hash = text.indexOf('#');
        String fragment = hash < 0 ? "" : "#" + REDACTED;
        String beforeFragment = hash < 0 ? text : text.substring(0, hash);
        int question = beforeFragment.indexOf('?');
        if (question < 0) {
            return beforeFragment + fragment;
        }
        String query = Arrays.stream(beforeFragment.substring(question + 1).split("&", -1))
                .map(pair -> pair.isEmpty() ? pair : pair.contains("=")
                        ? pair.substring(0, pair.indexOf('=')) + "=" + REDACTED : REDACTED)
                .collect(Collectors.joining("&"));
        return beforeFragment.substring(0, question + 1) + query + fragment;
    }

    /** What is wrong with the endpoint, in words for the user; empty when it is usable. */
    public static Optional<String> problem(String url) {
        if (!HTTP_SCHEME.matcher(url).lookingAt()) {
            return Optional.of("must start with http:// or https://");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL (" + e.getReason() + " at character " + (e.getIndex() + 1) + ")");
        }
        if (uri.getHost() == null) {
            return Optional.of("has no valid host (write http://host:port; a host name may not contain '_')");
        }
        if (uri.getPort() > 65535) {
            return Optional.of("port " + uri.getPort() + " is out of range");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.of("must not have a query (?...) or a fragment (#...)");
        }
        String path = stripTrailingSlashes(uri.getRawPath());
        if (path.endsWith("/v1") || path.endsWith(APPENDED_PATH)) {
            return Optional.of("must not end in /v1: the harness appends " + APPENDED_PATH + " itself");
        }
        return Optional.empty();
    }

    /**
     * The endpoint without trailing slashes, so that appending {@code /v1/chat/completions} gives one
     * slash. Only for endpoints without a {@link #problem}: the path is then the end of the text.
     */
    static String normalize(String url) {
        return stripTrailingSlashes(url);
    }

    private static String stripTrailingSlashes(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '/') {
            end--;
        }
        return text.substring(0, end);
    }
}
