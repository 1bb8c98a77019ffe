package org.inferbench.export.search;

import java.io.IOException;
import java.nio.file.Path;
import org.inferbench.export.publish.LeakScanner;
import org.inferbench.export.publish.LedgerSanitizer;
import org.inferbench.export.read.InputFormatException;
import org.inferbench.export.read.InputLimits;
import org.inferbench.export.read.NumberedLedger;
import org.inferbench.ledger.LedgerWarning;
import org.inferbench.record.LedgerLine;
import org.inferbench.record.MetaRecord;

/**
 * A ledger file streamed as the documents {@code ship} sends, each line sanitized exactly as {@code package}
 * sanitizes it ({@link LedgerSanitizer}: endpoints named, paths cut, free text redacted) before it becomes a
 * {@link SearchDocument}. One line in memory at a time, whatever the ledger's size.
 */
final class LedgerDocuments {

    /**
     * Receives each document with the line of the file it came from. The document itself is numbered by its
     * place among the lines shipped ({@code 1} the meta line, then {@code 2, 3, ...} with no gap): the line it
     * has in the published ledger, since {@code package} keeps exactly these lines. The file's own line is
     * for messages only: a blank or passed-over line would otherwise give the same record another id in the
     * raw ledger than in its published copy, and shipping both would store it twice.
     */
    interface Visitor {
        void document(int line, SearchDocument document) throws IOException;

        /** A line the reader passed over (unknown type, cut-off last line): not shipped. */
        default void passedOver(LedgerWarning warning) {
        }
    }

    private LedgerDocuments() {
    }

    /**
     * @throws InputFormatException when the meta record cannot name the run's documents or index
     */
    static void read(Path ledger, IndexPrefix prefix, LeakScanner scanner, Visitor visitor) throws IOException {
        read(ledger, prefix, scanner, visitor, InputLimits.LEDGER_LINES);
    }

    /**
     * @param maxLines the most documents shipped of one ledger: the read-back refuses a run of more, so
     *                 {@code ship} refuses to write one ({@link InputLimits#LEDGER_LINES})
     */
    static void read(Path ledger, IndexPrefix prefix, LeakScanner scanner, Visitor visitor, long maxLines)
            throws IOException {
        String file = ledger.toString();
        NumberedLedger.read(ledger, new NumberedLedger.Visitor() {
            private LedgerSanitizer sanitizer;
            private MetaRecord meta;
            private int shipped;

            @Override
            public void line(int number, LedgerLine line) throws IOException {
                if (shipped >= maxLines) {
                    throw new InputFormatException(file + ":" + number, "more than " + maxLines + " lines: not a "
                            + "run's ledger (a read-back refuses a run of more)");
                }
                if (line instanceof MetaRecord first) {
                    try {
                        SearchDocument.month(first);
                    } catch (IllegalArgumentException e) {
                        throw new InputFormatException(file + ":" + number, e.getMessage());
                    }
                    sanitizer = LedgerSanitizer.forRun(first, scanner);
                    meta = sanitizer.meta(first);
                    visitor.document(number, SearchDocument.of(prefix, meta, ++shipped, meta));
                    return;
                }
                visitor.document(number, SearchDocument.of(prefix, meta, ++shipped, sanitizer.line(line)));
            }

            @Override
            public void warning(LedgerWarning warning) {
                visitor.passedOver(warning);
            }
        });
    }
}
