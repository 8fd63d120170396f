package org.waymark.directory;

import java.util.UUID;

/** An organisation that holds listings, for choosing one. {@code name} is never null. */
public record ListingHolder(UUID id, String name) {}
