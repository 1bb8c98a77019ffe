package org.inferbench.export.search;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.inferbench.record.Json;

/** What a test asks the store directly, beside the commands under test: counts, documents, mappings. */
public final class StoreProbe {

    private final String url;
    private final OkHttpClient http = new OkHttpClient();

    public StoreProbe(String url) {
        this.url = url;
    }

    /** The documents of a run over {@code <prefix>-*}, after a refresh so every indexed document counts. */
    public long count(String prefix, String runId) {
        send("POST", prefix + "-*/_refresh", "");
        JsonNode answer = send("POST", prefix + "-*/_count",
                "{\"query\":{\"term\":{\"metadata.benchmark_run_id\":\"" + runId + "\"}}}");
        return answer.path("count").asLong(-1);
    }

    public JsonNode document(String index, String id) {
        return send("GET", index + "/_doc/" + id, null);
    }

    public JsonNode send(String method, String path, String body) {
        Request.Builder request = new Request.Builder().url(url + "/" + path);
        if (body != null) {
            request.method(method, RequestBody.create(body, MediaType.get("application/json")));
        } else {
            request.method(method, null);
        }
        try (Response response = http.newCall(request.build()).execute()) {
            return Json.mapper().readTree(response.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
