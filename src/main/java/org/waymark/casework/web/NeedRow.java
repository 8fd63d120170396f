package org.waymark.casework.web;

/** One need domain of an assessment as pages show it; each answer may be null. */
public record NeedRow(String need, String importance, String going, String inTheirWords) {}
