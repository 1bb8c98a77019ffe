package org.inferbench.export.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.inferbench.config.Defaults;
import org.inferbench.export.publish.Finding;
import org.inferbench.export.publish.LeakGate;
import org.inferbench.export.publish.LeakScanner;
import org.inferbench.ledger.LedgerWarning;
import org.inferbench.record.Json;
import org.inferbench.time.Sleeper;

/**
 * {@code ship}'s three steps, each a method so the command can stop between them:
 * <ol>
 *   <li>{@link #gate}: every ledger read through, sanitized as {@code package} does, and each document
 *       checked by the {@link LeakGate} exactly as it would be sent; any finding and nothing is sent;</li>
 *   <li>{@link #prepare}: the store's flavour from its root, the index template installed or checked;</li>
 *   <li>{@link #ship}: a ledger streamed into {@code _bulk} batches bounded by count and bytes, each sent
 *       by a {@link BulkSender} (retries, per-item results), rejections printed by line as they come.</li>
 * </ol>
 * The ledger is read twice, and a running run's ledger grows in between: {@link #ship} sends only the
 * documents {@link #gate} checked (it records how many per ledger), never a line appended since.
 */
public final class Shipper {

    private final SearchClient client;
    private final IndexPrefix prefix;
    private final LeakScanner scanner;
    private final BulkSender sender;
    private final int batchDocuments;
    private final int batchBytes;
    private final PrintWriter err;
    /** Per ledger, what the gate read: only that is shipped. */
    private final Map<Path, Checked> checked = new HashMap<>();

    /**
     * @param err where rejections ({@code file:line: why}), passed-over lines and progress go
     */
    public Shipper(SearchClient client, IndexPrefix prefix, LeakScanner scanner, Sleeper sleeper, PrintWriter err) {
        this(client, prefix, scanner, new BulkSender(client, sleeper, new Backoff(Defaults.SHIP_BACKOFF_FIRST,
                Defaults.SHIP_BACKOFF_MAX, Defaults.SHIP_RETRY_AFTER_MAX), Defaults.SHIP_ATTEMPTS),
                Defaults.SHIP_BATCH_DOCUMENTS, Defaults.SHIP_BATCH_BYTES, err);
    }

    Shipper(SearchClient client, IndexPrefix prefix, LeakScanner scanner, BulkSender sender, int batchDocuments,
            int batchBytes, PrintWriter err) {
        this.client = client;
        this.prefix = prefix;
        this.scanner = scanner;
        this.sender = sender;
        this.batchDocuments = batchDocuments;
        this.batchBytes = batchBytes;
        this.err = err;
    }

    /** The leak gate's findings in the documents of {@code ledgers}, each at its ledger's file and line. Sorted. */
    public List<Finding> gate(List<Path> ledgers) throws IOException {
        try (DocumentGate gate = new DocumentGate(new LeakGate(scanner), Runtime.getRuntime().availableProcessors())) {
            for (Path ledger : ledgers) {
                String file = ledger.toString();
                int[] read = new int[2];
                LedgerDocuments.read(ledger, prefix, scanner, (line, document) -> {
                    read[0]++;
                    read[1] = line;
                    gate.check(file, line, text(document));
                });
                checked.put(ledger, new Checked(read[0], read[1]));
            }
            return gate.findings();
        }
    }

    /** The store's flavour and the template: a one-line summary of what was done. */
    public String prepare(boolean replaceTemplate) throws IOException {
        SearchAnswer root = client.get("");
        if (!root.ok()) {
            throw new SearchException(client.endpoint() + ": GET /: " + client.reason(root));
        }
        SearchFlavour flavour;
        try {
            flavour = SearchFlavour.of(client.json("GET /", root));
        } catch (SearchException notAStore) {
            throw new SearchException(client.endpoint() + ": " + notAStore.getMessage());
        }
        IndexTemplate template = new IndexTemplate(prefix, flavour);
        TemplateInstaller.Outcome outcome = TemplateInstaller.ensure(client, template, replaceTemplate);
        return String.format(Locale.ROOT, "%s: %s, index template '%s' %s", client.endpoint(),
                flavour.name().toLowerCase(Locale.ROOT), template.name(), switch (outcome) {
                    case INSTALLED -> "installed";
                    case UNCHANGED -> "already installed";
                    case REPLACED -> "replaced (--replace-template)";
                });
    }

