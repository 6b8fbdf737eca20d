package org.disputehub.hub.support;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import org.disputehub.canonical.codec.Json;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the hub's API writes JSON: as the canonical codec does, but every {@link OffsetDateTime}, {@link ZonedDateTime}
 * and {@link Instant} at {@code +08:00} (Asia/Shanghai), ISO-8601 with seconds — whatever offset the value was read
 * from the store with (PostgreSQL answers in UTC). The same module is on Spring's {@code ObjectMapper}, so records
 * and maps a controller returns are written the same way; views built as trees use {@link #tree}.
 */
@Configuration(proxyBeanMethods = false)
public class ApiJson {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final SimpleModule TIMES = new SimpleModule("hub-api-times")
            .addSerializer(OffsetDateTime.class, writer(t -> t.atZoneSameInstant(ZONE)))
            .addSerializer(ZonedDateTime.class, writer(t -> t.withZoneSameInstant(ZONE)))
            .addSerializer(Instant.class, writer(t -> t.atZone(ZONE)));
    private static final ObjectMapper MAPPER = Json.mapper().copy().registerModule(TIMES);

    /** The API's form of a time, e.g. {@code 2026-11-22T10:20:00+08:00}. */
    public static String format(OffsetDateTime time) {
        return FORMAT.format(time.atZoneSameInstant(ZONE));
    }

    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Registered by Spring Boot on the {@code ObjectMapper} that writes every controller's reply. */
    @Bean
    Module hubApiTimes() {
        return TIMES;
    }

    private static <T> JsonSerializer<T> writer(Function<T, ZonedDateTime> inZone) {
        return new JsonSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(FORMAT.format(inZone.apply(value)));
            }
        };
    }
}
