package org.waymark.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bad JSON made from good JSON, for fuzzing importers and APIs that read documents: besides the
 * text mutations of {@link Mutations}, changes to the document's structure (a field removed,
 * retyped, nulled, given a wrong code, date or reference, an array entry duplicated, a value made
 * huge or nested deep), and the document sent in a wrong encoding. Seeded, so a failure can be
 * replayed.
 */
public final class JsonMutations {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  static final List<String> WRONG_DATES =
      List.of(
          "06/01/2021",
          "2021-13-45",
          "2021-02-30",
          "yesterday",
          "0000-00-00",
          "2021-01-06T25:61:00Z",
          "99999-01-01",
          "-2021-01-01",
          "2021-01-06T10:00:00+99:00",
          "");
  static final List<String> WRONG_CODES =
      List.of("bogus", "ACTIVE", " active", "active ", "Active", "draft", "entered-in-error", "");
  static final List<String> WRONG_REFERENCES =
      List.of(
          "#nothing",
          "#",
          "Patient/",
          "Patient/00000000-0000-0000-0000-000000000000",
          "urn:uuid:not-a-uuid",
          "http://elsewhere.example/fhir/Patient/1",
          "ServiceRequest/../../etc/passwd",
          "Patient?identifier=x");

  private static final String NESTED = "nested-arrays-";

  private final Random random;
  private final Mutations text;

  public JsonMutations(long seed) {
    this.random = new Random(seed);
    this.text = new Mutations(seed ^ 0x5DEECE66DL);
  }

  /**
   * A mutant of a JSON document: a structural change most of the time, otherwise a text one (which
   * may leave it no longer JSON).
   */
  public String mutate(String good) {
    if (random.nextInt(4) == 0) {
      return text.mutate(good);
    }
    JsonNode root = JSON.readTree(good);
    int times = 1 + random.nextInt(3);
    for (int i = 0; i < times; i++) {
      root = structural(root);
    }
    String out = nested(root.toString());
    if (random.nextInt(6) == 0) {
      out = duplicateKey(out);
    }
    return out;
  }

  /** The text as bytes, usually UTF-8, sometimes in another encoding or with broken bytes. */
  public byte[] encode(String s) {
    return switch (random.nextInt(10)) {
      case 0 -> s.getBytes(StandardCharsets.UTF_16);
      case 1 -> s.getBytes(StandardCharsets.ISO_8859_1);
      case 2 -> {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 1 + random.nextInt(4) && b.length > 0; i++) {
          b[random.nextInt(b.length)] = (byte) (0x80 | random.nextInt(0x80));
        }
        yield b;
      }
      case 3 -> ("\uFEFF" + s).getBytes(StandardCharsets.UTF_8);
      default -> s.getBytes(StandardCharsets.UTF_8);
    };
  }

  /** Bytes with some flipped, some cut off, or a block repeated: for binary files. */
  public byte[] mutateBytes(byte[] good) {
    byte[] b = good.clone();
    return switch (random.nextInt(4)) {
      case 0 -> java.util.Arrays.copyOf(b, random.nextInt(Math.max(1, b.length)));
      case 1 -> {
        for (int i = 0; i < 1 + random.nextInt(8); i++) {
          b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
        }
        yield b;
      }
      case 2 -> {
        int at = random.nextInt(b.length);
        int len = Math.min(b.length - at, 1 + random.nextInt(64));
        java.util.Arrays.fill(b, at, at + len, (byte) random.nextInt(256));
        yield b;
      }
      default -> {
        int at = random.nextInt(b.length);
        int len = Math.min(b.length - at, 1 + random.nextInt(512));
        byte[] out = new byte[b.length + len];
        System.arraycopy(b, 0, out, 0, at + len);
        System.arraycopy(b, at, out, at + len, b.length - at);
        yield out;
      }
    };
  }

  private JsonNode structural(JsonNode root) {
    List<Slot> slots = new ArrayList<>();
    collect(root, slots);
    if (slots.isEmpty()) {
      return NODES.stringNode(Mutations.junk(random));
    }
    Slot slot = slots.get(random.nextInt(slots.size()));
    JsonNode value = slot.get();
    switch (random.nextInt(10)) {
      case 0 -> slot.remove();
      case 1 -> slot.set(retyped(value));
      case 2 -> slot.set(NODES.nullNode());
      case 3 -> slot.set(NODES.stringNode(pick(WRONG_DATES)));
      case 4 -> slot.set(NODES.stringNode(pick(WRONG_CODES)));
      case 5 -> slot.set(NODES.stringNode(pick(WRONG_REFERENCES)));
      case 6 -> {
        if (slot.parent() instanceof ArrayNode array) {
          array.add(value.deepCopy());
        } else {
          ArrayNode twice = NODES.arrayNode();
          twice.add(value.deepCopy());
          twice.add(value.deepCopy());
          slot.set(twice);
        }
      }
      case 7 -> slot.set(NODES.stringNode("x".repeat(random.nextBoolean() ? 70_000 : 1_100_000)));
      case 8 -> slot.set(NODES.stringNode(NESTED + (random.nextBoolean() ? 40 : 3_000)));
      default -> slot.set(NODES.stringNode(Mutations.junk(random)));
    }
    return root;
  }

  private JsonNode retyped(JsonNode value) {
    return switch (random.nextInt(6)) {
      case 0 -> NODES.numberNode(random.nextBoolean() ? -1 : 1e308);
      case 1 -> NODES.booleanNode(random.nextBoolean());
      case 2 -> NODES.arrayNode().add(value.deepCopy());
      case 3 -> NODES.objectNode().set("value", value.deepCopy());
      case 4 -> NODES.stringNode(value.isValueNode() ? value.asString() + "" : value.toString());
      default -> NODES.objectNode();
    };
  }

  /** Arrays nested this deep, written as text: a tree that deep could not be written. */
  private static String nested(String json) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"" + NESTED + "(\\d+)\"").matcher(json);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int depth = Integer.parseInt(m.group(1));
      m.appendReplacement(out, "[".repeat(depth) + "1" + "]".repeat(depth));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The first key of some object written twice, the second time with junk. */
  private String duplicateKey(String json) {
    int at = json.indexOf("{\"");
    if (at < 0) {
      return json;
    }
    int end = json.indexOf('"', at + 2);
    String key = json.substring(at + 2, end);
    return json.substring(0, at + 1) + "\"" + key + "\":\"duplicate\"," + json.substring(at + 1);
  }

  private String pick(List<String> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** A place in the document that holds a value. */
  private record Slot(JsonNode parent, String field, int index) {
    JsonNode get() {
      return field != null ? parent.get(field) : parent.get(index);
    }

    void set(JsonNode value) {
      if (field != null) {
        ((ObjectNode) parent).set(field, value);
      } else {
        ((ArrayNode) parent).set(index, value);
      }
    }

    void remove() {
      if (field != null) {
        ((ObjectNode) parent).remove(field);
      } else {
        ((ArrayNode) parent).remove(index);
      }
    }
  }

  private static void collect(JsonNode node, List<Slot> slots) {
    if (node instanceof ObjectNode o) {
      for (Map.Entry<String, JsonNode> e : o.properties()) {
        slots.add(new Slot(o, e.getKey(), -1));
        collect(e.getValue(), slots);
      }
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        slots.add(new Slot(a, null, i));
        collect(a.get(i), slots);
      }
    }
  }
}
