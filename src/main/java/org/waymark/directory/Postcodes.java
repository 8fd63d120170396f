package org.waymark.directory;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Where postcodes are, from the postcode directory the administrator loads (see {@link
 * DirectoryImports}). Open to every module: a postcode's place is public information and nothing
 * here reads or records anything about a person.
 */
public interface Postcodes {

  /**
   * Where a postcode is.
   *
   * @param postcode in any case and spacing; may be null
   * @return empty if it is not a UK postcode or not in the postcode directory
   */
  Optional<PostcodeLocation> locate(String postcode);

  /**
   * Where each of several postcodes is, in one look-up.
   *
   * @param postcodes in any case and spacing; nulls and postcodes that are not UK postcodes are
   *     ignored
   * @return by the postcode in its normal form (for example {@code LS1 4AP}); postcodes not in the
   *     directory are missing
   */
  Map<String, PostcodeLocation> locateAll(Collection<String> postcodes);
}
