package org.waymark.outcome;

/** How a score is worked out. */
public enum ScoreMethod {
  /** The answer to one item. */
  ITEM,
  /** The sum of the answers to the items named. */
  SUM,
  /** Another score converted through a table, for example SWEMWBS raw to metric. */
  LOOKUP
}
