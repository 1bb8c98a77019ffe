package org.inferbench.bench.run;

import java.nio.file.Path;
import org.inferbench.config.ConfigText;

/**
 * The harness's options that a run reads, and nothing else of the command line: the texts of the
 * cells and prompts files as the host read and checked them (the forks parse these very texts, never
 * the files again), where the ledger and its log go, and whether it is a smoke run (which leaves out
 * the loopback floor).
 */
public record RunOptions(ConfigText cells, ConfigText prompts, Path ledgerDir, boolean smoke) {
}
