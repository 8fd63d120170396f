package org.waymark.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
import org.waymark.reporting.Commissioning;
import org.waymark.reporting.ReferenceDataImports;
import org.waymark.reporting.ReferenceDataImports.Import;

/**
 * The demo's reporting set-up: West Riding ICB commissions every demo PCN, the deprivation deciles
 * of the demo postcodes' LSOAs (invented, in the layout of IoD2019) and the demo practices'
 * populations for the three months before this one, written out as NHS England's publication.
 * Everything goes through the reporting module's API, as an administrator's upload would.
 */
@Component
class DemoReporting {

  static final String ICB = "West Riding ICB";

  private static final Logger log = LoggerFactory.getLogger(DemoReporting.class);
  private static final DateTimeFormatter NHS_DATE =
      DateTimeFormatter.ofPattern("ddMMMuuuu", Locale.ENGLISH);

  private final IdentityManagement identity;
  private final Commissioning commissioning;
  private final ReferenceDataImports imports;

  DemoReporting(
      IdentityManagement identity, Commissioning commissioning, ReferenceDataImports imports) {
    this.identity = identity;
    this.commissioning = commissioning;
    this.imports = imports;
  }

  /** Loads it; call once, after the demo organisations and postcodes exist. */
  void load() throws IOException {
    Organisation icb =
        identity.organisations(OrganisationType.ICB).stream()
            .filter(o -> o.name().equals(ICB))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("No demo ICB"));
    for (Organisation pcn : identity.organisations(OrganisationType.PCN)) {
      commissioning.add(icb.id(), pcn.id());
    }
    try (InputStream in = file("imd-iod2019-demo.csv")) {
      report(imports.importImd("imd-iod2019-demo.csv", in));
    }
    String populations = populations(LocalDate.now(ZoneId.of("Europe/London")));
    report(
        imports.importPracticePopulation(
            "gp-reg-pat-prac-all.csv",
            new ByteArrayInputStream(populations.getBytes(StandardCharsets.UTF_8))));
  }

  /**
   * The demo practices' list sizes as the publication gives them, for the three months before the
   * given day's, each month a little larger than the one before.
   */
  static String populations(LocalDate today) throws IOException {
    List<String> practices;
    try (InputStream in = file("practice-populations.csv")) {
      practices =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .skip(1)
              .filter(l -> !l.isBlank())
              .toList();
    }
    StringBuilder csv =
        new StringBuilder(
            "PUBLICATION,EXTRACT_DATE,TYPE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\n");
    LocalDate thisMonth = today.withDayOfMonth(1);
    for (int back = 3; back >= 1; back--) {
      String extract = thisMonth.minusMonths(back).format(NHS_DATE).toUpperCase(Locale.ROOT);
      for (String practice : practices) {
        String[] f = practice.split(",");
        int registered = Integer.parseInt(f[2].strip()) - back * 17;
        csv.append("Patients Registered at a GP Practice,")
            .append(extract)
            .append(",GP,")
            .append(f[0].strip())
            .append(',')
            .append(f[1].strip())
            .append(",ALL,ALL,")
            .append(registered)
            .append('\n');
      }
    }
    return csv.toString();
  }

  private static void report(Import done) {
    if (!done.succeeded()) {
      log.warn("Demo reference data {} was not imported: {}", done.kind(), done.message());
    }
  }

  private static InputStream file(String name) throws IOException {
    return new ClassPathResource("demo/reporting/" + name).getInputStream();
  }
}
