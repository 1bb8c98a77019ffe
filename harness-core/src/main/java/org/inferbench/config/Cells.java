package org.inferbench.config;

import java.util.List;
import java.util.Optional;

/** The cells of {@code cells.yaml}, in file order (the run order), ids unique. */
public record Cells(List<Cell> all) {

    public Cells {
        all = List.copyOf(all);
    }

    /** The cell with this id (compared as ids, node, engine and model, not as strings). */
    public Optional<Cell> find(CellId id) {
        return all.stream().filter(cell -> cell.id().equals(id)).findFirst();
    }

    /** The cell whose id reads {@code id}; empty also when {@code id} is not a cell id at all. */
    public Optional<Cell> find(String id) {
        try {
            return find(CellId.parse(id));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    public List<String> ids() {
        return all.stream().map(cell -> cell.id().toString()).toList();
    }
}
