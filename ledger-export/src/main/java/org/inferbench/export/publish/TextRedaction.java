package org.inferbench.export.publish;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.inferbench.config.CellId;
import org.inferbench.record.CellFacts;
import org.inferbench.record.MetaRecord;

/**
 * The rewriting that is safe in free text because it guesses nothing: the run's own endpoints,
 * which its meta record names, become {@code <node>:<engine>}, and home directories become {@code
 * ~}. Whatever else the gate finds stays a finding: an unknown address in an error message is a
 * question for a person, not for a regex.
 *
 * <p>An endpoint is known in three spellings: the URL ({@code http://203.0.113.5:11434}), its
 * {@code host:port} (OkHttp's "Failed to connect to /203.0.113.5:11434") and, when the host is an
 * address, the address alone, which becomes the node. A spelling shared by cells of several nodes
 * (mode B's gateway, SPEC section 9) becomes {@value #SHARED}.
 *
 * <p>Every home directory is rewritten, not only the packaging user's: the log may come from
 * another machine, and any home directory names someone.
 */
final class TextRedaction {

    /** What an endpoint several nodes are reached through is called once redacted. */
    static final String SHARED = "route";

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*]?");

    private final Map<String, String> endpoints;
    private final Optional<Pattern> spellings;

    private TextRedaction(Map<String, String> endpoints) {
        this.endpoints = Map.copyOf(endpoints);
        // Longest first, so that a URL is replaced whole before its host:port could be.
        this.spellings = endpoints.isEmpty() ? Optional.empty() : Optional.of(Pattern.compile(
                "(?<![\\w.-])(?:" + endpoints.keySet().stream()
                        .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                        .map(Pattern::quote)
                        .collect(Collectors.joining("|")) + ")(?![\\w-]|\\.\\d)"));
    }

    /** Knows the endpoints of every cell of the run whose id parses. */
    static TextRedaction forRun(MetaRecord meta) {
        Map<String, String> names = new HashMap<>();
        if (meta.cells() != null) {
            for (CellFacts cell : meta.cells()) {
                endpointName(cell).ifPresent(name -> spellings(cell.endpoint(), name).forEach((spelling, as) ->
                        names.merge(spelling, as, TextRedaction::shared)));
            }
        }
        return new TextRedaction(names);
    }

    /** {@code <node>:<engine>}, what a cell's endpoint is published as; empty if the cell id does not parse. */
    static Optional<String> endpointName(CellFacts cell) {
        if (cell.cellId() == null) {
            return Optional.empty();
        }
        try {
            CellId id = CellId.parse(cell.cellId());
            return Optional.of(id.node() + ":" + id.engine().wireName());
        } catch (IllegalArgumentException e) {
            // Reported where it matters: RunMetadata refuses the run's cell ids.
            return Optional.empty();
        }
    }

    /** {@code text} with every known endpoint and every home directory replaced; null stays null. */
    String apply(String text) {
        if (text == null) {
            return null;
        }
        String result = spellings.map(p -> p.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                endpoints.get(m.group())))).orElse(text);
        return LeakRules.HOME_DIRECTORY.matcher(result).replaceAll("~");
    }

    private static Map<String, String> spellings(String endpoint, String name) {
        Map<String, String> result = new HashMap<>();
        if (endpoint == null || endpoint.isBlank()) {
            return result;
        }
        String url = endpoint.strip().replaceAll("/+$", "");
        result.put(url, name);
        String node = name.substring(0, name.indexOf(':'));
        try {
            URI uri = new URI(url);
            String host = uri.getHost();
            if (host != null) {
                if (uri.getPort() >= 0) {
                    result.put(host + ":" + uri.getPort(), name);
                }
                if (IP_LITERAL.matcher(host).matches()) {
                    result.put(host, node);
                    if (host.startsWith("[")) {
                        result.put(host.substring(1, host.length() - 1), node);
                    }
                }
            }
        } catch (URISyntaxException e) {
            // Not a URL: only its literal spelling is known.
        }
        return result;
    }

    /** Two cells spelled the same way: the same node keeps its name, several nodes share a route. */
    private static String shared(String a, String b) {
        if (a.equals(b)) {
            return a;
        }
        String nodeA = a.contains(":") ? a.substring(0, a.indexOf(':')) : a;
        String nodeB = b.contains(":") ? b.substring(0, b.indexOf(':')) : b;
        return nodeA.equals(nodeB) ? nodeA : SHARED;
    }
}
