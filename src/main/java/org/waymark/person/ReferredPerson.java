package org.waymark.person;

/**
 * The person record a referral is about.
 *
 * @param matchedByNhsNumber true if the organisation already held this record (same NHS number);
 *     false if it was made from the referral
 */
public record ReferredPerson(Person person, boolean matchedByNhsNumber) {}
