package org.waymark.reporting.internal;

import java.util.List;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * Bar charts drawn on the server as SVG: no script, no colour needed to read them (every bar is
 * labelled with its value, and hidden values are marked with an asterisk), an accessible name and
 * description, and the same data in a table beside each chart.
 */
public final class SvgCharts {

  private static final int WIDTH = 640;
  private static final String BAR = "#005eb8";
  private static final String TEXT = "#212b32";
  private static final String AXIS = "#768692";

  private SvgCharts() {}

  /**
   * Horizontal bars, one per category, for lists such as referral sources.
   *
   * @param values null where the value is hidden (shown as an asterisk)
   * @param shown each value as printed at the end of its bar
   */
  public static String bars(
      String id,
      String title,
      String summary,
      List<String> labels,
      List<Double> values,
      List<String> shown) {
    int rowHeight = 26;
    int top = 8;
    int labelWidth = 230;
    int valueWidth = 70;
    int height = top * 2 + rowHeight * labels.size();
    double max = max(values);
    StringBuilder svg = open(id, title, summary, height);
    int plot = WIDTH - labelWidth - valueWidth;
    for (int i = 0; i < labels.size(); i++) {
      int y = top + i * rowHeight;
      Double v = values.get(i);
      int w = v == null || max <= 0 ? 0 : (int) Math.round(plot * v / max);
      svg.append(
          text(labelWidth - 8, y + rowHeight / 2 + 5, "end", shorten(labels.get(i), 34), 14));
      if (w > 0) {
        svg.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>",
                labelWidth,
                y + 4,
                w,
                rowHeight - 8,
                BAR));
      }
      svg.append(text(labelWidth + w + 6, y + rowHeight / 2 + 5, "start", shown.get(i), 14));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\"/>",
            labelWidth,
            top,
            labelWidth,
            height - top,
            AXIS));
    return svg.append("</svg>").toString();
  }

  /**
   * Vertical columns in time order, for figures by month. Values are printed above the columns when
   * there are few enough to read; the table beside always has them.
   */
  public static String columns(
      String id,
      String title,
      String summary,
      List<String> labels,
      List<Double> values,
      List<String> shown) {
    int height = 260;
    int top = 24;
    int bottom = 44;
    int left = 16;
    int plotHeight = height - top - bottom;
    int n = Math.max(1, labels.size());
    double slot = (WIDTH - left * 2) / (double) n;
    double max = max(values);
    boolean printValues = n <= 14;
    int every = n <= 12 ? 1 : n <= 24 ? 2 : 3;
    StringBuilder svg = open(id, title, summary, height);
    for (int i = 0; i < labels.size(); i++) {
      double x = left + i * slot;
      Double v = values.get(i);
      int h = v == null || max <= 0 ? 0 : (int) Math.round(plotHeight * v / max);
      int y = top + plotHeight - h;
      if (h > 0) {
        svg.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>",
                x + slot * 0.15,
                y,
                slot * 0.7,
                h,
                BAR));
      }
      if (printValues || v == null) {
        svg.append(text((int) Math.round(x + slot / 2), y - 6, "middle", shown.get(i), 12));
      }
      if (i % every == 0) {
        svg.append(
            text(
                (int) Math.round(x + slot / 2), height - bottom + 18, "middle", labels.get(i), 12));
      }
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\"/>",
            left,
            top + plotHeight,
            WIDTH - left,
            top + plotHeight,
            AXIS));
    return svg.append("</svg>").toString();
  }

  private static StringBuilder open(String id, String title, String summary, int height) {
    String t = "chart-title-" + id;
    String d = "chart-desc-" + id;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 %d %d\""
                + " width=\"100%%\" focusable=\"false\" aria-labelledby=\"%s %s\""
                + " class=\"waymark-chart\">",
            WIDTH,
            height,
            t,
            d));
    svg.append("<title id=\"").append(t).append("\">").append(escape(title)).append("</title>");
    svg.append("<desc id=\"").append(d).append("\">").append(escape(summary)).append("</desc>");
    return svg;
  }

  private static String text(int x, int y, String anchor, String value, int size) {
    return String.format(
        Locale.ROOT,
        "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" font-size=\"%d\" fill=\"%s\">%s</text>",
        x,
        y,
        anchor,
        size,
        TEXT,
        escape(value));
  }

  private static double max(List<Double> values) {
    return values.stream().filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(0);
  }

  private static String shorten(String label, int length) {
    return label.length() <= length ? label : label.substring(0, length - 1) + "\u2026";
  }

  private static String escape(String s) {
    return HtmlUtils.htmlEscape(s == null ? "" : s);
  }
}
