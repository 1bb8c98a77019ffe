package org.inferbench.export.search;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import okhttp3.Credentials;
import org.inferbench.config.Environment;

/**
 * How {@code ship} and the read-back authenticate to the store: from the environment only, never from the
 * command line (where {@code ps} and shell history would show it) nor a URL. The value is sent as the
 * {@code Authorization} header and nowhere else: {@link #toString} names the kind, never the secret.
 */
public final class SearchCredentials {

    /** With {@link #PASSWORD}: HTTP Basic, the user the cluster's security plugin knows. */
    public static final String USER = "INFERBENCH_SEARCH_USER";
    /** With {@link #USER}. */
    public static final String PASSWORD = "INFERBENCH_SEARCH_PASSWORD";
    /** An API key as the cluster issued it (the base64 of {@code id:key}), sent as {@code ApiKey <value>}. */
    public static final String API_KEY = "INFERBENCH_SEARCH_API_KEY";

    private final String kind;
    private final String header;
    private final List<String> secrets;

    private SearchCredentials(String kind, String header, List<String> secrets) {
        this.kind = kind;
        this.header = header;
        this.secrets = secrets;
    }

    /**
     * The credentials the environment holds, if any.
     *
     * @throws SearchException when they are half given (a user without a password) or given twice (Basic and an API key)
     */
    public static Optional<SearchCredentials> from(Environment environment) throws SearchException {
        String user = nonEmpty(environment.get(USER));
        String password = nonEmpty(environment.get(PASSWORD));
        String apiKey = nonEmpty(environment.get(API_KEY));
        if ((user == null) != (password == null)) {
            throw new SearchException((user == null ? PASSWORD + " is set without " + USER
                    : USER + " is set without " + PASSWORD) + "; set both (HTTP Basic) or neither");
        }
        if (user != null && apiKey != null) {
            throw new SearchException(USER + " and " + API_KEY + " are both set; set one way to authenticate");
        }
        if (apiKey != null) {
            return Optional.of(new SearchCredentials("API key (" + API_KEY + ")", "ApiKey " + apiKey,
                    List.of(apiKey)));
        }
        if (user != null) {
            String basic = Credentials.basic(user, password, StandardCharsets.UTF_8);
            return Optional.of(new SearchCredentials("HTTP Basic (" + USER + ")", basic,
                    List.of(password, user + ":" + password, basic.substring(basic.indexOf(' ') + 1))));
        }
        return Optional.empty();
    }

    /** The {@code Authorization} header's value. */
    String header() {
        return header;
    }

    /** What a server might quote back: redacted from anything shown. */
    List<String> secrets() {
        return secrets;
    }

    private static String nonEmpty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    @Override
    public String toString() {
        return kind;
    }
}
