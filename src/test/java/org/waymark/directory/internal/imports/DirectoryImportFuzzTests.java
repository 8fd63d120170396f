package org.waymark.directory.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.directory.internal.imports.ImportFixtures.DEPLOYMENT;
import static org.waymark.directory.internal.imports.ImportFixtures.FEEDS;
import static org.waymark.directory.internal.imports.ImportFixtures.ORUK;
import static org.waymark.directory.internal.imports.ImportFixtures.uniqueSource;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.directory.DirectoryImports;
import org.waymark.directory.DirectoryImports.Format;
import org.waymark.directory.DirectoryImports.Line;
import org.waymark.directory.DirectoryImports.Outcome;
import org.waymark.directory.DirectoryImports.Status;
import org.waymark.directory.DirectoryImports.Summary;
import org.waymark.identity.Role;
import org.waymark.support.JsonMutations;
import org.waymark.support.Mutations;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fuzzing the directory's importers with mutants of real files (two councils' ORUK 1 feeds, the
 * ORUK 3.0 examples as JSON and as a CSV package, an ONS postcode directory extract) and of a real
 * ORUK API's pages: whatever the file, the import ends with a report that accounts for every
 * record, and the directory holds exactly the services the report says were created, each whole (no
 * location without its link to a service, no organisation without a service, no service without its
 * history); a file that cannot be read changes nothing. The upload pages answer every mutant with a
 * page, never a server error or a stack trace.
 */
@WaymarkIntegrationTest
class DirectoryImportFuzzTests {

  @Autowired DirectoryImports imports;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  @TempDir Path temp;

  // ---- the good files ----

  /** A few whole services from each council's feed, with their organisations and audiences. */
  static String feed() throws IOException {
    ArrayNode picked = Json.array();
    for (String file :
        List.of(
            "bristol-council-oruk1-services.json",
            "north-lincolnshire-council-oruk1-services.json")) {
      JsonNode all = Json.MAPPER.readTree(Files.readString(FEEDS.resolve(file)));
      int n = 0;
      for (JsonNode s : all) {
        if (n < 2
            && s.get("organization") instanceof ObjectNode
            && Json.text(s, "name") != null
            && s.toString().length() < 4000) {
          picked.add(s);
          n++;
        }
      }
    }
    return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(picked);
  }

  /** A page of two ORUK 3.0 services (the full example twice) with the taxonomies they use. */
  static String orukPage() throws IOException {
    ObjectNode full =
        (ObjectNode)
            Json.MAPPER.readTree(Files.readString(ORUK.resolve("examples/service_full.json")));
    ObjectNode other = full.deepCopy();
    other.put("id", "fuzz-second-service");
    other.put("name", "Second service");
    ((ObjectNode) other.at("/service_at_locations/0")).put("id", "fuzz-second-sal");
    ((ObjectNode) other.at("/service_at_locations/0/location")).put("id", "fuzz-second-location");
    ((ObjectNode) other.at("/schedules/0")).put("id", "fuzz-second-schedule");
    ObjectNode page = Json.object();
    page.putArray("contents").add(full).add(other);
    page.set(
        "taxonomies",
        Json.MAPPER
            .readTree(Files.readString(ORUK.resolve("examples/taxonomy_list.json")))
            .get("contents"));
    page.set(
        "taxonomy_terms",
        Json.MAPPER
            .readTree(Files.readString(ORUK.resolve("examples/taxonomy_term_list.json")))
            .get("contents"));
    return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(page);
  }

