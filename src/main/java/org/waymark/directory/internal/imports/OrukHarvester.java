package org.waymark.directory.internal.imports;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.waymark.directory.DirectoryImports.HarvestSource;
import org.waymark.directory.DirectoryImports.Kind;
import org.waymark.directory.DirectoryImports.Outcome;
import org.waymark.directory.DirectoryImports.Status;
import org.waymark.directory.DirectoryImports.Summary;
import org.waymark.directory.internal.imports.HttpJson.FetchException;
import tools.jackson.databind.JsonNode;

/**
 * Harvests an ORUK 3.0 API: its taxonomies and terms, every page of {@code /services} (after the
 * first harvest only those modified since the last one, with {@code modified_after}), and each
 * service in full from {@code /services/{id}}.
 */
@Component
class OrukHarvester {

  /** A guard against an API whose pages never end. */
  static final int MAX_PAGES = 10_000;

  private final ImportRunner runner;
  private final HttpJson http;

  OrukHarvester(
      ImportRunner runner,
      @Value("${waymark.directory.harvest.connect-timeout:PT10S}") Duration connectTimeout,
      @Value("${waymark.directory.harvest.request-timeout:PT60S}") Duration requestTimeout) {
    this.runner = runner;
    this.http = new HttpJson(connectTimeout, requestTimeout);
  }

  /**
   * Harvests the source; the caller records {@code started} as its last harvest if it succeeded.
   */
  Summary harvest(java.util.UUID holder, HarvestSource source, Instant started, String startedBy) {
    String base = source.baseUrl();
    ImportRunner.Run run = runner.start(holder, Kind.ORUK_API, base, startedBy);
    List<String> notes = new ArrayList<>();
    String modifiedAfter =
        source.lastHarvestedAt() == null
            ? null
            : source.lastHarvestedAt().truncatedTo(ChronoUnit.SECONDS).toString();
    if (modifiedAfter != null) {
      notes.add("services modified after " + modifiedAfter);
    }
    try {
      notes.add(vocabulary(run, base));
    } catch (FetchException | IllegalArgumentException e) {
      notes.add("taxonomies not harvested: " + e.getMessage());
    }
    Map<String, String> services = new LinkedHashMap<>();
    try {
      pages(
          base
              + "/services?"
              + (modifiedAfter == null
                  ? ""
                  : "modified_after="
                      + URLEncoder.encode(modifiedAfter, StandardCharsets.UTF_8)
                      + "&")
              + "page=",
          s -> {
            String id = Json.text(s, "id");
            if (id != null) {
              services.putIfAbsent(id, Json.text(s, "name"));
            }
          },
          s -> Json.text(s, "id"));
    } catch (FetchException e) {
      notes.add("stopped: " + e.getMessage());
      return run.finish(Status.FAILED, String.join("; ", notes));
    }
    try {
      fetchEach(run, base, services);
    } catch (RuntimeException e) {
      return run.abandon(e);
    }
    return run.finish(Status.SUCCEEDED, String.join("; ", notes));
  }

  private void fetchEach(ImportRunner.Run run, String base, Map<String, String> services) {
    for (Map.Entry<String, String> s : services.entrySet()) {
      JsonNode full;
      run.commit();
      try {
        full =
            http.get(base + "/services/" + URLEncoder.encode(s.getKey(), StandardCharsets.UTF_8));
      } catch (FetchException e) {
        run.line(s.getKey(), s.getValue(), Outcome.FAILED, e.getMessage());
        continue;
      }
      run.record(full, Oruk3Mapper::map);
    }
  }

  /** Taxonomies, then their terms; returns a note for the report. */
  private String vocabulary(ImportRunner.Run run, String base) throws FetchException {
    List<ImportModel.Taxonomy> taxonomies = new ArrayList<>();
    pages(
        base + "/taxonomies?page=",
        t -> {
          if (Json.text(t, "id") != null && Json.text(t, "name") != null) {
            taxonomies.add(Oruk3Mapper.taxonomy(t));
          }
        },
        t -> Json.text(t, "id"));
    List<ImportModel.Term> terms = new ArrayList<>();
    pages(
        base + "/taxonomy_terms?page=",
        t -> {
          ImportModel.Term term = Oruk3Mapper.term(t);
          if (term != null) {
            terms.add(term);
          }
        },
        t -> Json.text(t, "id"));
    runner.vocabulary(run, taxonomies, terms);
    return taxonomies.size() + " taxonomies and " + terms.size() + " taxonomy terms";
  }

  /**
   * Reads every page of a list, from page 1 until the API says it was the last, a page is empty, or
   * a page brings nothing new (an API that ignores {@code page} would otherwise never end).
   */
  private void pages(
      String urlBeforePageNumber,
      Consumer<JsonNode> each,
      java.util.function.Function<JsonNode, String> key)
      throws FetchException {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int page = 1; page <= MAX_PAGES; page++) {
      JsonNode body = http.get(urlBeforePageNumber + page);
      JsonNode contents = body.isArray() ? body : body.get("contents");
      if (contents == null || !contents.isArray() || contents.isEmpty()) {
        return;
      }
      boolean fresh = false;
      for (JsonNode item : contents) {
        String k = key.apply(item);
        if (k == null || seen.add(k)) {
          fresh = true;
          each.accept(item);
        }
      }
      if (!fresh || body.isArray() || body.path("last_page").asBoolean(false)) {
        return;
      }
      JsonNode totalPages = body.get("total_pages");
      if (totalPages != null && totalPages.isNumber() && page >= totalPages.asInt()) {
        return;
      }
    }
  }
}
