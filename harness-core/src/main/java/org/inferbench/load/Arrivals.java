package org.inferbench.load;

import java.util.Locale;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The shape of an open loop's schedule: how the gaps between planned sends are drawn, all with the mean
 * {@code 1 / rate}. As in vLLM's {@code bench serve} and GuideLLM, so that numbers compare.
 */
public enum Arrivals {

    /** Independent users: exponential gaps (a Poisson process), coefficient of variation 1. */
    POISSON,
    /** A metronome: every gap is exactly {@code 1 / rate}. A floor for the harness, not a model of users. */
    CONSTANT,
    /**
     * Gamma-distributed gaps with a chosen coefficient of variation ({@code --burstiness}): above 1 burstier than
     * Poisson, below 1 more regular. Shape {@code k = 1 / CV²}, scale {@code 1 / (rate k)}.
     */
    GAMMA;

    /** Parses {@code poisson}, {@code constant}, {@code gamma}, in any case. */
    public static Arrivals parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not an arrival process: poisson, constant or gamma");
        }
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The gap sampler for this process.
     *
     * @param rate        requests per second, above 0
     * @param burstiness  the gaps' coefficient of variation (GAMMA only; POISSON is 1, CONSTANT 0)
     * @param random      seeded by the caller, so a schedule can be replayed
     */
    Gaps gaps(double rate, double burstiness, RandomGenerator random) {
        double meanSeconds = 1.0 / rate;
        return switch (this) {
            case CONSTANT -> () -> meanSeconds;
            case POISSON -> gamma(1.0, meanSeconds, random);
            case GAMMA -> gamma(1.0 / (burstiness * burstiness), meanSeconds, random);
        };
    }

    private static Gaps gamma(double shape, double meanSeconds, RandomGenerator random) {
        GammaDistribution distribution = new GammaDistribution(random, shape, meanSeconds / shape);
        return distribution::sample;
    }

    /** Draws the next gap between two planned sends, in seconds. */
    @FunctionalInterface
    interface Gaps {
        double nextSeconds();
    }
}
