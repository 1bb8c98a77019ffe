package org.inferbench.config;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML map read as the fields of one thing (a cell, a prompt, a whole file): each key a name
 * that appears once, each value read as the type the thing needs, every mistake reported at the
 * line of the value it is about. A YAML {@code null} is the same as an absent key.
 *
 * <p>Typing is stricter than YAML 1.1's: a flag is {@code true} or {@code false} (not {@code yes}
 * or {@code on}), a number is plain decimal digits (not {@code 0x40}, not {@code "64"}), so that
 * what the file says is what the harness does.
 */
final class YamlFields {

    private static final Pattern BOOLEAN = Pattern.compile("true|True|TRUE|false|False|FALSE");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]+");

    private final YamlFile file;
    private final MappingNode mapping;
    private final String what;
    private final Map<String, NodeTuple> entries;

    private YamlFields(YamlFile file, MappingNode mapping, String what, Map<String, NodeTuple> entries) {
        this.file = file;
        this.mapping = mapping;
        this.what = what;
        this.entries = entries;
    }

    /**
     * @param what         the thing the map describes, for messages: "a cell", "the cells file"
     * @param keyForErrors the key under which the map sits, named when the map itself is wrong (null at the top)
     * @throws ConfigException when the node is not a map, a key is not a name, or a key repeats
     */
    static YamlFields of(YamlFile file, Node node, String what, String keyForErrors) {
        if (!(node instanceof MappingNode mapping)) {
            throw file.error(node, keyForErrors, what + " must be a map of keys to values, found " + describe(node));
        }
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple entry : mapping.getValue()) {
            if (!(entry.getKeyNode() instanceof ScalarNode key)) {
                throw file.error(entry.getKeyNode(), keyForErrors,
                        "a key in " + what + " must be a name, found " + describe(entry.getKeyNode()));
            }
            NodeTuple first = entries.putIfAbsent(key.getValue(), entry);
            if (first != null) {
                throw file.error(key, key.getValue(), "appears twice in " + what + " (first on line "
                        + YamlFile.lineOf(first.getKeyNode()) + ")");
            }
        }
        return new YamlFields(file, mapping, what, entries);
    }

    /**
     * Refuses keys outside {@code known}; a close misspelling gets a suggestion, and a key in
     * {@code hints} gets its hint instead.
     */
    YamlFields allowOnly(List<String> known, Map<String, String> hints) {
        for (NodeTuple entry : entries.values()) {
            String key = ((ScalarNode) entry.getKeyNode()).getValue();
            if (!known.contains(key)) {
                String advice = Optional.ofNullable(hints.get(key))
                        .or(() -> DidYouMean.among(known, key).map(k -> "did you mean '" + k + "'?"))
                        .orElse("known keys: " + String.join(", ", known));
                throw file.error(entry.getKeyNode(), key, "unknown key in " + what + "; " + advice);
            }
        }
        return this;
    }

    /** The keys in file order. */
    List<String> keys() {
        return List.copyOf(entries.keySet());
    }

    /** The line the map starts on. */
    int line() {
        return YamlFile.lineOf(mapping);
    }

    /** The value of a key, empty when the key is absent or null. */
    Optional<Node> value(String key) {
        return Optional.ofNullable(entries.get(key)).map(NodeTuple::getValueNode).filter(v -> !isNull(v));
    }

    Node required(String key) {
        return value(key).orElseThrow(() -> missing(key));
    }

    Optional<String> text(String key) {
        return value(key).map(node -> text(key, node));
    }

    String requiredText(String key) {
        return text(key, required(key));
    }

    /** The raw text of any scalar, whatever YAML would type it as: "42" is fine text. */
    private String text(String key, Node node) {
        if (!(node instanceof ScalarNode scalar)) {
            throw error(key, "expected text, found " + describe(node));
        }
        return scalar.getValue();
    }

    Optional<Boolean> bool(String key) {
        return value(key).map(node -> {
            if (node instanceof ScalarNode scalar && scalar.isPlain() && BOOLEAN.matcher(scalar.getValue()).matches()) {
                return Boolean.parseBoolean(scalar.getValue());
            }
            throw error(key, "expected true or false, found " + describe(node));
        });
    }

    /** A positive whole number that fits an {@code int}. */
    int requiredPositiveInt(String key) {
        Node node = required(key);
        if (!(node instanceof ScalarNode scalar) || !scalar.isPlain() || !DECIMAL.matcher(scalar.getValue()).matches()) {
            throw error(key, "expected a whole number, found " + describe(node));
        }
        BigInteger value = new BigInteger(scalar.getValue());
        if (value.signum() <= 0) {
            throw error(key, "must be positive, found " + value);
        }
        if (value.bitLength() >= Integer.SIZE) {
            throw error(key, "is too large: at most " + Integer.MAX_VALUE);
        }
        return value.intValue();
    }

    /** The line of a key's value, or of the map when the key is absent. */
    int lineOf(String key) {
        NodeTuple entry = entries.get(key);
        return entry == null ? line() : YamlFile.lineOf(entry.getValueNode());
    }

    /** A mistake in a key's value, reported at the value's line. */
    ConfigException error(String key, String problem) {
        return new ConfigException(file.path(), lineOf(key), key, problem);
    }

    private ConfigException missing(String key) {
        String problem = entries.containsKey(key) ? "has no value in " + what : "is missing from " + what;
        return error(key, problem);
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    /** A node as a message names what was found where something else belongs. */
    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a map";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (!(node instanceof ScalarNode scalar)) {
            return "a " + node.getNodeId();
        }
        if (isNull(scalar)) {
            return "nothing";
        }
        return (scalar.isPlain() ? "" : "the quoted text ") + Quote.of(scalar.getValue());
    }
}
