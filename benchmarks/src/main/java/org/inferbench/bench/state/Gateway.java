package org.inferbench.bench.state;

import java.util.Objects;
import okhttp3.HttpUrl;
import org.inferbench.config.Cell;
import org.inferbench.config.CellsFile;
import org.inferbench.config.Environment;

/**
 * Where a cell's routed calls go (mode B, SPEC section 9). The precedence, in this one place:
 * <ol>
 *   <li>the cell's own {@code route:} in cells.yaml;</li>
 *   <li>else {@value #VARIABLE}, the run's gateway.</li>
 * </ol>
 * A cell whose {@code route:} names an unset variable has no gateway: its routed batches are skipped with a reason
 * naming the variable, as a cell whose endpoint variable is unset is. The environment's gateway does not stand in
 * for it, since the cell asked for its own and another gateway would measure another path.
 *
 * <p>The host asks before the run (to skip or refuse), the fork asks again when its batch opens: both read the same
 * cells text, each with its own environment, so the context between them never carries a resolved secret.
 *
 * @param url the gateway's base URL, user info and query included (they are the gateway's credentials: sent, never
 *            written; {@link #toString()} leaves them out)
 */
public record Gateway(HttpUrl url) {

    /** SPEC section 9: the run's gateway, when the cell names none. */
    public static final String VARIABLE = "WEEYUGA_INFERENCE_ROUTE";

    public Gateway {
        Objects.requireNonNull(url, "url");
    }

    /** What {@link #of} found for a cell. */
    public sealed interface Choice permits Found, Unset, Missing {
    }

    /** The cell's routed calls go to {@code gateway}. */
    public record Found(Gateway gateway) implements Choice {
    }

    /** The cell's {@code route:} names an unset variable: its routed batches are skipped, for {@code reason}. */
    public record Unset(String reason) implements Choice {
    }

    /** No usable gateway at all: a routed run of this cell is refused before the first call, for {@code reason}. */
    public record Missing(String reason) implements Choice {
    }

    /** The gateway of {@code cell}'s routed calls, by the precedence above. */
    public static Choice of(Cell cell, Environment environment) {
        if (cell.route().isPresent()) {
            // cells.yaml checked it (CellsFile): an http(s) URL with a host.
            return new Found(new Gateway(HttpUrl.get(cell.route().get())));
        }
        if (cell.routeUnsetReason().isPresent()) {
            return new Unset("routed batch not run: " + cell.routeUnsetReason().get());
        }
        String text = environment.get(VARIABLE);
        if (text == null || text.isBlank()) {
            return new Missing("cell " + cell.id() + " has no gateway for its routed calls: give it a "
                    + CellsFile.ROUTE + ": in cells.yaml, or set " + VARIABLE);
        }
        HttpUrl url = HttpUrl.parse(text.strip());
        if (url == null) {
            // Not echoed: the value may hold a key.
            return new Missing(VARIABLE + " is not an http:// or https:// URL with a host (cell " + cell.id() + ")");
        }
        return new Found(new Gateway(url));
    }

    /** Where the gateway is, without its user info, query or fragment (they may carry a key). */
    @Override
    public String toString() {
        return url.newBuilder().username("").password("").query(null).fragment(null).build().toString();
    }
}
