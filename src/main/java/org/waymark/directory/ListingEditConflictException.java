package org.waymark.directory;

import java.util.List;
import java.util.UUID;

/**
 * An edit started from a version of the listing that is no longer current: someone else changed it
 * in the meantime. Nothing was written. The caller should keep what the user entered, say which
 * fields differ from the listing as it is now, and let them save again against the current version.
 */
public class ListingEditConflictException extends RuntimeException {

  private final UUID listingId;
  private final long currentVersion;
  private final List<String> differingFields;

  public ListingEditConflictException(
      UUID listingId, long currentVersion, List<String> differingFields) {
    super("Listing " + listingId + " has changed; it is now at version " + currentVersion);
    this.listingId = listingId;
    this.currentVersion = currentVersion;
    this.differingFields = List.copyOf(differingFields);
  }

  public UUID listingId() {
    return listingId;
  }

  /** The version the listing is at now. */
  public long currentVersion() {
    return currentVersion;
  }

  /** The {@link ListingDetails} fields where the edit differs from the listing as it is now. */
  public List<String> differingFields() {
    return differingFields;
  }
}
