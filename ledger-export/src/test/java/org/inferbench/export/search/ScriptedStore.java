package org.inferbench.export.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.inferbench.record.Json;

/**
 * A store scripted for what a real node cannot be made to do on demand; otherwise it answers as OpenSearch
 * does: its root, no template yet, the template accepted, every bulk item indexed. A test queues the
 * answers it wants for the next {@code _bulk} requests.
 */
final class ScriptedStore extends Dispatcher {

    static final String OPENSEARCH_ROOT = "{\"name\":\"node-1\",\"cluster_name\":\"lab\",\"version\":{\"distribution\":"
            + "\"opensearch\",\"number\":\"2.19.1\",\"lucene_version\":\"9.12.1\"},\"tagline\":\"The OpenSearch Project\"}";
    static final String ELASTICSEARCH_ROOT = "{\"name\":\"es-1\",\"cluster_name\":\"lab\",\"version\":{\"number\":"
            + "\"8.15.0\",\"build_flavor\":\"default\",\"lucene_version\":\"9.11.1\"},\"tagline\":\"You Know, for Search\"}";

    private final List<MockResponse> bulkAnswers = new ArrayList<>();
    private final List<List<String>> bulkIds = new ArrayList<>();
    private final List<List<Integer>> bulkLines = new ArrayList<>();

    /** The next {@code _bulk} request gets this answer instead of success. */
    synchronized void nextBulk(MockResponse answer) {
        bulkAnswers.add(answer);
    }

    /** The ids each {@code _bulk} request carried, in order. */
    synchronized List<List<String>> bulkIds() {
        return List.copyOf(bulkIds);
    }

    /** The {@code ledger_line} of each document of each {@code _bulk} request, in order. */
    synchronized List<List<Integer>> bulkLines() {
        return List.copyOf(bulkLines);
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (path.equals("/")) {
            return json(200, OPENSEARCH_ROOT);
        }
        if (path.startsWith("/_index_template/")) {
            return request.getMethod().equals("GET") ? json(404, "{\"error\":{\"type\":\"resource_not_found_exception\"},"
                    + "\"status\":404}") : json(200, "{\"acknowledged\":true}");
        }
        if (path.endsWith("/_refresh")) {
            return json(200, "{\"_shards\":{\"total\":1,\"successful\":1,\"failed\":0}}");
        }
        if (path.equals("/_bulk")) {
            List<String> ids = ids(request);
            bulkIds.add(ids);
            bulkLines.add(lines(request));
            if (!bulkAnswers.isEmpty()) {
                return bulkAnswers.remove(0);
            }
            return json(200, items(ids, null));
        }
        return json(404, "{}");
    }

    /** A bulk answer for {@code ids}, all 201 but where {@code errors} (same order: "status type reason", or null) says otherwise. */
    static String items(List<String> ids, List<String> errors) {
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("took", 3);
        answer.put("errors", errors != null);
        ArrayNode items = answer.putArray("items");
        for (int i = 0; i < ids.size(); i++) {
            ObjectNode result = items.addObject().putObject("index");
            result.put("_index", "weeyuga-benchmarks-2026.11").put("_id", ids.get(i));
            String error = errors == null ? null : errors.get(i);
            if (error == null) {
                result.put("status", 201).put("result", "created");
            } else {
                String[] parts = error.split(" ", 3);
                result.put("status", Integer.parseInt(parts[0]));
                result.putObject("error").put("type", parts[1]).put("reason", parts[2]);
            }
        }
        return answer.toString();
    }

    static List<String> ids(RecordedRequest request) {
        List<String> ids = new ArrayList<>();
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        try {
            for (String line : body.split("\n")) {
                JsonNode action = Json.mapper().readTree(line).path("index");
                if (action.has("_id")) {
                    ids.add(action.path("_id").asText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ids;
    }

    static List<Integer> lines(RecordedRequest request) {
        List<Integer> lines = new ArrayList<>();
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        try {
            for (String line : body.split("\n")) {
                JsonNode source = Json.mapper().readTree(line);
                if (source.has("ledger_line")) {
                    lines.add(source.path("ledger_line").asInt());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }
}
