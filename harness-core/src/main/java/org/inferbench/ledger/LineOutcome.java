package org.inferbench.ledger;

import com.fasterxml.jackson.core.exc.StreamReadException;
import org.inferbench.record.LedgerLine;

/**
 * What one ledger line turned out to be. Lines may be parsed on any thread; outcomes are applied to the
 * visitor in file order, which is where a broken line becomes a warning (the last one) or an error.
 */
sealed interface LineOutcome {

    /** 1-based line number in the source. */
    int line();

    /** A meta, call or skipped line. */
    record Parsed(int line, LedgerLine value) implements LineOutcome {
    }

    /** A line passed over. */
    record Passed(int line, LedgerWarning warning) implements LineOutcome {
    }

    /** A line that is JSON but not a valid ledger line. */
    record Invalid(int line, LedgerFormatException error) implements LineOutcome {
    }

    /** A line that is not one whole JSON object: cut off if it is the last, broken otherwise. */
    record Malformed(int line, StreamReadException cause) implements LineOutcome {
    }
}
