package org.inferbench.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The prompts of {@code prompts.yaml}, in file order (the run order), ids unique. */
public record Prompts(List<Prompt> all) {

    public Prompts {
        all = List.copyOf(all);
    }

    public Optional<Prompt> find(String id) {
        return all.stream().filter(prompt -> prompt.id().equals(id)).findFirst();
    }

    public List<String> ids() {
        return all.stream().map(Prompt::id).toList();
    }

    /** The SHA-256 of the prompt's text (UTF-8), as the meta record lists it. */
    public static String sha256(Prompt prompt) {
        return Hashes.sha256Hex(prompt.text());
    }

    /** Every prompt's {@link #sha256}, by id in file order: the meta record's {@code prompts_sha256}. */
    public Map<String, String> sha256ById() {
        Map<String, String> hashes = new LinkedHashMap<>();
        all.forEach(prompt -> hashes.put(prompt.id(), sha256(prompt)));
        return Collections.unmodifiableMap(hashes);
    }
}
