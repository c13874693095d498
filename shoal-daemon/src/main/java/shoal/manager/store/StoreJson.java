package shoal.manager.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;

/**
 * The store's wire and disk form: JSON, lenient on unknown fields so that objects can grow. Times
 * are ISO-8601 strings (Instant "2024-…Z", Duration "PT5S").
 */
final class StoreJson {
  private static final ObjectMapper MAPPER = mapper();

  private StoreJson() {}

  static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode " + value.getClass().getSimpleName(), e);
    }
  }

  /** @throws IOException when the bytes are not a {@code type} */
  static <T> T read(byte[] bytes, Class<T> type) throws IOException {
    return MAPPER.readValue(bytes, type);
  }

  private static ObjectMapper mapper() {
    SimpleModule times = new SimpleModule("shoal-store-times");
    times.addSerializer(Instant.class, new JsonSerializer<>() {
      @Override
      public void serialize(Instant value, JsonGenerator gen, SerializerProvider p)
          throws IOException {
        gen.writeString(value.toString());
      }
    });
    times.addDeserializer(Instant.class, new JsonDeserializer<>() {
      @Override
      public Instant deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
        return Instant.parse(p.getValueAsString());
      }
    });
    times.addSerializer(Duration.class, new JsonSerializer<>() {
      @Override
      public void serialize(Duration value, JsonGenerator gen, SerializerProvider p)
          throws IOException {
        gen.writeString(value.toString());
      }
    });
    times.addDeserializer(Duration.class, new JsonDeserializer<>() {
      @Override
      public Duration deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
        return Duration.parse(p.getValueAsString());
      }
    });
    return new ObjectMapper()
        .registerModule(times)
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  }
}
