package org.waymark.directory.oruk;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published Open Referral UK 3.0 schemas, read from the shared reference copy beside the
 * project, and validation of the API's answers against them with formats (uuid, email, uri,
 * date-time) asserted, as the ORUK validator does.
 */
final class OrukSchemas {

  static final Path REFERENCE =
      Path.of("../shared/reference/oruk-3.0").toAbsolutePath().normalize();

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder ->
              builder
                  .schemaRegistryConfig(
                      SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                  // The schemas refer to each other by relative paths; read those from disk.
                  .schemas(OrukSchemas::read));

  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

  private OrukSchemas() {}

  /** A schema by its path under the reference folder, e.g. {@code schema/compiled/service.json}. */
  static Schema schema(String path) {
    return SCHEMAS.computeIfAbsent(
        path,
        p -> {
          Path file = REFERENCE.resolve(p);
          assertThat(file).as("ORUK reference schema").exists();
          return REGISTRY.getSchema(SchemaLocation.of(file.toUri().toString()));
        });
  }

  /**
   * The list envelope: the OpenAPI's {@code Page} schema, with every field it names required and
   * {@code contents} an array.
   */
  static Schema page(JsonMapper json) {
    return SCHEMAS.computeIfAbsent(
        "#Page",
        p -> {
          try {
            JsonNode openapi = json.readTree(Files.readString(REFERENCE.resolve("openapi.json")));
            var page =
                (tools.jackson.databind.node.ObjectNode) openapi.at("/components/schemas/Page");
            var required = page.putArray("required");
            page.get("properties").propertyNames().forEach(required::add);
            required.add("contents");
            ((tools.jackson.databind.node.ObjectNode) page.get("properties"))
                .putObject("contents")
                .put("type", "array");
            return REGISTRY.getSchema(page);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }

  private static String read(String iri) {
    if (!iri.startsWith("file:")) {
      return null;
    }
    try {
      return Files.readString(Path.of(java.net.URI.create(iri)));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Fails with every schema error, each with where it is in the answer. */
  static void assertValid(Schema schema, JsonNode answer, String what) {
    List<Error> errors = schema.validate(answer);
    assertThat(errors)
        .as(what + " against " + schema.getSchemaLocation() + ":\n" + answer)
        .isEmpty();
  }
}
