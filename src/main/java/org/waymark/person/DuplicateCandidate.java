package org.waymark.person;

import java.util.Set;

/** Another person record that may be the same person, and why. */
public record DuplicateCandidate(Person person, Set<DuplicateReason> reasons) {}
