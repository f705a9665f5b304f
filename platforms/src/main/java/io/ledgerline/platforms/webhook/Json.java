package io.ledgerline.platforms.webhook;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON reader (RFC 8259), enough to pick credentials and ids out of bodies without a
 * runtime dependency. Objects become {@code Map<String, Object>}, arrays {@code List<Object>},
 * strings {@code String}, numbers {@link Number} (their lexeme kept as {@link JsonNumber}), true
 * and false {@code Boolean}, null {@link #NULL}. Nesting is bounded so hostile input cannot exhaust
 * the stack.
 */
public final class Json {

  public static final Object NULL = new Object();
  private static final int MAX_DEPTH = 64;

  /** A number as written, so ids like 1000000068001 keep every digit. */
  public record JsonNumber(String lexeme) {
    @Override
    public String toString() {
      return lexeme;
    }
  }

  private final String text;
  private int pos;

  private Json(String text) {
    this.text = text;
  }

  public static Object parse(byte[] body) throws MalformedInput {
    return parse(new String(body, StandardCharsets.UTF_8));
  }

  public static Object parse(String text) throws MalformedInput {
    Json reader = new Json(text);
    reader.skipWhitespace();
    Object value = reader.value(0);
    reader.skipWhitespace();
    if (reader.pos != text.length()) {
      throw reader.error("trailing characters");
    }
    return value;
  }

  /** The body as a JSON object, or MalformedInput. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> parseObject(byte[] body) throws MalformedInput {
    Object value = parse(body);
    if (!(value instanceof Map)) {
      throw new MalformedInput("body is not a JSON object");
    }
    return (Map<String, Object>) value;
  }

  /** A string or number member as text; null if absent or of another type. */
  public static String text(Map<String, Object> object, String name) {
    Object value = object.get(name);
    return value instanceof String || value instanceof JsonNumber ? value.toString() : null;
  }

  private Object value(int depth) throws MalformedInput {
    if (depth > MAX_DEPTH) {
      throw error("nested too deeply");
    }
    if (pos >= text.length()) {
      throw error("unexpected end");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return object(depth);
      case '[':
        return array(depth);
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", NULL);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("unexpected character");
    }
  }

  private Map<String, Object> object(int depth) throws MalformedInput {
    Map<String, Object> members = new LinkedHashMap<>();
    pos++;
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      return members;
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw error("expected a member name");
      }
      String name = string();
      skipWhitespace();
      expect(':');
      skipWhitespace();
      Object value = value(depth + 1);
      // Duplicate names are ambiguous across parsers; a credential check must not be fooled by one.
      if (members.putIfAbsent(name, value) != null) {
        throw error("duplicate member name");
      }
      skipWhitespace();
      char c = next();
      if (c == '}') {
        return members;
      }
      if (c != ',') {
        throw error("expected , or }");
      }
    }
  }

  private List<Object> array(int depth) throws MalformedInput {
    List<Object> items = new ArrayList<>();
    pos++;
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      return items;
    }
    while (true) {
      skipWhitespace();
      items.add(value(depth + 1));
      skipWhitespace();
      char c = next();
      if (c == ']') {
        return items;
      }
      if (c != ',') {
        throw error("expected , or ]");
      }
    }
  }

  private String string() throws MalformedInput {
    expect('"');
    StringBuilder out = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        throw error("control character in string");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = next();
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          int code = 0;
          for (int i = 0; i < 4; i++) {
            int digit = Character.digit(next(), 16);
            if (digit < 0) {
              throw error("bad \\u escape");
            }
            code = code * 16 + digit;
          }
          out.append((char) code);
        }
        default -> throw error("bad escape");
      }
    }
  }

  private JsonNumber number() throws MalformedInput {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
    } else if (isDigit(peek())) {
      digits();
    } else {
      throw error("bad number");
    }
    if (peek() == '.') {
      pos++;
      if (!isDigit(peek())) {
        throw error("bad fraction");
      }
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (!isDigit(peek())) {
        throw error("bad exponent");
      }
      digits();
    }
    return new JsonNumber(text.substring(start, pos));
  }

  private void digits() {
    while (isDigit(peek())) {
      pos++;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private Object literal(String word, Object value) throws MalformedInput {
    if (!text.startsWith(word, pos)) {
      throw error("bad literal");
    }
    pos += word.length();
    return value;
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  /** The current character, or 0 at the end (never a valid token start). */
  private char peek() {
    return pos < text.length() ? text.charAt(pos) : 0;
  }

  private char next() throws MalformedInput {
    if (pos >= text.length()) {
      throw error("unexpected end");
    }
    return text.charAt(pos++);
  }

  private void expect(char c) throws MalformedInput {
    if (next() != c) {
      throw error("expected " + c);
    }
  }

  private MalformedInput error(String what) {
    return new MalformedInput("invalid JSON at offset " + pos + ": " + what);
  }
}
