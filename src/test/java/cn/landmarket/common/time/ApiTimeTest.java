package cn.landmarket.common.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class ApiTimeTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void aMomentOnAWholeMinuteKeepsItsSeconds() {
        assertEquals("2027-01-07T16:44:00+08:00", ApiTime.format(Instant.parse("2027-01-07T08:44:00Z"), SHANGHAI));
    }

    @Test
    void theTextEqualsWhatTheApiJsonWritesForTheSameMoment() throws Exception {
        for (String utc : new String[] {"2027-01-07T08:44:00Z", "2027-01-07T08:44:05Z", "2027-01-07T08:44:05.123456Z",
                "2026-12-31T16:00:00Z"}) {
            Instant instant = Instant.parse(utc);
            OffsetDateTime asJson = instant.atZone(SHANGHAI).toOffsetDateTime();
            assertEquals(JSON.writeValueAsString(asJson), "\"" + ApiTime.format(instant, SHANGHAI) + "\"", utc);
        }
    }
}
