package org.waymark.person;

import java.util.UUID;

/**
 * Published inside the transaction that merges two person records: every module holding records
 * about {@code mergedId} moves them to {@code keptId} in the same transaction (a synchronous
 * listener), so no linked record is lost or left pointing at the merged-away record.
 *
 * @param organisationId the organisation holding both records
 * @param keptId the record that remains
 * @param mergedId the record merged into it, kept only as a pointer to {@code keptId}
 */
public record PersonsMerged(UUID organisationId, UUID keptId, UUID mergedId) {}
