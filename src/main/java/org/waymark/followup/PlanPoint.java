package org.waymark.followup;

/**
 * One point of a service's follow-up plan: a follow-up opens, is aimed at and closes this many
 * calendar months after the day it counts from.
 *
 * @param name what the link worker reads, for example 3 months after closure
 * @param opensAfter months until it opens (0 to 24)
 * @param targetAfter months until its target date (at least {@code opensAfter})
 * @param closesAfter months until it closes and is missed if not done (at least {@code
 *     targetAfter})
 */
public record PlanPoint(
    String name, CountsFrom countsFrom, int opensAfter, int targetAfter, int closesAfter) {

  /** The largest number of months a point may count. */
  public static final int MAX_MONTHS = 24;
}
