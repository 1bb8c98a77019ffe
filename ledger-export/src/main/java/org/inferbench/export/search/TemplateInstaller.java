package org.inferbench.export.search;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * Installs {@link IndexTemplate} or checks the one installed: absent, it is put; present and ours (the
 * same digest), nothing is sent; present and different, it is another version's or another team's, and is
 * replaced only when asked ({@code --replace-template}), never silently.
 */
final class TemplateInstaller {

    /** What was found, for the summary line. */
    enum Outcome {
        INSTALLED, UNCHANGED, REPLACED
    }

    private TemplateInstaller() {
    }

    static Outcome ensure(SearchClient client, IndexTemplate template, boolean replace) throws IOException {
        String path = "_index_template/" + template.name();
        SearchAnswer existing = client.get(path);
        Outcome outcome;
        if (existing.code() == 404) {
            outcome = Outcome.INSTALLED;
        } else if (existing.ok()) {
            JsonNode found = client.json("GET " + path, existing).path("index_templates").path(0).path("index_template");
            if (template.digest().equals(found.path("_meta").path(IndexTemplate.DIGEST_KEY).asText(null))) {
                return Outcome.UNCHANGED;
            }
            if (!replace) {
                throw new SearchException(client.endpoint() + ": index template '" + template.name() + "' exists with "
                        + "other mappings (patterns " + client.clean(found.path("index_patterns").toString())
                        + "), not installed by this version of ledger-export; not overwritten. Choose another "
                        + "--index-prefix, or --replace-template to replace it");
            }
            outcome = Outcome.REPLACED;
        } else {
            throw new SearchException(client.endpoint() + ": GET " + path + ": " + client.reason(existing));
        }
        SearchAnswer put = client.put(path, template.body());
        if (!put.ok()) {
            throw new SearchException(client.endpoint() + ": PUT " + path + ": " + client.reason(put));
        }
        return outcome;
    }
}
