package org.inferbench.export.search;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Which store answers, told by its root ({@code GET /}), and the one mapping type that differs between
 * them: the flat object that holds {@code metadata} (SPEC section 12). Everything else {@code ship} and
 * the read-back send is the same REST on both.
 */
public enum SearchFlavour {

    /** {@code version.distribution: "opensearch"}; {@code flat_object} since OpenSearch 2.7. */
    OPENSEARCH("flat_object"),
    /** Elasticsearch has no {@code distribution}; {@code flattened} since 7.3. */
    ELASTICSEARCH("flattened");

    private final String flatType;

    SearchFlavour(String flatType) {
        this.flatType = flatType;
    }

    /** The mapping type of an object whose keys are not known in advance, indexed as keywords without growing the mapping. */
    public String flatType() {
        return flatType;
    }

    /**
     * @param root the JSON of {@code GET /}
     * @throws SearchException when it has no {@code version.number}: not a search engine's root
     */
    public static SearchFlavour of(JsonNode root) throws SearchException {
        JsonNode version = root.path("version");
        if (!version.path("number").isTextual()) {
            throw new SearchException("not OpenSearch nor Elasticsearch: its root (GET /) has no version.number");
        }
        return "opensearch".equals(version.path("distribution").asText()) ? OPENSEARCH : ELASTICSEARCH;
    }
}
