package org.waymark.research;

/**
 * A file to download: an export or a data dictionary.
 *
 * @param filename a safe file name, for example CONNECT-participants-2026-04-01.csv
 * @param contentType the media type to send it as
 * @param rows how many data rows it holds
 */
public record ExportFile(String filename, String contentType, byte[] content, int rows) {}
