package org.waymark.research;

/**
 * A team member's photo.
 *
 * @param contentType image/png or image/jpeg
 */
public record Photo(byte[] bytes, String contentType) {}
