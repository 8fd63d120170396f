package org.waymark.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;
import org.waymark.directory.DirectoryImports;
import org.waymark.directory.DirectoryImports.Format;
import org.waymark.directory.DirectoryImports.Summary;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;
import org.waymark.person.Ethnicity;
import org.waymark.person.GenderSameAsSex;
import org.waymark.person.PersonDetails;
import org.waymark.person.PersonManagement;
import org.waymark.person.Sex;
import org.waymark.platform.DatabaseMode;

/**
 * Loads the demo organisations, accounts and people once, on first start, their referrals and cases
 * ({@link DemoCasework}), and the demo directory: the council feeds in {@code
 * waymark.demo.directory-feeds} (when that folder exists), local services for the demo PCNs' area
 * and their postcodes (with their LSOAs), and the reporting set-up ({@link DemoReporting}). On by
 * default on the embedded database, off on an external one; {@code WAYMARK_DEMO} overrides either
 * way.
 */
@Component
@Order(100)
class DemoData implements ApplicationRunner {

  static final String DOMAIN = "demo.waymark.test";
  private static final UUID DEPLOYMENT = new UUID(0, 0);
  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final IdentityManagement identity;
  private final PersonManagement people;
  private final DatabaseMode database;
  private final TransactionTemplate transactions;
  private final DirectoryImports directory;
  private final DemoCasework casework;
  private final DemoConnections demoConnections;
  private final DemoFollowUps demoFollowUps;
  private final DemoOutcomes demoOutcomes;
  private final DemoResearch demoResearch;
  private final DemoReporting demoReporting;
  private final DemoFhirClients demoFhirClients;
  private final String enabled;
  private final String password;
  private final Path feeds;

  DemoData(
      IdentityManagement identity,
      PersonManagement people,
      DatabaseMode database,
      TransactionTemplate transactions,
      DirectoryImports directory,
      DemoCasework casework,
      DemoConnections demoConnections,
      DemoFollowUps demoFollowUps,
      DemoOutcomes demoOutcomes,
      DemoResearch demoResearch,
      DemoReporting demoReporting,
      DemoFhirClients demoFhirClients,
      @Value("${waymark.demo.enabled:}") String enabled,
      @Value("${waymark.demo.password:}") String password,
      @Value("${waymark.demo.directory-feeds:../shared/reference/directory-feeds}") String feeds) {
    this.identity = identity;
    this.people = people;
    this.database = database;
    this.transactions = transactions;
    this.directory = directory;
    this.casework = casework;
    this.demoConnections = demoConnections;
    this.demoFollowUps = demoFollowUps;
    this.demoOutcomes = demoOutcomes;
    this.demoResearch = demoResearch;
    this.demoReporting = demoReporting;
    this.demoFhirClients = demoFhirClients;
    this.enabled = enabled;
    this.password = password;
    this.feeds = Path.of(feeds);
  }

