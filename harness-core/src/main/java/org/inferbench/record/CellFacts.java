package org.inferbench.record;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What the health check learned about one cell before the run: whether it answered, and the
 * reproducibility facts (engine version, model identity) of SPEC section 5. Unknowns are null.
 *
 * @param endpoint     the base URL called, without any {@code user:password@}; replaced by
 *                     {@code <node>:<engine>} when a run is packaged for publication
 * @param healthReason why the cell is not reachable or not run; null when it is
 */
@JsonPropertyOrder({"cell_id", "engine", "endpoint", "reachable", "health_reason", "engine_version",
        "model_digest", "model_path", "model_n_params", "model_size", "gguf_sha256"})
public record CellFacts(
        @JsonProperty("cell_id") String cellId,
        @JsonProperty("engine") String engine,
        @JsonProperty("endpoint") String endpoint,
        @JsonProperty("reachable") boolean reachable,
        @JsonProperty("health_reason") String healthReason,
        @JsonProperty("engine_version") String engineVersion,
        @JsonProperty("model_digest") String modelDigest,
        @JsonProperty("model_path") String modelPath,
        @JsonProperty("model_n_params") Long modelNParams,
        @JsonProperty("model_size") Long modelSize,
        @JsonProperty("gguf_sha256") String ggufSha256) {
}
