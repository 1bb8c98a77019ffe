package org.inferbench.config;

import java.util.List;
import java.util.Optional;

/** The cells of {@code cells.yaml}, in file order (the run order), ids unique. */
public record Cells(List<Cell> all) {

    public Cells {
        all = List.copyOf(all);
    }

    public Optional<Cell> find(String id) {
        return all.stream().filter(cell -> cell.id().toString().equals(id)).findFirst();
    }

    public List<String> ids() {
        return all.stream().map(cell -> cell.id().toString()).toList();
    }
}