    /**
     * Ships one ledger, as far as {@link #gate} checked it; what the store refused is printed by line on
     * {@code err} as it comes.
     *
     * @throws IllegalStateException when the ledger did not go through {@link #gate} first
     */
    public ShipResult ship(Path ledger) throws IOException {
        Checked limit = checked.get(ledger);
        if (limit == null) {
            throw new IllegalStateException(ledger + " was not checked by the leak gate");
        }
        String file = ledger.toString();
        Batches batches = new Batches(file);
        boolean grew = false;
        try {
            try {
                LedgerDocuments.read(ledger, prefix, scanner, new LedgerDocuments.Visitor() {
                    private int documents;

                    @Override
                    public void document(int line, SearchDocument document) throws IOException {
                        if (++documents > limit.documents()) {
                            throw new GrownSinceChecked();
                        }
                        batches.add(line, document);
                    }

                    @Override
                    public void passedOver(LedgerWarning warning) {
                        // The reader quotes the line's type as written: a hostile ledger's escape sequences stop here.
                        err.println("warning: " + printable(warning.toString()) + " (not shipped)");
                    }
                });
            } catch (GrownSinceChecked grown) {
                grew = true;
            }
            batches.flush();
            refresh(batches.index);
        } catch (BulkRefusedException refused) {
            err.flush();
            return new ShipResult(file, batches.runId, batches.index, batches.shipped, batches.rejected,
                    refused.getMessage());
        }
        if (grew) {
            err.println("warning: " + file + ": the ledger has grown since the leak gate read it (a run still "
                    + "running?): nothing after line " + limit.lastLine() + ", the last one checked, was shipped; "
                    + "ship it again once the run has finished");
        }
        err.flush();
        return new ShipResult(file, batches.runId, batches.index, batches.shipped, batches.rejected,
                grew ? "the ledger grew after the leak check; nothing after line " + limit.lastLine() + " was shipped"
                        : null);
    }

    /** What the gate read of one ledger: its documents, and the file's line of the last one. */
    private record Checked(int documents, int lastLine) {
    }

    /** Thrown out of the reader at the first document the gate did not check. */
    private static final class GrownSinceChecked extends IOException {

        private static final long serialVersionUID = 1L;
    }

    /**
     * Makes what was shipped searchable now rather than within the store's refresh interval: a report read
     * back right after {@code ship} returns must see the whole run. A failure is only a warning: the
     * documents are stored, and the store refreshes on its own.
     */
    private void refresh(String index) {
        if (index == null) {
            return;
        }
        try {
            SearchAnswer answer = client.post(index + "/_refresh");
            if (!answer.ok()) {
                err.println("warning: " + client.endpoint() + index + "/_refresh: " + client.reason(answer));
            }
        } catch (IOException e) {
            err.println("warning: " + client.endpoint() + index + "/_refresh: " + client.describe(e));
        }
    }

    /** {@code text} with control and format characters shown as {@code ?}. */
    static String printable(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                shown.append('?');
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }

    private static String text(SearchDocument document) {
        try {
            return Json.mapper().writeValueAsString(document.source());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree built from records always serializes", e);
        }
    }

    /** The batch being filled, and the counts so far. */
    private final class Batches {

        private final String file;
        private final List<BulkItem> items = new ArrayList<>();
        private long bytes;
        private long shipped;
        private long rejected;
        private long nextProgress = Defaults.SHIP_PROGRESS_DOCUMENTS;
        private String runId;
        private String index;

        Batches(String file) {
            this.file = file;
        }

        void add(int line, SearchDocument document) throws IOException {
            if (runId == null) {
                runId = document.id().substring(0, document.id().lastIndexOf(':'));
                index = document.index();
            }
            BulkItem item = BulkItem.of(file, line, document);
            if (!items.isEmpty() && bytes + item.bytes().length > batchBytes) {
                flush();
            }
            items.add(item);
            bytes += item.bytes().length;
            if (items.size() >= batchDocuments) {
                flush();
            }
        }

        void flush() throws IOException {
            if (items.isEmpty()) {
                return;
            }
            BulkOutcome outcome = sender.send(List.copyOf(items));
            items.clear();
            bytes = 0;
            shipped += outcome.shipped();
            rejected += outcome.rejected().size();
            outcome.rejected().forEach(err::println);
            if (shipped + rejected >= nextProgress) {
                err.printf(Locale.ROOT, "%s: %d documents shipped, %d not shipped so far%n", file, shipped, rejected);
                nextProgress += Defaults.SHIP_PROGRESS_DOCUMENTS;
            }
            err.flush();
        }
    }
}
