package org.waymark.directory.internal.oruk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One page of an ORUK list in the envelope the OpenAPI's {@code Page} schema describes. */
final class OrukPage {

  private OrukPage() {}

  /**
   * The envelope: {@code size} is the number of items on this page (not the page size asked for),
   * as the ORUK validator reads it.
   */
  static Map<String, Object> of(PageRequest request, long totalItems, List<?> contents) {
    long totalPages = (totalItems + request.perPage() - 1) / request.perPage();
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("total_items", totalItems);
    page.put("total_pages", totalPages);
    page.put("page_number", request.page());
    page.put("size", contents.size());
    page.put("first_page", request.page() == 1);
    page.put("last_page", request.page() >= totalPages);
    page.put("empty", contents.isEmpty());
    page.put("contents", contents);
    return page;
  }
}
