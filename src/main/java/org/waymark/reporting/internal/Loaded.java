package org.waymark.reporting.internal;

import java.util.Set;
import java.util.UUID;

/**
 * What an import of reference data stored.
 *
 * @param read the data rows read (not the header)
 * @param stored the rows stored
 * @param skipped the rows left out
 * @param message what was imported and why rows were left out, for the administrator
 * @param tenants the tenants whose figures the stored rows change; empty when every tenant's do
 */
public record Loaded(int read, int stored, int skipped, String message, Set<UUID> tenants) {}
