package org.waymark.reporting;

/**
 * One figure of a dashboard: a chart drawn on the server, a text summary of what it shows and the
 * table of its data beside it, which can be downloaded.
 *
 * @param key the figure's name in export addresses, for example referrals-by-month
 * @param title the heading
 * @param summary the chart in words, for everyone and for screen readers
 * @param chart the SVG, or null when the table alone says it better
 * @param table the data
 */
public record Figure(String key, String title, String summary, String chart, ReportTable table) {}
