package org.waymark.research;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Something the study published or presented.
 *
 * @param link where to find it; may be null
 */
public record Output(
    UUID id, OutputKind kind, String title, String authors, LocalDate publishedOn, String link) {}
