package org.inferbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InterpolationTest {

    private static final Environment ENVIRONMENT = Environment.of(Map.of(
            "HOST", "203.0.113.5",
            "PORT", "11434",
            "EMPTY", ""));

    private static Interpolation.Result resolve(String text) {
        return Interpolation.resolve(text, ENVIRONMENT);
    }

    @Test
    void substitutesSetVariables() {
        assertEquals(Optional.of("http://203.0.113.5:11434"), resolve("http://${HOST}:${PORT}").value());
        assertEquals(Optional.of("203.0.113.5"), resolve("${HOST}").value());
    }

    @Test
    void defaultAppliesWhenTheVariableIsUnsetOrEmpty() {
        assertEquals(Optional.of("http://127.0.0.1:18080"), resolve("${NOPE:-http://127.0.0.1:18080}").value());
        assertEquals(Optional.of("fallback"), resolve("${EMPTY:-fallback}").value());
        assertEquals(Optional.of("203.0.113.5"), resolve("${HOST:-fallback}").value());
        assertEquals(Optional.of("x"), resolve("x${NOPE:-}").value(), "an empty default is a default");
    }

    @Test
    void unsetOrEmptyVariableWithoutDefaultLeavesNoValueAndNamesIt() {
        Interpolation.Result unset = resolve("http://${NOPE}:${PORT}/${EMPTY}");
        assertEquals(Optional.empty(), unset.value());
        assertEquals(List.of("NOPE", "EMPTY"), unset.unsetVariables());
    }

    @Test
    void textWithoutReferencesIsUnchanged() {
        assertEquals(Optional.of("http://127.0.0.1:1/$x/{y}"), resolve("http://127.0.0.1:1/$x/{y}").value());
        assertEquals(List.of(), resolve("plain").unsetVariables());
    }

    @Test
    void refusesMalformedReferences() {
        for (String bad : List.of("${HOST", "${}", "${1X}", "${A B}", "${HOST-x}", "${A:-${B}}", "${:-x}")) {
            assertThrows(IllegalArgumentException.class, () -> resolve(bad), bad);
        }
    }

    @Test
    void systemEnvironmentReadsTheProcessEnvironment() {
        Map<String, String> real = System.getenv();
        String name = real.keySet().iterator().next();
        assertEquals(real.get(name), Environment.system().get(name));
    }
}
