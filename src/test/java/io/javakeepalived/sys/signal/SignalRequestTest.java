package io.javakeepalived.sys.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignalRequestTest {

    @Test
    void signumPrintsWhatKeepalived227Prints() {
        // measured with keepalived 2.2.7 --signum=NAME (shared/reference/keepalived-features.md)
        Map<String, Integer> keepalived = Map.of("STOP", 15, "RELOAD", 1, "DATA", 10, "STATS", 12,
                "STATS_CLEAR", 63, "JSON", 36);
        keepalived.forEach((name, number) ->
                assertEquals(number, SignalRequest.forSignumName(name).orElseThrow().signum(), name));
        assertEquals(keepalived.size(), SignalRequest.values().length);
    }

    @Test
    void signumNamesAreExactLikeKeepalivedsStrcmp() {
        assertEquals(Optional.of(SignalRequest.JSON), SignalRequest.forSignumName("JSON"));
        assertEquals(Optional.empty(), SignalRequest.forSignumName("json"));
        assertEquals(Optional.empty(), SignalRequest.forSignumName("TDATA")); // unknown to 2.2.7
        assertEquals(Optional.empty(), SignalRequest.forSignumName(" STOP"));
        assertEquals(Optional.empty(), SignalRequest.forSignumName(""));
    }

    @Test
    void theSignumOfARequestCarriesThatRequest() {
        for (SignalRequest r : SignalRequest.values()) {
            assertEquals(Optional.of(r), KeepalivedSignal.requestFor(r.signum()), r.name());
        }
    }
}
