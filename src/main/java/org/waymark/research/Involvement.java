package org.waymark.research;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Something a public contributor did for the study.
 *
 * @param hours may be null
 * @param paymentPence what they were paid, in pence; null if not recorded
 */
public record Involvement(
    UUID id,
    String contributor,
    String activity,
    LocalDate tookPlaceOn,
    BigDecimal hours,
    Integer paymentPence) {}
