package org.inferbench.export.search;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.inferbench.config.Defaults;
import org.inferbench.record.Json;
import org.inferbench.time.Sleeper;

/**
 * Sends one batch through {@code _bulk} and reads the answer item by item, retrying what may succeed later:
 * <ul>
 *   <li>the whole request failed to connect, broke off, or was answered 429 or 5xx: the batch is sent again
 *       (the documents' ids make that harmless: a document indexed before the break is replaced by itself);</li>
 *   <li>an item answered 429, 5xx or a rejected execution (the node's write queue is full): that item is
 *       sent again, alone with the others like it;</li>
 *   <li>an item answered another 4xx ({@code mapper_parsing_exception}...): a {@link Rejection}, reported by
 *       line, never retried (it would fail the same way);</li>
 *   <li>an answer that does not account for the request (not JSON, another number of items, other ids,
 *       over {@link Defaults#SHIP_BULK_ANSWER_BYTES_PER_DOCUMENT} per document): as untrustworthy as a broken
 *       connection, so the batch is sent again. The items are read one at a time with Jackson's streaming
 *       parser, and no further than the number sent: a store answering millions of items is not built into
 *       a tree;</li>
 *   <li>the whole request refused otherwise (400, 401, 403, 413...): {@link BulkRefusedException}.</li>
 * </ul>
 * Each document gets at most {@code attempts} tries, with {@link Backoff} between them. When the whole
 * request still fails after the last one (no connection, 429 or 5xx, an answer that does not account for
 * it, or every item sent answered 429 or 5xx), the store is unavailable and going on with the next batch
 * would only repeat that, batch after batch (hours for a million lines): a {@link BulkRefusedException} stops
 * the ledger there, naming the first line not shipped. What still fails when other items of the request
 * succeeded is a rejection saying so. Nothing is counted shipped that the store did not answer 2xx for.
 */
final class BulkSender {

    private final SearchClient client;
    private final Sleeper sleeper;
    private final Backoff backoff;
    private final int attempts;

    BulkSender(SearchClient client, Sleeper sleeper, Backoff backoff, int attempts) {
        this.client = client;
        this.sleeper = sleeper;
        this.backoff = backoff;
        this.attempts = attempts;
    }

    BulkOutcome send(List<BulkItem> batch) throws IOException {
        List<BulkItem> pending = batch;
        List<Rejection> rejected = new ArrayList<>();
        int shipped = 0;
        for (int attempt = 1; ; attempt++) {
            Failure failure = null;
            List<BulkItem> again = new ArrayList<>();
            try {
                SearchAnswer answer = client.bulk(ndjson(pending), answerBytes(pending.size()));
                if (answer.retryable()) {
                    failure = new Failure(client.reason(answer), answer.retryAfter());
                } else if (!answer.ok()) {
                    throw new BulkRefusedException(client.endpoint() + ": POST _bulk: " + client.reason(answer));
                } else {
                    ItemResults results = ItemResults.read(client, answer, pending);
                    if (results.mismatch() != null) {
                        failure = new Failure(results.mismatch(), Optional.empty());
                    } else {
                        shipped += results.shipped();
                        rejected.addAll(results.rejected());
                        again = results.retry();
                        if (!again.isEmpty()) {
                            failure = new Failure(results.retryReason(), answer.retryAfter());
                        }
                    }
                }
            } catch (BulkRefusedException refused) {
                throw refused;
            } catch (IOException broken) {
                failure = new Failure("POST _bulk: " + client.describe(broken), Optional.empty());
            }
            if (failure == null) {
                return new BulkOutcome(shipped, rejected);
            }
            List<BulkItem> retry = again.isEmpty() ? pending : again;
            if (attempt >= attempts && retry.size() == pending.size()) {
                throw new BulkRefusedException(String.format(Locale.ROOT, "%s: the store is unavailable after %d "
                        + "attempts (%s): nothing from line %d of %s on was shipped%s", client.endpoint(), attempts,
                        failure.reason(), batch.get(0).line(), batch.get(0).file(), shipped == 0 ? ""
                                : String.format(Locale.ROOT, " but %d documents of its batch", shipped)));
            }
            if (attempt >= attempts) {
                String reason = String.format(Locale.ROOT, "not shipped after %d attempts: %s", attempts, failure.reason());
                retry.forEach(item -> rejected.add(item.rejected(reason)));
                return new BulkOutcome(shipped, rejected);
            }
            pause(backoff.delay(attempt, failure.retryAfter()));
            pending = retry;
        }
    }

    /** The most of a {@code _bulk} answer read for {@code documents} sent. */
    static long answerBytes(int documents) {
        return Math.max(64L << 10, (long) documents * Defaults.SHIP_BULK_ANSWER_BYTES_PER_DOCUMENT);
    }

    private void pause(Duration delay) throws IOException {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to retry", e);
        }
    }

    private static byte[] ndjson(List<BulkItem> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(items.stream().mapToInt(i -> i.bytes().length).sum());
        items.forEach(item -> out.writeBytes(item.bytes()));
        return out.toByteArray();
    }

    private record Failure(String reason, Optional<Duration> retryAfter) {
    }

    /** One answer's per-item results, matched to the items sent, in order. */
    private record ItemResults(int shipped, List<Rejection> rejected, List<BulkItem> retry, String retryReason,
                               String mismatch) {

        static ItemResults read(SearchClient client, SearchAnswer answer, List<BulkItem> sent) {
            List<JsonNode> items = new ArrayList<>(sent.size());
            try (JsonParser parser = Json.mapper().createParser(answer.body())) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    return mismatch("POST _bulk: the answer is not JSON");
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (!field.equals("items") || value != JsonToken.START_ARRAY) {
                        parser.skipChildren();
                        continue;
                    }
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        if (items.size() == sent.size()) {
                            return mismatch(String.format(Locale.ROOT, "POST _bulk: the answer holds more item "
                                    + "results than the %d documents sent", sent.size()));
                        }
                        items.add(parser.readValueAsTree());
                    }
                }
            } catch (IOException notJson) {
                return mismatch("POST _bulk: the answer is not JSON");
            }
            if (items.size() != sent.size()) {
                return mismatch(String.format(Locale.ROOT, "POST _bulk: the answer holds %d item results for %d "
                        + "documents sent", items.size(), sent.size()));
            }
            int shipped = 0;
            List<Rejection> rejected = new ArrayList<>();
            List<BulkItem> retry = new ArrayList<>();
            String retryReason = null;
            for (int i = 0; i < sent.size(); i++) {
                BulkItem item = sent.get(i);
                JsonNode result = items.get(i) == null ? MissingNode.getInstance()
                        : items.get(i).path("index");
                if (!item.id().equals(result.path("_id").asText(null)) || !result.path("status").canConvertToInt()) {
                    return mismatch(String.format(Locale.ROOT, "POST _bulk: item %d of the answer is not the "
                            + "result of document %s", i + 1, item.id()));
                }
                int status = result.path("status").asInt();
                JsonNode error = result.path("error");
                String type = error.path("type").asText("");
                String reason = status + " " + client.clean(type + ": " + error.path("reason").asText(""));
                if (status >= 200 && status < 300) {
                    shipped++;
                } else if (status == 429 || status >= 500 || type.endsWith("rejected_execution_exception")) {
                    retry.add(item);
                    retryReason = reason;
                } else {
                    rejected.add(item.rejected(reason));
                }
            }
            return new ItemResults(shipped, rejected, retry, retryReason, null);
        }

        private static ItemResults mismatch(String why) {
            return new ItemResults(0, List.of(), List.of(), null, why);
        }
    }
}
