package org.waymark.research;

/**
 * For one event that counts from another (a follow-up interview after the first): how many of those
 * who had the first were seen again.
 *
 * @param eligible participants who had the event it counts from
 * @param done of those, how many had this event
 * @param missed of those, how many passed its window without it
 * @param withdrawn of those, how many withdrew before it
 */
public record Retention(
    String eventName, String fromEventName, int eligible, int done, int missed, int withdrawn) {}
