package org.inferbench.export.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.inferbench.config.Environment;
import org.inferbench.record.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules checked before anything is sent: the store's flavour, the URL and credentials, the prefix, the backoff. */
class SearchRulesTest {

    private static final Environment NONE = Environment.of(Map.of());
    private static final Environment BASIC = Environment.of(Map.of(SearchCredentials.USER, "shipper",
            SearchCredentials.PASSWORD, "s3cret"));

    @Test
    void openSearchsRootGetsFlatObjectAndElasticsearchsFlattened() throws Exception {
        SearchFlavour openSearch = SearchFlavour.of(Json.mapper().readTree(ScriptedStore.OPENSEARCH_ROOT));
        SearchFlavour elastic = SearchFlavour.of(Json.mapper().readTree(ScriptedStore.ELASTICSEARCH_ROOT));

        assertEquals(SearchFlavour.OPENSEARCH, openSearch);
        assertEquals("flat_object", openSearch.flatType());
        assertEquals(SearchFlavour.ELASTICSEARCH, elastic);
        assertEquals("flattened", elastic.flatType());
        assertEquals("flattened", new IndexTemplate(new IndexPrefix("p"), elastic).body()
                .path("template").path("mappings").path("properties").path("metadata").path("type").asText());
    }

    @Test
    void aRootWithoutAVersionIsNotAStore() {
        SearchException refused = assertThrows(SearchException.class,
                () -> SearchFlavour.of(Json.mapper().readTree("{\"status\":\"ok\"}")));

        assertEquals("not OpenSearch nor Elasticsearch: its root (GET /) has no version.number", refused.getMessage());
    }

    @Test
    void aPasswordInTheUrlIsRefusedWithoutRepeatingIt() {
        SearchException refused = assertThrows(SearchException.class,
                () -> SearchEndpoint.of("--to", "https://shipper:hunter2@search.example:9200", NONE));

        assertFalse(refused.getMessage().contains("hunter2"), refused.getMessage());
        assertTrue(refused.getMessage().contains("Set INFERBENCH_SEARCH_USER and INFERBENCH_SEARCH_PASSWORD"),
                refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://search.example:9200/?api_key=hunter2", "https://search.example:9200/#hunter2"})
    void aQueryOrFragmentInTheUrlIsRefusedWithoutRepeatingIt(String url) {
        SearchException refused = assertThrows(SearchException.class, () -> SearchEndpoint.of("--to", url, NONE));

        assertEquals("--to: the URL has a query or fragment; refused (not repeated: it may hold a secret). Give the "
                + "store's root, scheme://host:port[/path]", refused.getMessage());
    }

    @Test
    void credentialsOverPlainHttpGoOnlyToLoopback() throws Exception {
        SearchException refused = assertThrows(SearchException.class,
                () -> SearchEndpoint.of("--to", "http://search.example:9200", BASIC));

        assertEquals("--to http://search.example:9200/: credentials (HTTP Basic (INFERBENCH_SEARCH_USER)) would "
                + "cross the network in clear over http; use https, or a loopback address", refused.getMessage());
        assertTrue(SearchEndpoint.of("--to", "http://127.0.0.1:9200", BASIC).credentials().isPresent());
        assertTrue(SearchEndpoint.of("--to", "https://search.example:9200", BASIC).credentials().isPresent());
        assertEquals(Optional.empty(), SearchEndpoint.of("--to", "http://search.example:9200", NONE).credentials());
    }

    @Test
    void credentialsHalfGivenOrGivenTwiceAreRefused() {
        assertThrows(SearchException.class, () -> SearchCredentials.from(Environment.of(Map.of(
                SearchCredentials.USER, "shipper"))));
        assertThrows(SearchException.class, () -> SearchCredentials.from(Environment.of(Map.of(
                SearchCredentials.USER, "shipper", SearchCredentials.PASSWORD, "x", SearchCredentials.API_KEY, "k"))));
    }

    @Test
    void credentialsNeverShowTheirSecret() throws Exception {
        SearchCredentials apiKey = SearchCredentials.from(Environment.of(Map.of(SearchCredentials.API_KEY,
                "VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw=="))).orElseThrow();

        assertEquals("API key (INFERBENCH_SEARCH_API_KEY)", apiKey.toString());
        assertEquals("ApiKey VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==", apiKey.header());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Weeyuga", "weeyuga-*", "a,b", "-lead", "_lead", "a b", "a:b", "", ".", "x/y", "a#b"})
    void anIndexPrefixThatCouldNameOtherIndicesIsRefused(String prefix) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new IndexPrefix(prefix));

        assertTrue(refused.getMessage().startsWith("--index-prefix '"), refused.getMessage());
    }

    @Test
    void theDefaultPrefixNamesMonthlyIndices() {
        IndexPrefix prefix = new IndexPrefix("weeyuga-benchmarks");

        assertEquals("weeyuga-benchmarks-2*", prefix.pattern());
        assertEquals("weeyuga-benchmarks-2026.11", prefix.index("2026.11"));
    }

    @Test
    void backoffDoublesUpToItsCeilingAndHonoursRetryAfterUpToItsOwn() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60));

        assertEquals(Duration.ofSeconds(1), backoff.delay(1, Optional.empty()));
        assertEquals(Duration.ofSeconds(8), backoff.delay(4, Optional.empty()));
        assertEquals(Duration.ofSeconds(30), backoff.delay(40, Optional.empty()));
        assertEquals(Duration.ofSeconds(7), backoff.delay(1, Optional.of(Duration.ofSeconds(7))));
        assertEquals(Duration.ofSeconds(8), backoff.delay(4, Optional.of(Duration.ofSeconds(2))));
        assertEquals(Duration.ofSeconds(60), backoff.delay(1, Optional.of(Duration.ofHours(1))));
        assertEquals(Optional.empty(), SearchClient.retryAfter("Wed, 21 Oct 2026 07:28:00 GMT"));
    }
}
