package org.inferbench.export.publish;

import java.util.List;
import org.inferbench.ledger.Ledger;
import org.inferbench.record.CallRecord;
import org.inferbench.record.CellFacts;
import org.inferbench.record.LedgerLine;
import org.inferbench.record.MetaRecord;
import org.inferbench.record.SkippedRecord;

/**
 * Makes a ledger fit to publish, field by field, knowing what each field is (SPEC section 10):
 * <ul>
 *   <li>a cell's {@code endpoint} becomes {@code <node>:<engine>};</li>
 *   <li>a {@code model_path} becomes the model's file name: where the file lies is nobody's business;</li>
 *   <li>the fields that locate something ({@code host}, {@code env_route}, {@code env_llamacpp_url})
 *       keep their value when it is clean once the run's endpoints are named, and become
 *       {@value #REDACTED} otherwise: their only use is to tell runs apart;</li>
 *   <li>free text (errors, skip reasons, notes, flags, dirty files) gets {@link TextRedaction} and
 *       nothing more; what it leaves is for the gate to report.</li>
 * </ul>
 * Everything else (timings, counts, digests, versions) is left as it is: it is the point of publishing.
 * {@code package} sanitizes a whole ledger; {@code ship} streams one, a line at a time ({@link #forRun}).
 */
public final class LedgerSanitizer {

    /** The value of a locating field that could not be made clean. */
    static final String REDACTED = "redacted";

    private final TextRedaction redaction;
    private final LeakScanner scanner;

    /**
     * @param redaction the run's own ({@link TextRedaction#forRun})
     * @param scanner   decides which locating fields are still not clean (the gate's own scanner)
     */
    LedgerSanitizer(TextRedaction redaction, LeakScanner scanner) {
        this.redaction = redaction;
        this.scanner = scanner;
    }

    /** The sanitizer of the run that {@code meta} opens, for reading its lines one at a time. */
    public static LedgerSanitizer forRun(MetaRecord meta, LeakScanner scanner) {
        return new LedgerSanitizer(TextRedaction.forRun(meta), scanner);
    }

    Ledger sanitize(Ledger ledger) {
        return new Ledger(meta(ledger.meta()), ledger.lines().stream().map(this::line).toList(), ledger.warnings());
    }

    public MetaRecord meta(MetaRecord m) {
        return m.toBuilder().host(locator(m.host())).envRoute(locator(m.envRoute()))
                .envLlamacppUrl(locator(m.envLlamacppUrl())).gitDirtyFiles(text(m.gitDirtyFiles()))
                .cells(m.cells() == null ? null : m.cells().stream().map(this::cell).toList())
                .harnessFlags(text(m.harnessFlags())).build();
    }

    public LedgerLine line(LedgerLine line) {
        if (line instanceof CallRecord c) {
            return c.toBuilder().error(redaction.apply(c.error())).coldNote(redaction.apply(c.coldNote())).build();
        }
        if (line instanceof SkippedRecord s) {
            return new SkippedRecord(s.type(), s.cellId(), s.promptId(), s.phase(), redaction.apply(s.reason()),
                    s.routed());
        }
        return line;
    }

    private CellFacts cell(CellFacts c) {
        String endpoint = c.endpoint() == null ? null
                : TextRedaction.endpointName(c).orElseGet(() -> locator(c.endpoint()));
        return c.toBuilder().endpoint(endpoint).healthReason(redaction.apply(c.healthReason()))
                .modelPath(fileName(c.modelPath())).build();
    }

    private String locator(String value) {
        String redacted = redaction.apply(value);
        return redacted == null || scanner.isClean(redacted) ? redacted : REDACTED;
    }

    private List<String> text(List<String> values) {
        return values == null ? null : values.stream().map(redaction::apply).toList();
    }

    /** The last element of a POSIX or Windows path: {@code /home/x/models/m.gguf} is {@code m.gguf}. */
    private static String fileName(String path) {
        if (path == null) {
            return null;
        }
        String slashed = path.replace('\\', '/').replaceAll("/+$", "");
        return slashed.substring(slashed.lastIndexOf('/') + 1);
    }
}
