package org.waymark.platform.database;

/** Implemented by the data source of the embedded PostgreSQL. */
public interface EmbeddedDatabase {}
