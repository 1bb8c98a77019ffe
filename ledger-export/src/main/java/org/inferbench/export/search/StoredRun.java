package org.inferbench.export.search;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.inferbench.config.Defaults;
import org.inferbench.export.read.InputLimits;
import org.inferbench.record.Json;

/**
 * A run read back from the store as the ledger it was shipped from: every document whose
 * {@code metadata.benchmark_run_id} is the run's, over {@code <prefix>-2*}, in the order of its line
 * ({@code search_after} on {@code ledger_line}, a page at a time), each turned back into its ledger line by
 * removing what {@link SearchDocument} added. The result is an {@link InputStream} of JSON lines, read by
 * the same reader as a file, so a report from the store is the report from the file.
 *
 * <p>The store is not trusted to end the loop: the first page's exact total bounds the documents read (and
 * is believed only up to {@link InputLimits#LEDGER_LINES}), and every document must carry the run's id.
 * A document must be what {@code ship} wrote: its {@code _id} {@code <run>:<ledger_line>}, and a meta
 * document the run's own ({@code benchmark_run_id}, not only its tag). Nor is the store trusted to hold the whole run: {@code ship} numbers a run's documents 1, 2, 3... without gap, so each line
 * read must be the one after the last (a line served twice ends the read; a line skipped is a document the
 * store does not hold, a partial run, refused naming the missing lines rather than reported as if whole).
 * Memory holds one page ({@link Defaults#READ_BACK_PAGE_DOCUMENTS} documents, no more accepted; each answer
 * bounded by {@link Defaults#SEARCH_ANSWER_BYTES} and parsed hit by hit, never as one tree); each line is
 * bounded again by the ledger reader.
 */
public final class StoredRun extends InputStream {

    private final SearchClient client;
    private final IndexPrefix prefix;
    private final String runId;
    private final int pageSize;
    private byte[] page = new byte[0];
    private int position;
    private long total = -1;
    private long read;
    private long lastLine;

    private StoredRun(SearchClient client, IndexPrefix prefix, String runId, int pageSize) {
        this.client = client;
        this.prefix = prefix;
        this.runId = runId;
        this.pageSize = pageSize;
    }

    /**
     * Opens the run, fetching its first page.
     *
     * @throws SearchException when no document of the store carries the run's id
     */
    public static StoredRun open(SearchClient client, IndexPrefix prefix, String runId) throws IOException {
        return open(client, prefix, runId, Defaults.READ_BACK_PAGE_DOCUMENTS);
    }

