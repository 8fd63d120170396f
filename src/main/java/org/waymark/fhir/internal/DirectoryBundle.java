package org.waymark.fhir.internal;

import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.io.Serial;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * One page of a directory search as HAPI answers it: the total, and {@code next} and {@code
 * previous} links by {@code _offset} and {@code _count}, so a client pages through every match
 * without the server keeping the search. There is no paging provider: the directory reads each page
 * itself.
 */
final class DirectoryBundle extends SimpleBundleProvider {

  @Serial private static final long serialVersionUID = 1L;

  /** The most one page holds, and the size of a page when the client does not say. */
  static final int PAGE = 100;

  private final boolean more;

  private DirectoryBundle(List<? extends IBaseResource> page, int offset, int limit, long total) {
    super(page);
    setCurrentPageOffset(offset);
    setCurrentPageSize(limit);
    setSize((int) Math.min(total, Integer.MAX_VALUE));
    this.more = limit > 0 && (long) offset + page.size() < total;
  }

  static DirectoryBundle of(List<? extends IBaseResource> page, int offset, int limit, long total) {
    return new DirectoryBundle(page, offset, limit, total);
  }

  /**
   * The offset a search starts at: 0 unless the client gave {@code _offset}.
   *
   * @throws InvalidRequestException for a negative offset (400)
   */
  static int offset(Integer offset) {
    if (offset != null && offset < 0) {
      throw new InvalidRequestException("_offset must be 0 or more.");
    }
    return offset == null ? 0 : offset;
  }

  /**
   * The size of a page: {@code _count}, at most {@link #PAGE}, which is also the size when none is
   * given; 0 answers the total only.
   *
   * @throws InvalidRequestException for a negative count (400)
   */
  static int limit(Integer count) {
    if (count != null && count < 0) {
      throw new InvalidRequestException("_count must be 0 or more.");
    }
    return count == null ? PAGE : Math.min(count, PAGE);
  }

  @Override
  public String getNextPageId() {
    return more ? "next" : null;
  }

  @Override
  public String getPreviousPageId() {
    return getCurrentPageOffset() > 0 && getCurrentPageSize() > 0 ? "previous" : null;
  }
}