  static Map<String, String> csvPackage() throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    try (Stream<Path> list = Files.list(ORUK.resolve("examples/csv"))) {
      for (Path f : list.sorted().toList()) {
        files.put(f.getFileName().toString(), Files.readString(f));
      }
    }
    return files;
  }

  // ---- what every import must leave behind ----

  /**
   * The report accounts for every record, and the directory holds the created services whole and
   * nothing else of this (fresh) source.
   */
  void assertWhole(Summary s, String source, String mutant) {
    String as = "import " + s.id() + " of " + shorten(mutant);
    assertThat(s.status()).as(as).isIn(Status.SUCCEEDED, Status.FAILED);
    assertThat(s.finishedAt()).as(as).isNotNull();
    assertThat(String.valueOf(s.message())).as(as).doesNotContain("stopped unexpectedly");
    List<Line> lines = imports.lines(s.id(), null);
    assertThat(lines).as(as).hasSize(s.total());
    // A record that failed says why in words; an exception the mappers did not expect is a bug.
    assertThat(lines)
        .as(as + ": reasons")
        .allSatisfy(l -> assertThat(String.valueOf(l.reason())).doesNotContain("unexpected"));
    long created = lines.stream().filter(l -> l.outcome() == Outcome.CREATED).count();
    assertThat(s.updated() + s.unchanged()).as(as + ": a fresh source updates nothing").isZero();
    assertThat(
            count(
                "SELECT count(*) FROM directory_service WHERE organisation_id = :h AND source = :s",
                source))
        .as(as + ": services stored")
        .isEqualTo(created);
    assertThat(
            count(
                """
                SELECT count(*) FROM directory_location l WHERE l.organisation_id = :h
                  AND l.source = :s AND NOT EXISTS (SELECT 1 FROM directory_service_at_location x
                    WHERE x.organisation_id = l.organisation_id AND x.location_id = l.id)
                """,
                source))
        .as(as + ": locations without a service")
        .isZero();
    assertThat(
            count(
                """
                SELECT count(*) FROM directory_organization o WHERE o.organisation_id = :h
                  AND o.source = :s AND NOT EXISTS (SELECT 1 FROM directory_service x
                    WHERE x.organisation_id = o.organisation_id
                      AND x.directory_organization_id = o.id)
                """,
                source))
        .as(as + ": organisations without a service")
        .isZero();
    assertThat(
            count(
                """
                SELECT count(*) FROM directory_service x WHERE x.organisation_id = :h
                  AND x.source = :s AND NOT EXISTS (SELECT 1 FROM directory_change c
                    WHERE c.organisation_id = x.organisation_id AND c.service_id = x.id
                      AND c.change = 'IMPORT_CREATED')
                """,
                source))
        .as(as + ": services without their history")
        .isZero();
  }

  long count(String sql, String source) {
    return jdbc.sql(sql).param("h", DEPLOYMENT).param("s", source).query(Long.class).single();
  }

  static String shorten(String s) {
    return s.length() > 600 ? s.substring(0, 300) + " … " + s.substring(s.length() - 300) : s;
  }

  // ---- files of services ----

  @Test
  void feedMutantsAreImportedWholeRecordByRecordOrNotAtAll() throws IOException {
    String good = feed();
    JsonMutations mutations = new JsonMutations(1101);
    for (int i = 0; i < 70; i++) {
      String mutant = mutations.mutate(good);
      String source = uniqueSource("fuzz-feed");
      Summary s =
          imports.importStream(
              DEPLOYMENT,
              Format.ORUK_1_JSON,
              source,
              new ByteArrayInputStream(mutations.encode(mutant)),
              "fuzz");
      assertWhole(s, source, "mutant " + i + ": " + mutant);
    }
  }

  @Test
  void orukJsonMutantsAreImportedWholeRecordByRecordOrNotAtAll() throws IOException {
    String good = orukPage();
    JsonMutations mutations = new JsonMutations(1102);
    for (int i = 0; i < 70; i++) {
      String mutant = mutations.mutate(good);
      String source = uniqueSource("fuzz-oruk");
      Path file = Files.write(temp.resolve("oruk-" + i + ".json"), mutations.encode(mutant));
      Summary s = imports.importFile(Format.ORUK_3_JSON, source, file, "fuzz");
      assertWhole(s, source, "mutant " + i + ": " + mutant);
    }
  }

  @Test
  void csvPackageMutantsAreImportedWholeRecordByRecordOrNotAtAll() throws IOException {
    Map<String, String> good = csvPackage();
    List<String> names = new ArrayList<>(good.keySet());
    Mutations mutations = new Mutations(1103);
    Random random = new Random(1103);
    for (int i = 0; i < 60; i++) {
      Map<String, String> mutant = new LinkedHashMap<>(good);
      StringBuilder what = new StringBuilder();
      int files = 1 + random.nextInt(2);
      for (int f = 0; f < files; f++) {
        // The services and what hangs off them are where mutants do most harm.
        String name =
            random.nextBoolean()
                ? List.of(
                        "services.csv",
                        "organizations.csv",
                        "locations.csv",
                        "service_at_location.csv",
                        "schedules.csv")
                    .get(random.nextInt(5))
                : names.get(random.nextInt(names.size()));
        String content = csvMutant(mutant.get(name), mutations, random);
        mutant.put(name, content);
        what.append(name).append(":\n").append(content).append('\n');
      }
      String source = uniqueSource("fuzz-csv");
      Summary s = imports.importFile(Format.ORUK_3_CSV, source, zip(mutant, i), "fuzz");
      assertWhole(s, source, "mutant " + i + ": " + what);
    }
  }

  @Test
  void aCsvPackageWithAQuoteLeftOpenFailsWithAReasonAndWritesNothing() throws IOException {
    Map<String, String> files = csvPackage();
    files.put("services.csv", files.get("services.csv") + "\"x,unfinished\r\n");
    String source = uniqueSource("fuzz-quote");
    Summary s = imports.importFile(Format.ORUK_3_CSV, source, zip(files, -3), "fuzz");
    assertThat(s.status()).isEqualTo(Status.FAILED);
    assertThat(s.message())
        .isEqualTo(
            "The package could not be read: services.csv is not valid CSV: a quoted value is not"
                + " closed, or a quote is out of place");
    assertWhole(s, source, "services.csv with a quote left open");
  }

  @Test
  void nulCharactersAnywhereAreLeftOutNotFailingTheImport() throws IOException {
    Map<String, String> files = csvPackage();
    files.put(
        "services.csv",
        files.get("services.csv").replace("Community Counselling", "Commu\u0000nity"));
    String source = uniqueSource("fuzz-nul-csv");
    Summary csv = imports.importFile(Format.ORUK_3_CSV, source, zip(files, -4), "fuzz");
    assertWhole(csv, source, "NUL in a CSV service name");
    assertThat(csv.created()).isEqualTo(1);

    ObjectNode page = (ObjectNode) Json.MAPPER.readTree(orukPage());
    ((ObjectNode) page.at("/contents/1")).put("name", "Sec\u0000ond");
    ((ObjectNode) page.at("/contents/1/service_at_locations/0/location")).put("name", "\u0000");
    String json = page.toString();
    assertThat(json).contains("\\u0000");
    String jsonSource = uniqueSource("fuzz-nul-json");
    Summary oruk =
        imports.importStream(
            DEPLOYMENT, Format.ORUK_3_JSON, jsonSource, ImportFixtures.stream(json), "fuzz");
    assertWhole(oruk, jsonSource, "NUL in a JSON service name");
    assertThat(oruk.created()).isEqualTo(2);

    ((ObjectNode) page.at("/contents/1")).put("id", "svc\u0000x");
    String idJson = page.toString();
    String idSource = uniqueSource("fuzz-nul-id");
    Summary ids =
        imports.importStream(
            DEPLOYMENT, Format.ORUK_3_JSON, idSource, ImportFixtures.stream(idJson), "fuzz");
    assertWhole(ids, idSource, "NUL in a JSON service id");

    String before = postcodeChecksum();
    Summary postcodes =
        imports.importPostcodes(
            "fuzz-postcodes",
            ImportFixtures.stream(POSTCODES_HEADER + "X,QX1\u0000 1QZ,,53.8,-1.5,,\r\n"),
            "fuzz");
    assertThat(postcodes.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(postcodes.skipped()).isEqualTo(1);
    assertThat(postcodeChecksum()).isEqualTo(before);

    String nulSource = uniqueSource("fuzz\u0000source");
    Summary named =
        imports.importStream(
            DEPLOYMENT, Format.ORUK_3_JSON, nulSource, ImportFixtures.stream(json), "fuzz");
    assertThat(named.source()).isEqualTo(nulSource.replace("\u0000", ""));
    assertWhole(named, named.source(), "NUL in the source's name");

    assertThat(
            imports
                .addHarvestSource("http://127.0.0.1:9/" + uniqueSource("nul"), "Na\u0000me", 24)
                .name())
        .isEqualTo("Name");
  }

  /** A CSV file mutated as text, or by its columns: quotes left open, a column shifted or lost. */
  static String csvMutant(String csv, Mutations mutations, Random random) {
    List<String> lines = new ArrayList<>(csv.lines().toList());
    int at = random.nextInt(lines.size());
    switch (random.nextInt(6)) {
      case 0 -> lines.set(at, "\"" + lines.get(at));
      case 1 -> lines.set(at, "," + lines.get(at));
      case 2 -> lines.set(at, lines.get(at).replaceFirst(",[^,]*", ""));
      case 3 -> lines.set(at, lines.get(at).replace(",", ";"));
      case 4 -> lines.set(at, lines.get(at) + ",\"un\"\"balanced");
      default -> {
        return mutations.mutate(csv);
      }
    }
    return String.join("\r\n", lines) + "\r\n";
  }

  Path zip(Map<String, String> files, int i) throws IOException {
    Path zip = temp.resolve("package-" + i + ".zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (Map.Entry<String, String> f : files.entrySet()) {
        out.putNextEntry(new ZipEntry(f.getKey()));
        out.write(f.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return zip;
  }

  @Test
  void brokenZipsFailWithAReasonAndChangeNothing() throws IOException {
    byte[] good = Files.readAllBytes(zip(csvPackage(), -1));
    JsonMutations mutations = new JsonMutations(1104);
    for (int i = 0; i < 40; i++) {
      byte[] mutant = mutations.mutateBytes(good);
      String source = uniqueSource("fuzz-zip");
      Path file = Files.write(temp.resolve("broken-" + i + ".zip"), mutant);
      Summary s = imports.importFile(Format.ORUK_3_CSV, source, file, "fuzz");
      assertWhole(s, source, "zip mutant " + i);
    }
  }

  // ---- the postcode directory ----

  static final String POSTCODES_HEADER = "pcd,pcds,doterm,lat,long,lsoa11,lsoa21\r\n";

  String postcodeChecksum() {
    return jdbc.sql(
            """
            SELECT count(*) || ':' || coalesce(sum(hashtext(postcode || latitude || longitude
              || coalesce(lsoa11, '-') || coalesce(lsoa21, '-'))), 0) FROM postcode_location
            """)
        .query(String.class)
        .single();
  }

  long postcodes() {
    return jdbc.sql("SELECT count(*) FROM postcode_location").query(Long.class).single();
  }

  @Test
  void postcodeDirectoryMutantsAreImportedWholeOrNotAtAll() throws IOException {
    Random random = new Random(1105);
    Mutations mutations = new Mutations(1105);
    for (int i = 0; i < 80; i++) {
      // Postcodes of the right shape in an area no other test uses.
      int n = 10 + random.nextInt(89);
      String good =
          POSTCODES_HEADER
              + "QX%d1QZ,QX%d 1QZ,,53.801234,-1.548765,E01011264,E01033010\r\n".formatted(n, n)
              + "QX%d2QZ,QX%d 2QZ,,55.9,-3.2,S01008888,S01013482\r\n".formatted(n, n)
              + "QX%d3QZ,QX%d 3QZ,202001,99.999999,0.000000,,\r\n".formatted(n, n);
      String mutant =
          random.nextInt(3) == 0 ? csvMutant(good, mutations, random) : mutations.mutate(good);
      String before = postcodeChecksum();
      long rowsBefore = postcodes();
      Summary s =
          imports.importPostcodes(
              "fuzz-postcodes",
              new ByteArrayInputStream(mutant.getBytes(StandardCharsets.UTF_8)),
              "fuzz");
      String as = "mutant " + i + ": " + shorten(mutant);
      assertThat(s.status()).as(as).isIn(Status.SUCCEEDED, Status.FAILED);
      assertThat(s.finishedAt()).as(as).isNotNull();
      if (s.status() == Status.FAILED) {
        assertThat(postcodeChecksum())
            .as(as + ": a failed import changes nothing")
            .isEqualTo(before);
      } else {
        assertThat(postcodes() - rowsBefore).as(as + ": postcodes added").isEqualTo(s.created());
        assertThat(s.total()).as(as + ": every row counted").isEqualTo(records(mutant));
        assertThat(s.failed()).as(as).isZero();
      }
    }
  }

  @Test
  void aPostcodeDirectoryThatBreaksAfterAWholeBatchKeepsThatBatchAndSaysSo() {
    int n = 10 + new Random().nextInt(89);
    StringBuilder csv = new StringBuilder(POSTCODES_HEADER);
    for (int i = 0; i < PostcodeImporter.BATCH; i++) {
      csv.append("X,QY%d %d%s,,53.8,-1.5,,\r\n".formatted(n, i / 676, letters(i % 676)));
    }
    csv.append("X,\"QY").append(n).append(" 9ZZ,,53.8,-1.5\r\n");
    long before = postcodes();
    Summary s =
        imports.importPostcodes("fuzz-postcodes", ImportFixtures.stream(csv.toString()), "fuzz");
    assertThat(s.status()).isEqualTo(Status.FAILED);
    assertThat(s.created() + s.updated() + s.unchanged()).isEqualTo(PostcodeImporter.BATCH);
    assertThat(postcodes() - before).isEqualTo(s.created());
    assertThat(s.message())
        .startsWith("The file could not be read as CSV after row " + PostcodeImporter.BATCH)
        .endsWith(
            "the "
                + PostcodeImporter.BATCH
                + " postcodes before were kept, and importing the whole file again completes it");
  }

  private static String letters(int i) {
    return "" + (char) ('A' + i / 26) + (char) ('A' + i % 26);
  }

  /** The data rows a CSV file holds, read as the importer reads it. */
  static long records(String csv) throws IOException {
    try (CSVParser p =
        CSVParser.parse(
            new StringReader(csv),
            CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setTrim(true)
                .get())) {
      return p.getRecords().size();
    }
  }

  // ---- harvesting an ORUK API ----

  @Test
  void harvestsOfAnApiAnsweringMutantPagesAccountForEveryServiceAndKeepOnlyWholeOnes()
      throws IOException {
    ObjectNode full =
        (ObjectNode)
            Json.MAPPER.readTree(Files.readString(ORUK.resolve("examples/service_full.json")));
    Map<String, String> good = new LinkedHashMap<>();
    good.put("/taxonomies", Files.readString(ORUK.resolve("examples/taxonomy_list.json")));
    good.put("/taxonomy_terms", Files.readString(ORUK.resolve("examples/taxonomy_term_list.json")));
    ArrayNode list = Json.array();
    for (String id : List.of("svc-a", "svc-b")) {
      ObjectNode s = full.deepCopy();
      s.put("id", id);
      s.put("name", "Service " + id);
      ((ObjectNode) s.at("/service_at_locations/0")).put("id", "sal-" + id);
      ((ObjectNode) s.at("/service_at_locations/0/location")).put("id", "loc-" + id);
      ((ObjectNode) s.at("/schedules/0")).put("id", "sch-" + id);
      good.put("/services/" + id, s.toString());
      ObjectNode summary = Json.object();
      summary.put("id", id);
      summary.put("name", "Service " + id);
      list.add(summary);
    }
    ObjectNode page = Json.object();
    page.put("total_items", 2);
    page.put("total_pages", 1);
    page.put("page_number", 1);
    page.put("first_page", true);
    page.put("last_page", true);
    page.set("contents", list);
    good.put("/services", page.toString());

    JsonMutations mutations = new JsonMutations(1106);
    Random random = new Random(1106);
    Map<String, String> answers = new java.util.concurrent.ConcurrentHashMap<>();
    int[] status = {200};
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          // /h<round>/services/svc-a and so on: the round names a fresh source.
          String path = exchange.getRequestURI().getPath().replaceFirst("^/h\\d+", "");
          String query = exchange.getRequestURI().getRawQuery();
          boolean later = query != null && query.matches(".*page=([2-9]|\\d\\d+).*");
          String body = later ? "{\"contents\": []}" : answers.getOrDefault(path, "{}");
          send(exchange, answers.containsKey(path) ? status[0] : 404, body);
        });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      List<String> paths = new ArrayList<>(good.keySet());
      for (int i = 0; i < 40; i++) {
        answers.clear();
        answers.putAll(good);
        String mutated = paths.get(random.nextInt(paths.size()));
        String mutant = mutations.mutate(good.get(mutated));
        answers.put(mutated, mutant);
        status[0] =
            random.nextInt(8) == 0 ? List.of(500, 404, 302, 204).get(random.nextInt(4)) : 200;
        DirectoryImports.HarvestSource source =
            imports.addHarvestSource(
                base + "/h" + i + random.nextInt(1 << 20), "Fuzz API " + i, 24);
        Summary s = imports.harvest(source.id(), "fuzz").orElseThrow();
        assertWhole(
            s,
            source.baseUrl(),
            "round " + i + ", " + mutated + " (HTTP " + status[0] + "): " + mutant);
      }
    } finally {
      server.stop(0);
    }
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    if (status == 204 || status == 302) {
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
      return;
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  // ---- the upload pages ----

  @Test
  void theHarvestSourceFormAnswersEveryMutantWithAPage() {
    WebSession admin = new WebSession(port).signedInAs(Role.ADMINISTRATOR);
    Random random = new Random(1108);
    List<String> good = List.of("https://api.example.org/oruk", "Example API", "24");
    for (int i = 0; i < 40; i++) {
      List<String> values = new ArrayList<>(good);
      int field = random.nextInt(3);
      values.set(
          field,
          random.nextBoolean() ? Mutations.junk(random) : good.get(field) + Mutations.junk(random));
      WebSession.Page answer =
          admin.post(
              "/admin/directory/imports/sources/new",
              Map.of("baseUrl", values.get(0), "name", values.get(1), "everyHours", values.get(2)));
      String as = "source form " + i + " " + values;
      assertThat(answer.status()).as(as + ": " + answer.body()).isIn(200, 302, 400);
      assertThat(answer.body()).as(as).doesNotContain("Exception", "\tat org.");
    }
  }

  @Test
  void anUploadWhoseFileNameBreaksTheMultipartHeaderIsABadRequest() {
    WebSession admin = new WebSession(port).signedInAs(Role.ADMINISTRATOR);
    WebSession.Page answer =
        admin.postFile(
            "/admin/directory/imports/upload",
            Map.of("format", Format.ORUK_3_CSV.name()),
            "file",
            "\r\n.upload",
            "application/zip",
            new byte[] {1, 2, 3});
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).doesNotContain("Exception");
  }

  static final Set<Integer> PAGE_ANSWERS = Set.of(200, 302, 400, 413);

  @Test
  void theUploadPagesAnswerEveryMutantWithAPageAndNoStackTrace() throws IOException {
    WebSession admin = new WebSession(port).signedInAs(Role.ADMINISTRATOR);
    JsonMutations mutations = new JsonMutations(1107);
    Mutations text = new Mutations(1107);
    Random random = new Random(1107);
    String feed = feed();
    String oruk = orukPage();
    byte[] zip = Files.readAllBytes(zip(csvPackage(), -2));
    for (int i = 0; i < 30; i++) {
      Format format = Format.values()[random.nextInt(Format.values().length)];
      byte[] content =
          switch (random.nextInt(4)) {
            case 0 -> mutations.encode(mutations.mutate(feed));
            case 1 -> mutations.encode(mutations.mutate(oruk));
            case 2 -> mutations.mutateBytes(zip);
            default ->
                text.mutate(POSTCODES_HEADER + "X,LS1 4AP,,53.8,-1.5,,\r\n")
                    .getBytes(StandardCharsets.UTF_8);
          };
      String name = Mutations.junk(random) + ".upload";
      WebSession.Page answer =
          random.nextInt(4) == 0
              ? admin.postFile(
                  "/admin/directory/imports/postcodes", "file", name, "text/csv", content)
              : admin.postFile(
                  "/admin/directory/imports/upload",
                  Map.of(
                      "format",
                      format.name(),
                      "source",
                      random.nextInt(4) == 0
                          ? Mutations.junk(random)
                          : uniqueSource("fuzz-upload")),
                  "file",
                  name,
                  "application/octet-stream",
                  content);
      String as = "upload " + i + " as " + format;
      assertThat(answer.status()).as(as + ": " + answer.body()).isIn(PAGE_ANSWERS);
      assertThat(answer.body()).as(as).doesNotContain("Exception", "\tat org.", "at java.");
      if (answer.status() == 302) {
        WebSession.Page report = admin.get(java.net.URI.create(answer.location()).getPath());
        assertThat(report.status()).as(as + " report").isEqualTo(200);
      }
    }
  }
}