    static StoredRun open(SearchClient client, IndexPrefix prefix, String runId, int pageSize) throws IOException {
        StoredRun run = new StoredRun(client, prefix, runId, pageSize);
        run.fetch();
        if (run.total == 0) {
            throw new SearchException(client.endpoint() + prefix.pattern() + ": run " + runId + ": no such run (no "
                    + "document with metadata." + SearchDocument.RUN_ID_TAG + " " + runId + "; shipped with another "
                    + "--index-prefix?)");
        }
        return run;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position == page.length) {
            if (read >= total) {
                return -1;
            }
            fetch();
        }
        int n = Math.min(length, page.length - position);
        System.arraycopy(page, position, target, offset, n);
        position += n;
        return n;
    }

    private void fetch() throws IOException {
        String path = prefix.pattern() + "/_search";
        SearchAnswer answer = client.post(path, query());
        if (answer.code() == 404 && total < 0) {
            total = 0;
            return;
        }
        if (!answer.ok()) {
            throw new SearchException(client.endpoint() + path + ": " + client.reason(answer));
        }
        Page hits = page(answer, path);
        if (total < 0) {
            if (hits.total() == null || !hits.total().canConvertToLong() || hits.total().asLong() < 0) {
                throw new SearchException(client.endpoint() + path + ": the answer has no hits.total.value");
            }
            total = hits.total().asLong();
            if (total > InputLimits.LEDGER_LINES) {
                throw new SearchException(String.format(Locale.ROOT, "%s%s: run %s: the store counts %d documents, "
                        + "more than the %d lines a ledger may have", client.endpoint(), path, runId, total,
                        InputLimits.LEDGER_LINES));
            }
        }
        if (hits.documents() == 0 && read < total) {
            throw new SearchException(String.format(Locale.ROOT, "%s%s: run %s: the store returned %d of its %d "
                    + "documents, then no more", client.endpoint(), path, runId, read, total));
        }
        read += hits.documents();
        if (read > total) {
            throw new SearchException(String.format(Locale.ROOT, "%s%s: run %s: the store returned more "
                    + "documents than the %d it counted", client.endpoint(), path, runId, total));
        }
        page = hits.lines();
        position = 0;
    }

    /** One page's {@code hits.total.value} and its hits as ledger lines. */
    private record Page(JsonNode total, int documents, byte[] lines) {
    }

    /**
     * Reads a page with Jackson's streaming parser, one hit in memory as a tree at a time and no more hits
     * than the page asked for: a store answering a million tiny hits is not built into a tree.
     */
    private Page page(SearchAnswer answer, String path) throws IOException {
        JsonNode count = null;
        int documents = 0;
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        boolean hitsSeen = false;
        try (JsonParser parser = Json.mapper().createParser(answer.body())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new SearchException(client.endpoint() + " POST " + path + ": the answer is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                if (parser.nextToken() != JsonToken.START_OBJECT || !field.equals("hits")) {
                    parser.skipChildren();
                    continue;
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String inner = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (inner.equals("total")) {
                        count = ((JsonNode) parser.readValueAsTree()).path("value");
                    } else if (inner.equals("hits") && value == JsonToken.START_ARRAY) {
                        hitsSeen = true;
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            if (++documents > pageSize) {
                                throw new SearchException(String.format(Locale.ROOT, "%s%s: run %s: the store "
                                        + "returned more than the %d documents a page asks for", client.endpoint(),
                                        path, runId, pageSize));
                            }
                            JsonNode hit = parser.readValueAsTree();
                            lines.writeBytes(ledgerLine(hit == null ? MissingNode.getInstance() : hit, path));
                            lines.write('\n');
                        }
                    } else {
                        parser.skipChildren();
                    }
                }
            }
        } catch (SearchException refused) {
            throw refused;
        } catch (IOException notJson) {
            throw new SearchException(client.endpoint() + " POST " + path + ": the answer is not JSON ("
                    + client.clean(notJson.getMessage() == null ? "" : notJson.getMessage()) + ")");
        }
        if (!hitsSeen) {
            throw new SearchException(String.format(Locale.ROOT, "%s%s: run %s: the answer has no hits.hits",
                    client.endpoint(), path, runId));
        }
        return new Page(count, documents, lines.toByteArray());
    }

    /** The ledger line of one hit: its source without the fields shipping added. */
    private byte[] ledgerLine(JsonNode hit, String path) throws SearchException {
        JsonNode source = hit.path("_source");
        JsonNode line = source.path(SearchDocument.LINE);
        String id = hit.path("_id").asText("?");
        if (source.isObject() && line.canConvertToLong() && line.asLong() > lastLine + 1) {
            long first = lastLine + 1;
            long last = line.asLong() - 1;
            throw new SearchException(String.format(Locale.ROOT, "%s%s: run %s: the store does not hold %s of the "
                    + "run (a document not shipped: ship the ledger again); a partial run is not reported",
                    client.endpoint(), path, runId, first == last ? "line " + first : "lines " + first + " to " + last));
        }
        if (!source.isObject() || !line.canConvertToLong() || line.asLong() <= lastLine
                || !runId.equals(source.path(SearchDocument.METADATA).path(SearchDocument.RUN_ID_TAG).asText(null))) {
            throw new SearchException(client.endpoint() + path + ": run " + runId + ": document '" + client.clean(id)
                    + "' is not the next line of the run (no " + SearchDocument.LINE + " above " + lastLine
                    + ", or another run's id)");
        }
        if (!id.equals(runId + ":" + line.asLong())) {
            throw new SearchException(client.endpoint() + path + ": run " + runId + ": document '" + client.clean(id)
                    + "' holds line " + line.asLong() + " but its _id is not " + runId + ":" + line.asLong()
                    + " (not written by ship)");
        }
        if ("meta".equals(source.path("type").asText(null))
                && !runId.equals(source.path(SearchDocument.RUN_ID_TAG).asText(null))) {
            throw new SearchException(client.endpoint() + path + ": run " + runId + ": document '" + client.clean(id)
                    + "' is a meta record of another run (benchmark_run_id '"
                    + client.clean(source.path(SearchDocument.RUN_ID_TAG).asText("")) + "')");
        }
        lastLine = line.asLong();
        ObjectNode ledgerLine = ((ObjectNode) source).deepCopy();
        ledgerLine.remove(SearchDocument.LINE);
        ledgerLine.remove(SearchDocument.METADATA);
        try {
            return Json.mapper().writeValueAsBytes(ledgerLine);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed tree always serializes", e);
        }
    }

    private ObjectNode query() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("size", pageSize);
        body.put("track_total_hits", true);
        body.putObject("query").putObject("term").put(SearchDocument.METADATA + "." + SearchDocument.RUN_ID_TAG, runId);
        body.putArray("sort").addObject().put(SearchDocument.LINE, "asc");
        if (lastLine > 0) {
            body.putArray("search_after").add(lastLine);
        }
        return body;
    }
}
