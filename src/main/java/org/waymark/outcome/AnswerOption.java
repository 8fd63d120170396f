package org.waymark.outcome;

/**
 * One answer a person can choose.
 *
 * @param value what is stored, and what scores (for example '3' for 'often')
 * @param label what the person reads
 */
public record AnswerOption(String value, String label) {}