  boolean wanted() {
    return StringUtils.hasText(enabled)
        ? Boolean.parseBoolean(enabled.trim())
        : database.embedded();
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!wanted()) {
      return;
    }
    if (identity.searchUsers("@" + DOMAIN).stream()
        .anyMatch(u -> u.email().equals("admin@" + DOMAIN))) {
      return; // loaded on an earlier start
    }
    boolean generated = !StringUtils.hasText(password);
    String pw = generated ? generatePassword() : password;
    UUID goodNeighbours = transactions.execute(status -> load(pw));
    loadCasework();
    // Imports write each listing in a transaction of their own, so they run after the rest.
    loadDirectory(goodNeighbours);
    loadConnections();
    loadFollowUps();
    loadOutcomes();
    loadResearch();
    loadReporting();
    loadFhirClients(pw);
    if (generated) {
      log.warn(
          "Demo data loaded. The demo accounts' password (shown once; set WAYMARK_DEMO_PASSWORD to choose it): {}",
          pw);
    } else {
      log.info("Demo data loaded; demo accounts use WAYMARK_DEMO_PASSWORD.");
    }
  }

  /** Returns the id of the VCS organisation that keeps its own directory listings. */
  private UUID load(String pw) {
    Organisation leedsPcn =
        identity.createOrganisation(
            OrganisationType.PCN, "Aire Valley PCN", "U12345", null, "LS1 4AP");
    Organisation kirkgate =
        identity.createOrganisation(
            OrganisationType.GP_PRACTICE, "Kirkgate Surgery", "B86001", leedsPcn.id(), "LS1 6BP");
    Organisation riverside =
        identity.createOrganisation(
            OrganisationType.GP_PRACTICE,
            "Riverside Medical Practice",
            "B86002",
            leedsPcn.id(),
            "LS2 7EY");
    Organisation otherPcn =
        identity.createOrganisation(
            OrganisationType.PCN, "Moorland PCN", "U67890", null, "BD1 1HY");
    Organisation hillside =
        identity.createOrganisation(
            OrganisationType.GP_PRACTICE,
            "Hillside Health Centre",
            "B83001",
            otherPcn.id(),
            "BD3 9DA");
    Organisation canalRoad =
        identity.createOrganisation(
            OrganisationType.GP_PRACTICE, "Canal Road Surgery", "B83002", otherPcn.id(), "BD2 1AB");
    Organisation vcs =
        identity.createOrganisation(
            OrganisationType.VCS, "Good Neighbours Befriending", null, null, "LS6 1AA");
    identity.createOrganisation(
        OrganisationType.VCS, "Money Matters Advice", null, null, "LS9 8AB");
    identity.createOrganisation(
        OrganisationType.VCS, "Walk and Talk Leeds", null, null, "LS11 5AA");
    identity.createOrganisation(
        OrganisationType.LOCAL_AUTHORITY, "Aire Valley Council", null, null, null);
    Organisation icb =
        identity.createOrganisation(OrganisationType.ICB, "West Riding ICB", "QWO", null, null);
    Organisation university =
        identity.createOrganisation(
            OrganisationType.UNIVERSITY, "University of the Dales", null, null, null);

    account("admin", "Ada Administrator", pw, new UUID(0, 0), Role.ADMINISTRATOR);
    account("manager", "Maya Manager", pw, leedsPcn.id(), Role.SERVICE_MANAGER);
    // Moorland PCN's manager triages what the demo referrer (a Moorland practice) sends.
    account("moorland.manager", "Morgan Manager", pw, otherPcn.id(), Role.SERVICE_MANAGER);
    UserAccount linkWorker =
        account("linkworker", "Lee Linkworker", pw, leedsPcn.id(), Role.LINK_WORKER);
    identity.addMembership(linkWorker.id(), otherPcn.id(), Role.LINK_WORKER);
    account("referrer", "Dr Rhea Referrer", pw, hillside.id(), Role.REFERRER);
    account("vcs", "Val Coordinator", pw, vcs.id(), Role.VCS_COORDINATOR);
    account("commissioner", "Cam Commissioner", pw, icb.id(), Role.COMMISSIONER);
    account("researcher", "Rory Researcher", pw, university.id(), Role.RESEARCHER);
    account("datamanager", "Dana Datamanager", pw, university.id(), Role.RESEARCHER);

    people(
        leedsPcn.id(), kirkgate.id(), riverside.id(), otherPcn.id(), hillside.id(), canalRoad.id());
    return vcs.id();
  }

  /**
   * Referrals and cases. If one cannot be loaded, the demo still starts, with what was loaded
   * before it.
   */
  private void loadCasework() {
    long started = System.nanoTime();
    try {
      casework.load();
      log.info(
          "Demo referrals and cases loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
    } catch (RuntimeException e) {
      log.warn("The demo referrals and cases could not be loaded", e);
    }
  }

  /** The demo FHIR client systems; a problem is logged and the demo carries on. */
  private void loadFhirClients(String pw) {
    try {
      demoFhirClients.load(pw);
    } catch (RuntimeException e) {
      log.warn("The demo FHIR clients could not be registered", e);
    }
  }

  /** Connections to the directory's services; a problem is logged and the demo carries on. */
  private void loadConnections() {
    try {
      demoConnections.load();
    } catch (RuntimeException e) {
      log.warn("The demo connections could not be loaded", e);
    }
  }

  /**
   * A study with its set-up, participants and records; a problem is logged and the demo goes on.
   */
  private void loadResearch() {
    try {
      demoResearch.load();
    } catch (RuntimeException e) {
      log.warn("The demo study could not be loaded", e);
    }
  }

  /**
   * What the demo commissioner sees, deprivation deciles and practice populations; after the
   * directory, whose postcodes carry the LSOAs. A problem is logged and the demo goes on.
   */
  private void loadReporting() {
    try {
      demoReporting.load();
    } catch (IOException | RuntimeException e) {
      log.warn("The demo reporting reference data could not be loaded", e);
    }
  }

  /** Outcome measures and a questionnaire link; a problem is logged and the demo goes on. */
  private void loadOutcomes() {
    try {
      demoOutcomes.load();
    } catch (RuntimeException e) {
      log.warn("The demo outcome measures could not be loaded", e);
    }
  }

  /**
   * Follow-ups due, overdue, missed, upcoming and done; a problem is logged and the demo goes on.
   */
  private void loadFollowUps() {
    try {
      demoFollowUps.load();
    } catch (RuntimeException e) {
      log.warn("The demo follow-ups could not be loaded", e);
    }
  }

  /**
   * The demo directory: postcodes first (so that locations without coordinates are geocoded as they
   * are imported), the local services (Good Neighbours Befriending keeps its own), then the council
   * feeds if their folder is there. A problem is logged and the demo carries on without it.
   */
  private void loadDirectory(UUID goodNeighbours) {
    try {
      try (InputStream in = demoFile("postcodes.csv")) {
        directory.importPostcodes("waymark-demo-postcodes", in, null);
      }
      try (InputStream in = demoFile("local-services.json")) {
        directory.importStream(DEPLOYMENT, Format.ORUK_3_JSON, "waymark-demo", in, null);
      }
      try (InputStream in = demoFile("good-neighbours.json")) {
        directory.importStream(goodNeighbours, Format.ORUK_3_JSON, "waymark-demo", in, null);
      }
    } catch (IOException | RuntimeException e) {
      log.warn("The demo directory's local services could not be loaded", e);
    }
    if (!Files.isDirectory(feeds)) {
      log.info("No council feeds at {}: the demo directory holds only local services", feeds);
      return;
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(feeds)) {
      files = list.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      log.warn("The council feeds at {} could not be listed", feeds, e);
      return;
    }
    for (Path file : files) {
      long started = System.nanoTime();
      try {
        String name = file.getFileName().toString();
        Summary s =
            directory.importFile(
                Format.ORUK_1_JSON, name.substring(0, name.length() - 5), file, null);
        log.info(
            "Demo directory: {} imported in {} ms ({} listings, {} skipped, {} failed)",
            name,
            (System.nanoTime() - started) / 1_000_000,
            s.created() + s.updated() + s.unchanged(),
            s.skipped(),
            s.failed());
      } catch (RuntimeException e) {
        log.warn("The council feed {} could not be imported", file, e);
      }
    }
  }

  private static InputStream demoFile(String name) throws IOException {
    return new ClassPathResource("demo/directory/" + name).getInputStream();
  }

  /**
   * Twelve clearly fictional people. NHS numbers come from the 999 range, which is never issued to
   * real patients; phone numbers from Ofcom's ranges for drama; email addresses from example.com.
   */
  private void people(
      UUID airePcn, UUID kirkgate, UUID riverside, UUID moorPcn, UUID hillside, UUID canalRoad) {
    person(
        airePcn,
        PersonDetails.builder()
            .nhsNumber("999 000 0018")
            .name("Zoë", "Łukasiewicz-Nguyễn")
            .preferredName("Zoë")
            .dateOfBirth(LocalDate.of(1991, 4, 12))
            .sex(Sex.FEMALE)
            .gender(GenderSameAsSex.YES, null)
            .ethnicity(Ethnicity.MIXED_WHITE_AND_ASIAN)
            .language("English", false)
            .address("Flat 3, 27 Larkspur Road", "Headingley", "Leeds", "LS6 3BN")
            .mobile("07700 900101", true)
            .email("zoe.ln@example.com", true)
            .registeredPracticeId(kirkgate));
    person(
        airePcn,
        PersonDetails.builder()
            .nhsNumber("999 000 0026")
            .name("Arthur", "Pennington")
            .otherNames("James")
            .dateOfBirth(LocalDate.of(1938, 11, 2))
            .sex(Sex.MALE)
            .ethnicity(Ethnicity.WHITE_BRITISH)
            .language("English", false)
            .address("8 Sycamore Close", null, "Leeds", "LS7 2AH")
            .phone("0113 496 0012", true)
            .registeredPracticeId(kirkgate));
    person(
        airePcn,
        PersonDetails.builder()
            .nhsNumber("999 000 0034")
            .name("Agnieszka", "Kowalczyk")
            .dateOfBirth(LocalDate.of(1979, 6, 23))
            .sex(Sex.FEMALE)
            .gender(GenderSameAsSex.YES, null)
            .ethnicity(Ethnicity.WHITE_OTHER)
            .language("Polish", true)
            .address("41 Harehills Walk", null, "Leeds", "LS9 6QE")
            .mobile("07700 900102", true)
            .registeredPracticeId(riverside));
    person(
        airePcn,
        PersonDetails.builder()
            .nhsNumber("999 000 0042")
            .name("Samir", "Haddad")
            .dateOfBirth(LocalDate.of(1985, 1, 30))
            .sex(Sex.MALE)
            .ethnicity(Ethnicity.OTHER_ARAB)
            .language("Arabic", false)
            .address("112 Beeston Hill", null, "Leeds", "LS11 8PL")
            .mobile("07700 900103", false)
            .email("samir.haddad@example.com", true)
            .registeredPracticeId(riverside));
    person(
        airePcn,
        PersonDetails.builder()
            .nhsNumber("999 000 0050")
            .name("Grace", "Okonkwo")
            .otherNames("Adaeze")
            .dateOfBirth(LocalDate.of(1962, 9, 14))
            .sex(Sex.FEMALE)
            .ethnicity(Ethnicity.BLACK_AFRICAN)
            .language("English", false)
            .address("5 Chapeltown Mews", null, "Leeds", "LS8 4JD")
            .phone("0113 496 0027", false)
            .email("grace.okonkwo@example.com", true)
            .registeredPracticeId(kirkgate));
    person(
        airePcn,
        PersonDetails.builder()
            .nhsNumber("999 000 0069")
            .name("Dorothy", "Haigh")
            .otherNames("May")
            .dateOfBirth(LocalDate.of(1931, 3, 5))
            .sex(Sex.FEMALE)
            .ethnicity(Ethnicity.WHITE_BRITISH)
            .language("English", false)
            .address("2 Almshouse Lane", "Armley", "Leeds", "LS12 5HA")
            .registeredPracticeId(riverside)
            .deceased(true, LocalDate.of(2025, 12, 1)));
    person(
        airePcn,
        PersonDetails.builder()
            .nhsNumber("999 000 0077")
            .name("Alex", "Morgan")
            .dateOfBirth(LocalDate.of(1998, 2, 27))
            .sex(Sex.FEMALE)
            .gender(GenderSameAsSex.NO, "Non-binary")
            .ethnicity(Ethnicity.PREFER_NOT_TO_SAY)
            .language("English", false)
            .address("19 Kirkstall Row", null, "Leeds", "LS4 2QT")
            .mobile("07700 900104", true)
            .email("alex.morgan@example.com", false)
            .registeredPracticeId(kirkgate));
    person(
        moorPcn,
        PersonDetails.builder()
            .nhsNumber("999 000 0085")
            .name("Siobhán", "Ó Ceallaigh")
            .dateOfBirth(LocalDate.of(1974, 12, 8))
            .sex(Sex.FEMALE)
            .ethnicity(Ethnicity.WHITE_IRISH)
            .language("English", false)
            .address("63 Thornbury Avenue", null, "Bradford", "BD3 8QW")
            .phone("01632 960 101", true)
            .email("siobhan.oc@example.com", true)
            .registeredPracticeId(hillside));
    person(
        moorPcn,
        PersonDetails.builder()
            .nhsNumber("999 000 0093")
            .name("Imran", "Hussain")
            .dateOfBirth(LocalDate.of(1956, 5, 21))
            .sex(Sex.MALE)
            .ethnicity(Ethnicity.ASIAN_PAKISTANI)
            .language("Urdu", false)
            .address("27 Manningham Terrace", null, "Bradford", "BD9 5AA")
            .phone("01632 960 102", true)
            .mobile("07700 900105", false)
            .registeredPracticeId(hillside));
    person(
        moorPcn,
        PersonDetails.builder()
            .nhsNumber("999 000 0107")
            .name("Marcus", "Campbell")
            .dateOfBirth(LocalDate.of(1990, 10, 3))
            .sex(Sex.MALE)
            .ethnicity(Ethnicity.BLACK_CARIBBEAN)
            .language("British Sign Language", true)
            .address("Flat 12, Listerhills Court", null, "Bradford", "BD7 1DP")
            .mobile("07700 900106", true)
            .email("marcus.campbell@example.com", true)
            .registeredPracticeId(canalRoad));
    person(
        moorPcn,
        PersonDetails.builder()
            .nhsNumber("999 000 0115")
            .name("Mei Ling", "Chen")
            .dateOfBirth(LocalDate.of(1968, 8, 17))
            .sex(Sex.FEMALE)
            .ethnicity(Ethnicity.ASIAN_CHINESE)
            .language("Cantonese", false)
            .address("90 Undercliffe Street", null, "Bradford", "BD2 4LT")
            .mobile("07700 900107", true)
            .registeredPracticeId(canalRoad));
    person(
        moorPcn,
        PersonDetails.builder()
            .nhsNumber("999 000 0123")
            .name("Levi", "Price")
            .dateOfBirth(LocalDate.of(2004, 1, 11))
            .sex(Sex.MALE)
            .ethnicity(Ethnicity.WHITE_GYPSY_OR_IRISH_TRAVELLER)
            .language("English", false)
            .address("Plot 4, Ripley Street site", null, "Bradford", "BD5 0JA")
            .mobile("07700 900108", true)
            .registeredPracticeId(hillside));
  }

  private void person(UUID organisationId, PersonDetails.Builder details) {
    people.registerBySystem(organisationId, details.build(), "demo data");
  }

  private UserAccount account(String local, String name, String pw, UUID org, Role role) {
    UserAccount user = identity.createUser(local + "@" + DOMAIN, name, pw);
    identity.addMembership(user.id(), org, role);
    return user;
  }

  private static String generatePassword() {
    String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    SecureRandom random = new SecureRandom();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      if (i > 0 && i % 5 == 0) {
        b.append('-');
      }
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }
}
