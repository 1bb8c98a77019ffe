package org.inferbench.export.aggregate;

import java.util.List;
import java.util.Optional;
import org.inferbench.load.Slo;

/** The SLO a load run was started with, from the flags its meta record keeps ({@code --slo X} or {@code --slo=X}). */
final class RunSlo {

    static final String FLAG = "--slo";

    private RunSlo() {
    }

    /** Empty when the run had no {@code --slo}, or one that does not parse (the run itself would have refused it). */
    static Optional<Slo> fromFlags(List<String> flags) {
        if (flags == null) {
            return Optional.empty();
        }
        for (int i = 0; i < flags.size(); i++) {
            String flag = flags.get(i);
            String value = null;
            if (FLAG.equals(flag) && i + 1 < flags.size()) {
                value = flags.get(i + 1);
            } else if (flag != null && flag.startsWith(FLAG + "=")) {
                value = flag.substring(FLAG.length() + 1);
            }
            if (value != null) {
                try {
                    return Optional.of(Slo.parse(value));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
