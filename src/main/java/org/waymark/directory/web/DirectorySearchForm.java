package org.waymark.directory.web;

/**
 * A directory search as typed on the page or given to the API; every field may be blank. Values are
 * checked by {@link SearchCriteria}, so that a mistake becomes a message beside its field.
 */
public class DirectorySearchForm {

  private String q;
  private String need;
  private String term;
  private String postcode;
  private String distance;
  private String unit;
  private boolean openNow;
  private String day;
  private String time;
  private String age;
  private boolean free;
  private boolean accepting;
  private String sort;
  private String page;
  private String size;

  public String getQ() {
    return q;
  }

  public void setQ(String q) {
    this.q = q;
  }

  public String getNeed() {
    return need;
  }

  public void setNeed(String need) {
    this.need = need;
  }

  public String getTerm() {
    return term;
  }

  public void setTerm(String term) {
    this.term = term;
  }

  public String getPostcode() {
    return postcode;
  }

  public void setPostcode(String postcode) {
    this.postcode = postcode;
  }

  public String getDistance() {
    return distance;
  }

  public void setDistance(String distance) {
    this.distance = distance;
  }

  public String getUnit() {
    return unit;
  }

  public void setUnit(String unit) {
    this.unit = unit;
  }

  public boolean isOpenNow() {
    return openNow;
  }

  public void setOpenNow(boolean openNow) {
    this.openNow = openNow;
  }

  public String getDay() {
    return day;
  }

  public void setDay(String day) {
    this.day = day;
  }

  public String getTime() {
    return time;
  }

  public void setTime(String time) {
    this.time = time;
  }

  public String getAge() {
    return age;
  }

  public void setAge(String age) {
    this.age = age;
  }

  public boolean isFree() {
    return free;
  }

  public void setFree(boolean free) {
    this.free = free;
  }

  public boolean isAccepting() {
    return accepting;
  }

  public void setAccepting(boolean accepting) {
    this.accepting = accepting;
  }

  public String getSort() {
    return sort;
  }

  public void setSort(String sort) {
    this.sort = sort;
  }

  public String getPage() {
    return page;
  }

  public void setPage(String page) {
    this.page = page;
  }

  public String getSize() {
    return size;
  }

  public void setSize(String size) {
    this.size = size;
  }

  /**
   * True if any of the filters kept under "More filters" is set, so that the page shows them open
   * rather than hiding a filter that is narrowing the results.
   */
  public boolean usesMoreFilters() {
    return openNow
        || free
        || accepting
        || hasText(day)
        || hasText(time)
        || hasText(age)
        || hasText(sort);
  }

  private static boolean hasText(String s) {
    return s != null && !s.isBlank();
  }
}
