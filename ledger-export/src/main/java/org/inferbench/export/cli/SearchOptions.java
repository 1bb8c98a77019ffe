package org.inferbench.export.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.inferbench.config.Defaults;
import org.inferbench.config.Environment;
import org.inferbench.export.search.IndexPrefix;
import org.inferbench.export.search.SearchClient;
import org.inferbench.export.search.SearchCredentials;
import org.inferbench.export.search.SearchEndpoint;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * What the commands that talk to a search store share ({@code ship --to}, {@code aggregate --from},
 * {@code compare --from}): the index prefix and the trusted CA. Credentials come from the environment only.
 */
public final class SearchOptions {

    static final String CREDENTIALS_HELP = "Credentials come from the environment only: " + SearchCredentials.USER
            + " and " + SearchCredentials.PASSWORD + " (HTTP Basic) or " + SearchCredentials.API_KEY + " (sent as "
            + "'ApiKey <value>'); never printed or recorded. A user:password in the URL is refused, and so are "
            + "credentials over plain http to a host other than loopback. TLS certificates are verified.";

    @Option(names = "--index-prefix", paramLabel = "PREFIX", defaultValue = Defaults.SEARCH_INDEX_PREFIX,
            description = "Indices are PREFIX-yyyy.MM (the month of the run's start, UTC), the index template is "
                    + "named PREFIX. Lowercase letters, digits, '.', '-', '_'. Default: ${DEFAULT-VALUE}.")
    String indexPrefix;

    @Option(names = "--ca-cert", paramLabel = "PEM",
            description = "Trust the certificates in this PEM file instead of the JVM's trust store: a cluster "
                    + "signed by a private CA. Host names are still checked.")
    Path caCert;

    /** The prefix, or a usage error naming the flag. */
    IndexPrefix prefix(CommandLine command) {
        try {
            return new IndexPrefix(indexPrefix);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command, e.getMessage());
        }
    }

    /** A client for the store at {@code url}, checked as {@link SearchEndpoint} says. */
    SearchClient client(String option, String url, Environment environment) throws IOException {
        return SearchClient.connect(SearchEndpoint.of(option, url, environment), Optional.ofNullable(caCert));
    }
}
