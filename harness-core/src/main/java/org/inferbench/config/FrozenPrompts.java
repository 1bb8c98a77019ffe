package org.inferbench.config;

import java.util.List;
import java.util.Optional;

/**
 * The shipped text of the frozen prompts (SPEC section 6). Every published number was measured with
 * exactly these bytes, so the harness keeps its own copy and refuses a {@code prompts.yaml} that
 * differs from it: the user's file is what gets checked, and this class is what it is checked against.
 * Nothing here ever changes; a new prompt gets a new id in {@code prompts.yaml}.
 */
public final class FrozenPrompts {

    public static final Prompt P_EASY = new Prompt("P-EASY",
            "trivial single-token response space",
            "hi\n",
            64);

    public static final Prompt P_MEDIUM = new Prompt("P-MEDIUM",
            "bounded structured task",
            "Explain in 4 sentences why the sky appears blue at noon.\n",
            512);

    public static final Prompt P_HARD = new Prompt("P-HARD",
            "open-ended creative",
            "Write a 200-word story about a fisherman who discovers a coin from a sunken empire.\n",
            1024);

    /** In the shipped order. */
    public static final List<Prompt> ALL = List.of(P_EASY, P_MEDIUM, P_HARD);

    private FrozenPrompts() {
    }

    public static Optional<Prompt> find(String id) {
        return ALL.stream().filter(prompt -> prompt.id().equals(id)).findFirst();
    }
}
