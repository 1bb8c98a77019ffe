package org.inferbench.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code prompts.yaml}: one map per prompt id, in run order. Refuses a file in which a frozen
 * prompt ({@link FrozenPrompts}) has other text or another {@code max_tokens}, or is missing:
 * a run with a changed frozen prompt would publish numbers that compare with nothing.
 */
public final class PromptsFile {

    private static final String INTENT = "intent";
    private static final String PROMPT = "prompt";
    private static final String MAX_TOKENS = "max_tokens";

    private static final List<String> PROMPT_KEYS = List.of(INTENT, PROMPT, MAX_TOKENS);

    private static final String NEW_ID_ADVICE = "frozen prompts never change; give a new prompt a new id (P-NEW1, ...)";

    /** Characters of context shown on each side of the first difference from a frozen text. */
    private static final int CONTEXT = 20;

    private PromptsFile() {
    }

    /** @throws ConfigException naming the file, the line and the key of the first mistake */
    public static Prompts load(Path file) {
        return load(YamlFile.read(file));
    }

    /** The prompts of a text the host read ({@link ConfigText}), as {@link #load(Path)} reads a file. */
    public static Prompts load(ConfigText text) {
        return load(YamlFile.of(text.file(), text.text()));
    }

    private static Prompts load(YamlFile yaml) {
        YamlFields top = YamlFields.of(yaml, yaml.root(), "the prompts file", null);
        List<Prompt> prompts = new ArrayList<>();
        for (String id : top.keys()) {
            if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                throw top.error(id, "a prompt id is letters, digits, '.', '_' and '-', starting with a letter or digit");
            }
            YamlFields fields = YamlFields.of(yaml, top.required(id), "prompt " + id, id)
                    .allowOnly(PROMPT_KEYS, Map.of());
            prompts.add(prompt(id, fields));
        }
        for (Prompt frozen : FrozenPrompts.ALL) {
            if (!top.keys().contains(frozen.id())) {
                throw top.error(frozen.id(), "frozen prompt " + frozen.id() + " is missing; " + NEW_ID_ADVICE
                        + ", and the frozen ones stay");
            }
        }
        return new Prompts(prompts);
    }

    private static Prompt prompt(String id, YamlFields fields) {
        String intent = fields.requiredText(INTENT);
        String text = fields.requiredText(PROMPT);
        if (text.isEmpty()) {
            throw fields.error(PROMPT, "the prompt text of " + id + " is empty");
        }
        int maxTokens = fields.requiredPositiveInt(MAX_TOKENS);
        FrozenPrompts.find(id).ifPresent(frozen -> {
            if (!frozen.text().equals(text)) {
                throw fields.error(PROMPT, "the text of frozen prompt " + id + " differs from the shipped one "
                        + difference(frozen.text(), text) + "; " + NEW_ID_ADVICE);
            }
            if (frozen.maxTokens() != maxTokens) {
                throw fields.error(MAX_TOKENS, "max_tokens of frozen prompt " + id + " is " + frozen.maxTokens()
                        + ", found " + maxTokens + "; " + NEW_ID_ADVICE);
            }
        });
        return new Prompt(id, intent, text, maxTokens);
    }

    /** Where two texts part, with a little context, so that a changed newline or space is visible. */
    private static String difference(String shipped, String found) {
        int at = 0;
        while (at < shipped.length() && at < found.length() && shipped.charAt(at) == found.charAt(at)) {
            at++;
        }
        int from = Math.max(0, at - CONTEXT);
        return "at character " + (at + 1) + ": shipped " + excerpt(shipped, from, at) + ", found "
                + excerpt(found, from, at) + " (a literal block, 'prompt: |', ends the text with exactly one newline)";
    }

    private static String excerpt(String text, int from, int at) {
        String shown = Quote.of(text.substring(from, Math.min(text.length(), at + CONTEXT)));
        return (from > 0 ? "..." : "") + shown + (at + CONTEXT < text.length() ? "..." : "");
    }
}
