package org.inferbench.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The methodology's load average is {@code os.getloadavg()}: three numbers, written as an array. */
class LoadAverageTest {

    private record Holder(LoadAverage load) {
    }

    private static LoadAverage read(String json) throws Exception {
        return Json.mapper().readValue("{\"load\":" + json + "}", Holder.class).load();
    }

    @Test
    void writtenAsTheArrayOfOneFiveAndFifteenMinutes() throws Exception {
        assertEquals("[1.2,1.5,1.4]", Json.mapper().writeValueAsString(new LoadAverage(1.2, 1.5, 1.4)));
        assertEquals("[0.5,null,null]", Json.mapper().writeValueAsString(LoadAverage.ofOneMinute(0.5)));
    }

    @Test
    void readFromTheArrayOrFromTheSingleNumberOfHarness01() throws Exception {
        assertEquals(new LoadAverage(1.2, 1.5, 1.4), read("[1.2,1.5,1.4]"));
        assertEquals(new LoadAverage(0.52, null, null), read("0.52"));
        assertEquals(new LoadAverage(2.0, null, null), read("[2]"));
        assertEquals(null, read("null"));
    }

    @Test
    void anythingElseIsAnErrorThatJacksonNamesWithTheField() {
        for (String bad : new String[] {"\"high\"", "[1,2,3,4]", "[-1,0,0]", "{\"a\":1}", "[\"x\",1,1]"}) {
            JsonMappingException e = assertThrows(JsonMappingException.class, () -> read(bad), bad);
            assertEquals("load", e.getPath().get(0).getFieldName(), bad);
        }
    }

    @Test
    void theOneMinuteFigureOfAMissingLoadIsEmpty() {
        assertEquals(Optional.empty(), LoadAverage.oneMinuteOf(null));
        assertEquals(Optional.of(3.0), LoadAverage.oneMinuteOf(new LoadAverage(3.0, 2.0, 1.0)));
    }
}
