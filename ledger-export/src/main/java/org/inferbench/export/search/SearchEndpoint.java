package org.inferbench.export.search;

import java.util.Optional;
import okhttp3.HttpUrl;
import org.inferbench.config.Environment;

/**
 * Where the store is and how to authenticate to it, checked before the first request:
 * <ul>
 *   <li>an {@code http} or {@code https} URL, without a query or fragment;</li>
 *   <li>no {@code user:password@} in it: a URL ends up in shell history, process lists and logs, so
 *       credentials come from {@link SearchCredentials}' variables;</li>
 *   <li>credentials over plain {@code http} only to a loopback host (an SSH tunnel, a local node): anywhere
 *       else they would cross the network in clear.</li>
 * </ul>
 *
 * @param url the store's root, ending in {@code /}
 */
public record SearchEndpoint(HttpUrl url, Optional<SearchCredentials> credentials) {

    /**
     * @param option the command's flag, for messages ({@code --to}, {@code --from})
     * @throws SearchException on any of the refusals above
     */
    public static SearchEndpoint of(String option, String text, Environment environment) throws SearchException {
        HttpUrl parsed = HttpUrl.parse(text.strip());
        if (parsed == null) {
            throw new SearchException(option + ": not an http:// or https:// URL");
        }
        if (!parsed.username().isEmpty() || !parsed.password().isEmpty()) {
            // The URL is not repeated: it holds the secret.
            throw new SearchException(option + ": the URL holds a user name or password; refused. Set "
                    + SearchCredentials.USER + " and " + SearchCredentials.PASSWORD + " (or "
                    + SearchCredentials.API_KEY + ") in the environment instead");
        }
        if (parsed.query() != null || parsed.fragment() != null) {
            // Not repeated either: a query is where a proxy's api_key=... or a token would be.
            throw new SearchException(option + ": the URL has a query or fragment; refused (not repeated: it may "
                    + "hold a secret). Give the store's root, scheme://host:port[/path]");
        }
        Optional<SearchCredentials> credentials = SearchCredentials.from(environment);
        if (credentials.isPresent() && !parsed.isHttps() && !isLoopback(parsed.host())) {
            throw new SearchException(option + " " + parsed + ": credentials (" + credentials.get()
                    + ") would cross the network in clear over http; use https, or a loopback address");
        }
        String path = parsed.encodedPath().endsWith("/") ? parsed.encodedPath() : parsed.encodedPath() + "/";
        return new SearchEndpoint(parsed.newBuilder().encodedPath(path).build(), credentials);
    }

    /** Loopback by its literal: a name other than {@code localhost} is not resolved, since DNS could answer anything. */
    static boolean isLoopback(String host) {
        if (host.equals("localhost") || host.equals("::1") || host.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        return host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    /** The URL of {@code path} (no leading slash; may hold a query) under the root. */
    HttpUrl resolve(String path) {
        HttpUrl resolved = url.resolve(path);
        if (resolved == null) {
            throw new IllegalArgumentException("not a path: " + path);
        }
        return resolved;
    }

    @Override
    public String toString() {
        return url.toString();
    }
}
