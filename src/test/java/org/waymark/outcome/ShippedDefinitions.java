package org.waymark.outcome;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.json.JsonMapper;

/** The instrument definitions Waymark ships, read as the application reads them. */
final class ShippedDefinitions {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ShippedDefinitions() {}

  static Instrument read(String file) {
    try (InputStream in =
        ShippedDefinitions.class.getResourceAsStream("/outcome/instruments/" + file)) {
      return JSON.readValue(in, Instrument.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Instrument ons4() {
    return read("ons4-v1.json");
  }

  static Instrument swemwbs() {
    return read("swemwbs-v1.json");
  }

  static Instrument loneliness() {
    return read("loneliness-v1.json");
  }
}
