package dev.awsj.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Timestamps are formatted by hand (start-up time): the text DateTimeFormatter wrote, for any instant. */
class InstantFormatTest {
    static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");

    static String expected(Instant t) {
        return (t.getNano() / 1000 == 0 ? SECONDS : MICROS).format(t.atOffset(ZoneOffset.UTC));
    }

    @Test
    void sameTextAsTheFormatter() {
        assertEquals("2026-11-30T18:15:11.683000+00:00", SdkJson.formatInstant(Instant.parse("2026-11-30T18:15:11.683Z")));
        assertEquals("1970-01-01T00:00:00+00:00", SdkJson.formatInstant(Instant.EPOCH));
        assertEquals("2026-01-02T03:04:05+00:00", SdkJson.formatInstant(Instant.parse("2026-01-02T03:04:05.000000999Z")));
        Random r = new Random(42);
        for (int i = 0; i < 20000; i++) {
            long seconds = r.nextLong() % 400_000_000_000L;
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> r.nextInt(1000) * 1_000_000;
                case 2 -> r.nextInt(1_000_000) * 1000;
                default -> r.nextInt(1_000_000_000);
            };
            Instant t = Instant.ofEpochSecond(seconds, nanos);
            assertEquals(expected(t), SdkJson.formatInstant(t), t.toString());
        }
    }
}
