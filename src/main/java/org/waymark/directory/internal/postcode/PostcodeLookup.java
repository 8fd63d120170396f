package org.waymark.directory.internal.postcode;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.waymark.directory.PostcodeLocation;
import org.waymark.directory.Postcodes;
import org.waymark.shared.Postcode;

/** Reads the {@code postcode_location} table. */
@Component
class PostcodeLookup implements Postcodes {

  private final JdbcClient jdbc;

  PostcodeLookup(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<PostcodeLocation> locate(String postcode) {
    if (!Postcode.isValid(postcode)) {
      return Optional.empty();
    }
    return jdbc.sql(
            "SELECT postcode, latitude, longitude FROM postcode_location WHERE postcode = ?")
        .param(Postcode.normalise(postcode))
        .query((rs, n) -> new PostcodeLocation(rs.getString(1), rs.getDouble(2), rs.getDouble(3)))
        .optional();
  }

  @Override
  public Map<String, PostcodeLocation> locateAll(Collection<String> postcodes) {
    String[] wanted =
        postcodes.stream()
            .filter(Objects::nonNull)
            .filter(Postcode::isValid)
            .map(Postcode::normalise)
            .distinct()
            .toArray(String[]::new);
    Map<String, PostcodeLocation> found = new LinkedHashMap<>();
    if (wanted.length == 0) {
      return found;
    }
    jdbc.sql("SELECT postcode, latitude, longitude FROM postcode_location WHERE postcode = ANY (?)")
        .param(wanted)
        .query((rs, n) -> new PostcodeLocation(rs.getString(1), rs.getDouble(2), rs.getDouble(3)))
        .list()
        .forEach(p -> found.put(p.postcode(), p));
    return found;
  }
}
