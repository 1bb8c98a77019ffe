package org.inferbench.bench.run;

import java.nio.file.Path;

/**
 * The harness's options that a run reads, and nothing else of the command line: the files the forks
 * load the cells and prompts from again, where the ledger and its log go, and whether it is a smoke
 * run (which leaves out the loopback floor).
 */
public record RunOptions(Path cellsYaml, Path promptsYaml, Path ledgerDir, boolean smoke) {
}
