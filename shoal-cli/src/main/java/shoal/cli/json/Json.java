package shoal.cli.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON as plain values: objects are insertion-ordered {@code Map<String, Object>}, arrays
 * {@code List<Object>}, numbers {@link JsonNumber}, plus String, Boolean and null.
 *
 * <p>Only jackson-core's streaming parser is used: databind's reflection would cost every command
 * start-up time for nothing.
 */
public final class Json {
  private static final JsonFactory FACTORY = new JsonFactory();

  private Json() {}

  public static Object parse(String text) {
    try (JsonParser p = FACTORY.createParser(text)) {
      return readDocument(p);
    } catch (IOException e) {
      throw new IllegalArgumentException("invalid JSON: " + e.getMessage(), e);
    }
  }

  public static Object parse(byte[] bytes) {
    try (JsonParser p = FACTORY.createParser(bytes)) {
      return readDocument(p);
    } catch (IOException e) {
      throw new IllegalArgumentException("invalid JSON: " + e.getMessage(), e);
    }
  }

  /** Reads one document after another from a stream of concatenated JSON values. */
  public static Reader reader(InputStream in) throws IOException {
    return new Reader(FACTORY.createParser(in));
  }

  /** A stream of JSON values (events, progress messages). */
  public static final class Reader implements AutoCloseable {
    private final JsonParser parser;

    private Reader(JsonParser parser) {
      this.parser = parser;
    }

    /** The next value, or empty at the end of the stream. */
    public java.util.Optional<Object> next() throws IOException {
      JsonToken t = parser.nextToken();
      if (t == null) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.ofNullable(read(parser, t));
    }

    @Override
    public void close() throws IOException {
      parser.close();
    }
  }

  private static Object readDocument(JsonParser p) throws IOException {
    JsonToken t = p.nextToken();
    if (t == null) {
      throw new IOException("empty document");
    }
    return read(p, t);
  }

  private static Object read(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case START_OBJECT -> {
        Map<String, Object> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          m.put(name, read(p, p.nextToken()));
        }
        return m;
      }
      case START_ARRAY -> {
        List<Object> l = new ArrayList<>();
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
          l.add(read(p, e));
        }
        return l;
      }
      case VALUE_STRING -> {
        return p.getText();
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return new JsonNumber(p.getText());
      }
      case VALUE_TRUE -> {
        return Boolean.TRUE;
      }
      case VALUE_FALSE -> {
        return Boolean.FALSE;
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> throw new IOException("unexpected token " + t);
    }
  }

  /** Compact JSON, keys in map order, no HTML escaping (as Go's encoder with SetEscapeHTML(false)). */
  public static String write(Object value) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(w)) {
      write(g, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  /**
   * docker's formatter contexts marshal themselves with Go's json.Marshal, which escapes HTML
   * characters; these can only occur inside strings, so replacing them keeps the JSON valid.
   */
  private static String htmlEscaped(String json) {
    return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
  }

  private static void write(JsonGenerator g, Object v) throws IOException {
    switch (v) {
      case null -> g.writeNull();
      case Map<?, ?> m -> {
        g.writeStartObject();
        for (Map.Entry<?, ?> e : m.entrySet()) {
          g.writeFieldName(String.valueOf(e.getKey()));
          write(g, e.getValue());
        }
        g.writeEndObject();
      }
      case List<?> l -> {
        g.writeStartArray();
        for (Object o : l) {
          write(g, o);
        }
        g.writeEndArray();
      }
      case String s -> g.writeString(s);
      case Boolean b -> g.writeBoolean(b);
      case JsonNumber n -> g.writeNumber(n.text());
      case Integer i -> g.writeNumber(i);
      case Long l -> g.writeNumber(l);
      case BigDecimal d -> g.writeNumber(d);
      case Number n -> g.writeNumber(n.doubleValue());
      case JsonValue jv -> g.writeRawValue(htmlEscaped(write(jv.toJsonValue())));
      default -> g.writeString(v.toString());
    }
  }
}
