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

    /** What the health check learned of {@code cellId}; the rest by name. */
    public static Builder builder(String cellId) {
        Builder b = new Builder();
        b.cellId = cellId;
        return b;
    }

    /** A builder holding every field of this record, to make a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.cellId = cellId;
        b.engine = engine;
        b.endpoint = endpoint;
        b.reachable = reachable;
        b.healthReason = healthReason;
        b.engineVersion = engineVersion;
        b.modelDigest = modelDigest;
        b.modelPath = modelPath;
        b.modelNParams = modelNParams;
        b.modelSize = modelSize;
        b.ggufSha256 = ggufSha256;
        return b;
    }

    /** Sets fields by name; {@link #build()} makes the record. Unset fields are null. */
    public static final class Builder {

        private String cellId;
        private String engine;
        private String endpoint;
        private boolean reachable;
        private String healthReason;
        private String engineVersion;
        private String modelDigest;
        private String modelPath;
        private Long modelNParams;
        private Long modelSize;
        private String ggufSha256;

        private Builder() {
        }

        public Builder cellId(String value) {
            this.cellId = value;
            return this;
        }

        public Builder engine(String value) {
            this.engine = value;
            return this;
        }

        public Builder endpoint(String value) {
            this.endpoint = value;
            return this;
        }

        public Builder reachable(boolean value) {
            this.reachable = value;
            return this;
        }

        public Builder healthReason(String value) {
            this.healthReason = value;
            return this;
        }

        public Builder engineVersion(String value) {
            this.engineVersion = value;
            return this;
        }

        public Builder modelDigest(String value) {
            this.modelDigest = value;
            return this;
        }

        public Builder modelPath(String value) {
            this.modelPath = value;
            return this;
        }

        public Builder modelNParams(Long value) {
            this.modelNParams = value;
            return this;
        }

        public Builder modelSize(Long value) {
            this.modelSize = value;
            return this;
        }

        public Builder ggufSha256(String value) {
            this.ggufSha256 = value;
            return this;
        }

        public CellFacts build() {
            return new CellFacts(cellId, engine, endpoint, reachable, healthReason, engineVersion, modelDigest, modelPath, modelNParams, modelSize, ggufSha256);
        }
    }
}
