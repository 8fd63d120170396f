package org.waymark.research;

import java.time.Instant;
import java.util.UUID;

/**
 * One export of a study's data, as the exports page lists it.
 *
 * @param exportedBy the user who exported it
 * @param purpose why, in the words of who exported it
 * @param rows how many data rows the file held
 */
public record ExportRecord(
    UUID id,
    UUID exportedBy,
    Instant exportedAt,
    ExportDataset dataset,
    ExportFormat format,
    String purpose,
    int rows) {}
