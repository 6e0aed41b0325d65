package dev.awsj.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.PayloadTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * What a service sent for some values of a response, so that {@link SdkJson} prints them as the
 * AWS CLI does (docs/architecture.md, "The contract"). The AWS CLI keeps the numbers of a JSON body
 * as Python's JSON parser reads them ({@code 0.9914} stays 0.9914, {@code 100} stays an integer),
 * where the SDK reads a {@code Float} member into single precision; and with
 * {@code cli_timestamp_format = wire} it prints each timestamp as it came.
 *
 * <p>{@link #record} is called by the SDK interceptor that {@code aws.ClientFactory} installs, once
 * the SDK has unmarshalled a response: it walks the JSON body along the response and keeps, for
 * each {@code Float}, {@code Double} (and with {@code wire}, {@code Instant}) object of the response,
 * the JSON value the service sent for it. The key is that value object itself, by identity and
 * weakly held: the SDK copies a response after the interceptors run (to add its HTTP metadata), but
 * the copy holds the same value objects, so the texts reach whichever copy is printed and live as
 * long as it does. Never the body, only one small node per number.
 */
public final class WireText {
    private static final ReferenceQueue<Object> CLEARED = new ReferenceQueue<>();
    private static final Map<Key, JsonNode> AS_SENT = new HashMap<>();
    private static final JsonFactory JSON = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private WireText() {
    }

    /**
     * Keeps what the service sent for the values of {@code response}: from its JSON body the
     * floating-point members, and with {@code wireTimestamps} the timestamps (from the body, from
     * the headers, else written in the member's format, or the protocol's).
     *
     * @param jsonBody the JSON body the SDK read {@code response} from; null when it was not JSON
     * @param http the HTTP response, for timestamps sent as headers
     * @param bodyFormat how the protocol writes a timestamp in a body where the model names no format
     */
    public static void record(SdkPojo response, byte[] jsonBody, SdkHttpResponse http, boolean wireTimestamps,
            TimestampFormatTrait.Format bodyFormat) {
        Map<Object, JsonNode> found = new IdentityHashMap<>();
        Scan scan = new Scan(wireTimestamps, found);
        if (jsonBody != null && scan.wanted(response.sdkFields())) {
            try (JsonParser p = JSON.createParser(jsonBody)) {
                if (p.nextToken() == JsonToken.START_OBJECT) {
                    scan.root(p, response);
                }
            } catch (IOException | RuntimeException e) {
                // Not the JSON the SDK read after all: what was found so far is still right.
            }
        }
        if (wireTimestamps) {
            Timestamps.of(response, http, bodyFormat, found);
        }
        found.remove(Instant.EPOCH); // one shared object: not this response's own
        if (found.isEmpty()) {
            return;
        }
        synchronized (AS_SENT) {
            expunge();
            found.forEach((value, json) -> AS_SENT.put(new Key(value, CLEARED), json));
        }
    }

    /** Drops the texts of values the collector has taken. */
    private static void expunge() {
        for (Object k; (k = CLEARED.poll()) != null; ) {
            AS_SENT.remove(k);
        }
    }

    /** How many values have texts kept (tests: they go with their responses). */
    static int kept() {
        synchronized (AS_SENT) {
            expunge();
            return AS_SENT.size();
        }
    }

    /** The JSON value the service sent for {@code value} (a number or timestamp of a response); null when none was kept. */
    static JsonNode of(Object value) {
        synchronized (AS_SENT) {
            return AS_SENT.isEmpty() ? null : AS_SENT.get(new Key(value, null));
        }
    }

    /**
     * A number as Python's JSON parser reads {@code text}: an integer without a fraction or an
     * exponent, else a float ({@code 1e-05}, {@code 100.0}).
     */
    static JsonNode number(String text) {
        if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
            BigInteger i = new BigInteger(text);
            return i.bitLength() < 64 ? NODES.numberNode(i.longValue()) : NODES.numberNode(i);
        }
        return NODES.numberNode(Double.parseDouble(text));
    }

    /** ISO 8601 in UTC as S3 writes it in XML: {@code 2026-11-30T12:00:00.000Z}, milliseconds always. */
    static String iso8601(Instant t) {
        String s = t.truncatedTo(ChronoUnit.SECONDS).toString();
        int nanos = t.getNano();
        String fraction = nanos % 1_000_000 == 0 ? String.format(Locale.ROOT, ".%03d", nanos / 1_000_000)
                : nanos % 1_000 == 0 ? String.format(Locale.ROOT, ".%06d", nanos / 1_000)
                : String.format(Locale.ROOT, ".%09d", nanos);
        return s.substring(0, s.length() - 1) + fraction + "Z";
    }

    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    /** RFC 822 as HTTP headers carry it: {@code Mon, 30 Nov 2026 12:00:00 GMT}. */
    static String rfc822(Instant t) {
        LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC);
        return String.format(Locale.ROOT, "%s, %02d %s %04d %02d:%02d:%02d GMT",
                DAYS[d.getDayOfWeek().ordinal()], d.getDayOfMonth(), MONTHS[d.getMonthValue() - 1], d.getYear(),
                d.getHour(), d.getMinute(), d.getSecond());
    }

    /** One walk of a JSON body along the response it was read into. */
    private static final class Scan {
        private final boolean timestamps;
        private final Map<Object, JsonNode> found;

        Scan(boolean timestamps, Map<Object, JsonNode> found) {
            this.timestamps = timestamps;
            this.found = found;
        }

        private boolean kept(MarshallingType<?> type) {
            return type == MarshallingType.FLOAT || type == MarshallingType.DOUBLE
                    || type == MarshallingType.INSTANT && timestamps;
        }

        /** Whether any body member reachable from {@code fields} is one whose text is kept (else the body is not read). */
        boolean wanted(List<SdkField<?>> fields) {
            return wanted(fields, Collections.newSetFromMap(new IdentityHashMap<>()));
        }

        private boolean wanted(List<SdkField<?>> fields, Set<Object> seen) {
            for (SdkField<?> f : fields) {
                if (f.location() == MarshallLocation.PAYLOAD && wantedValue(f, seen)) {
                    return true;
                }
            }
            return false;
        }

        private boolean wantedValue(SdkField<?> f, Set<Object> seen) {
            MarshallingType<?> type = f.marshallingType();
            if (kept(type)) {
                return true;
            }
            if (type == MarshallingType.LIST) {
                return f.getOptionalTrait(ListTrait.class).map(t -> wantedValue(t.memberFieldInfo(), seen)).orElse(false);
            }
            if (type == MarshallingType.MAP) {
                return f.getOptionalTrait(MapTrait.class).map(t -> wantedValue(t.valueFieldInfo(), seen)).orElse(false);
            }
            if (type == MarshallingType.SDK_POJO) {
                // The SDK's field lists are one per shape: a shape met again (recursion) adds nothing.
                List<SdkField<?>> nested = f.constructor().get().sdkFields();
                return seen.add(nested) && wanted(nested, seen);
            }
            return false;
        }

        /**
         * From the body's first token. A REST response whose body is one structure member (its
         * payload) is read into that member; otherwise the body's members are the response's.
         */
        void root(JsonParser p, SdkPojo response) throws IOException {
            for (SdkField<?> f : response.sdkFields()) {
                if (f.containsTrait(PayloadTrait.class)) {
                    Object payload = f.getValueOrDefault(response);
                    if (payload instanceof SdkPojo pojo) {
                        structure(p, pojo);
                    }
                    return;
                }
            }
            structure(p, response);
        }

        /** At the start of an object read into {@code pojo}. */
        private void structure(JsonParser p, SdkPojo pojo) throws IOException {
            Map<String, SdkField<?>> byWireName = new HashMap<>();
            for (SdkField<?> f : pojo.sdkFields()) {
                if (f.location() == MarshallLocation.PAYLOAD) {
                    byWireName.put(f.unmarshallLocationName(), f);
                }
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                SdkField<?> f = byWireName.get(p.currentName());
                p.nextToken();
                if (f == null) {
                    p.skipChildren();
                } else {
                    value(p, f, f.getValueOrDefault(pojo));
                }
            }
        }

        /** At a value the SDK read into {@code value} for field {@code f}. */
        private void value(JsonParser p, SdkField<?> f, Object value) throws IOException {
            MarshallingType<?> type = f.marshallingType();
            JsonToken t = p.currentToken();
            if (value != null && kept(type)) {
                // A string where a number is due ("NaN", "Infinity"; an ISO-8601 timestamp): aws prints the string.
                if (t.isNumeric()) {
                    found.put(value, number(p.getText()));
                } else if (t == JsonToken.VALUE_STRING) {
                    found.put(value, NODES.textNode(p.getText()));
                }
            } else if (value instanceof SdkPojo pojo && t == JsonToken.START_OBJECT) {
                structure(p, pojo);
                return;
            } else if (value instanceof List<?> list && t == JsonToken.START_ARRAY) {
                SdkField<?> member = f.getRequiredTrait(ListTrait.class).memberFieldInfo();
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                    value(p, member, i < list.size() ? list.get(i) : null);
                }
                return;
            } else if (value instanceof Map<?, ?> map && t == JsonToken.START_OBJECT) {
                SdkField<?> member = f.getRequiredTrait(MapTrait.class).valueFieldInfo();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    value(p, member, map.get(key));
                }
                return;
            }
            p.skipChildren();
        }
    }

    /** With {@code cli_timestamp_format = wire}: the timestamps the body walk did not find. */
    private static final class Timestamps {
        private Timestamps() {
        }

        static void of(SdkPojo response, SdkHttpResponse http, TimestampFormatTrait.Format bodyFormat,
                Map<Object, JsonNode> found) {
            for (SdkField<?> f : response.sdkFields()) {
                Object value = f.getValueOrDefault(response);
                if (value instanceof Instant && f.location() == MarshallLocation.HEADER && http != null) {
                    // A header's value as it came: "Mon, 30 Nov 2026 12:00:00 GMT".
                    Optional<String> sent = http.firstMatchingHeader(f.locationName());
                    if (sent.isPresent()) {
                        found.putIfAbsent(value, NODES.textNode(sent.get()));
                        continue;
                    }
                }
                walk(f, value, bodyFormat, found);
            }
        }

        private static void walk(SdkField<?> f, Object value, TimestampFormatTrait.Format bodyFormat,
                Map<Object, JsonNode> found) {
            if (value instanceof Instant t) {
                if (!found.containsKey(t)) {
                    found.put(t, written(t, f, bodyFormat));
                }
            } else if (value instanceof SdkPojo pojo) {
                for (SdkField<?> member : pojo.sdkFields()) {
                    walk(member, member.getValueOrDefault(pojo), bodyFormat, found);
                }
            } else if (value instanceof List<?> list) {
                SdkField<?> member = f == null ? null : f.getOptionalTrait(ListTrait.class).map(ListTrait::memberFieldInfo).orElse(null);
                for (Object o : list) {
                    walk(member, o, bodyFormat, found);
                }
            } else if (value instanceof Map<?, ?> map) {
                SdkField<?> member = f == null ? null : f.getOptionalTrait(MapTrait.class).map(MapTrait::valueFieldInfo).orElse(null);
                for (Object o : map.values()) {
                    walk(member, o, bodyFormat, found);
                }
            }
        }

        /**
         * A timestamp whose text was not kept, written as the member's format (or the protocol's)
         * writes it: S3's XML {@code 2026-11-30T12:00:00.000Z}; epoch seconds, as the JSON services
         * send them, where the SDK read CBOR (Translate).
         */
        private static JsonNode written(Instant t, SdkField<?> f, TimestampFormatTrait.Format bodyFormat) {
            TimestampFormatTrait.Format format = f == null ? null
                    : f.getOptionalTrait(TimestampFormatTrait.class).map(TimestampFormatTrait::format).orElse(null);
            if (format == null) {
                format = f != null && f.location() == MarshallLocation.HEADER ? TimestampFormatTrait.Format.RFC_822 : bodyFormat;
            }
            return switch (format) {
                case ISO_8601 -> NODES.textNode(iso8601(t));
                case RFC_822 -> NODES.textNode(rfc822(t));
                case UNIX_TIMESTAMP_MILLIS -> NODES.numberNode(t.toEpochMilli());
                default -> NODES.numberNode(t.getEpochSecond() + t.getNano() / 1e9);
            };
        }
    }

    /** A value object, held weakly, equal only to the same object. */
    private static final class Key extends WeakReference<Object> {
        private final int hash;

        Key(Object referent, ReferenceQueue<Object> queue) {
            super(referent, queue);
            this.hash = System.identityHashCode(referent);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            Object referent = get();
            return o instanceof Key k && referent != null && referent == k.get();
        }
    }
}
