package org.waymark.referral;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.waymark.person.PersonDetails;
import org.waymark.person.Sex;
import org.waymark.referral.ReferralValidationException.Problem;

/**
 * The referral import file: UTF-8 CSV (a byte order mark is allowed), a header row naming the
 * columns in any order, one referral per row. Reads the whole file into rows, refusing the file as
 * a whole when it is too large, not UTF-8, has wrong headers or no rows.
 */
final class ReferralCsv {

  /** The columns in template order, each with the field its problems name. */
  static final Map<String, String> COLUMNS = new LinkedHashMap<>();

  static {
    COLUMNS.put("nhs_number", "person.nhsNumber");
    COLUMNS.put("given_name", "person.givenName");
    COLUMNS.put("family_name", "person.familyName");
    COLUMNS.put("date_of_birth", "person.dateOfBirth");
    COLUMNS.put("sex", "person.sex");
    COLUMNS.put("address_line_1", "person.addressLine1");
    COLUMNS.put("address_line_2", "person.addressLine2");
    COLUMNS.put("town", "person.town");
    COLUMNS.put("postcode", "person.postcode");
    COLUMNS.put("phone", "person.phone");
    COLUMNS.put("mobile", "person.mobile");
    COLUMNS.put("email", "person.email");
    COLUMNS.put("registered_practice_ods_code", "person.registeredPracticeId");
    COLUMNS.put("source", "source");
    COLUMNS.put("needs", "needs");
    COLUMNS.put("reason", "reason");
    COLUMNS.put("consent_to_share", "consentToShare");
    COLUMNS.put("consent_to_contact", "consentToContact");
    COLUMNS.put("urgency", "urgency");
    COLUMNS.put("preferred_contact_method", "preferredContactMethod");
    COLUMNS.put("preferred_contact_times", "preferredContactTimes");
    COLUMNS.put("safeguarding_concerns", "safeguardingConcerns");
    COLUMNS.put("referrer_name", "referrer.name");
    COLUMNS.put("referrer_job_title", "referrer.jobTitle");
    COLUMNS.put("referrer_organisation", "referrer.organisationName");
    COLUMNS.put("referrer_phone", "referrer.phone");
    COLUMNS.put("referrer_email", "referrer.email");
    COLUMNS.put("received_on", "receivedOn");
  }

  /** Columns every file must have; the others may be left out. */
  static final List<String> REQUIRED =
      List.of(
          "given_name",
          "family_name",
          "date_of_birth",
          "source",
          "needs",
          "consent_to_share",
          "urgency");

  /** The template's example row: a fictional person (999 NHS number, Ofcom drama numbers). */
  static final List<String> EXAMPLE =
      List.of(
          "999 765 4323",
          "Alex",
          "Example",
          "1985-06-15",
          "not_known",
          "12 Example Street",
          "",
          "Leeds",
          "LS1 4AP",
          "01632 960001",
          "07700 900982",
          "alex.example@example.org",
          "",
          "GP",
          "LONELINESS;MONEY",
          "Lives alone since a bereavement and is worried about bills",
          "yes",
          "yes",
          "routine",
          "phone",
          "Weekday mornings",
          "",
          "Dr Sam Example",
          "GP",
          "Example Surgery",
          "01632 960002",
          "sam.example@example.org",
          "");

  private static final DateTimeFormatter UK_DATE =
      DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

  private ReferralCsv() {}

  /** The template: the header row and the example row, UTF-8 with a byte order mark. */
  static byte[] template() {
    StringBuilder out = new StringBuilder("\uFEFF");
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      printer.printRecord(COLUMNS.keySet());
      printer.printRecord(EXAMPLE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads a whole file.
   *
   * @param practiceByOdsCode the GP practice with an ODS code, if any
   * @throws ReferralImportRejectedException with a file problem if the file cannot be used
   */
  static List<ReferralImportRow> read(
      InputStream in,
      long maxBytes,
      int maxRows,
      Function<String, Optional<UUID>> practiceByOdsCode)
      throws IOException {
    String text = decode(in, maxBytes);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.isBlank()) {
      throw new ReferralImportRejectedException("referral.import.file.empty");
    }
    CSVFormat format = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true).get();
    List<ReferralImportRow> rows = new ArrayList<>();
    try (CSVParser parser =
        CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
      Map<String, Integer> columns = null;
      int rowNumber = 0;
      for (CSVRecord record : parser) {
        rowNumber++;
        if (columns == null) {
          columns = header(record);
          continue;
        }
        if (isBlank(record)) {
          continue;
        }
        if (rows.size() == maxRows) {
          throw new ReferralImportRejectedException("referral.import.file.tooManyRows", maxRows);
        }
        rows.add(row(rowNumber, record, columns, practiceByOdsCode));
      }
    } catch (java.io.UncheckedIOException | IllegalStateException e) {
      // Commons CSV reports a broken quote this way.
      throw new ReferralImportRejectedException("referral.import.file.unreadable");
    }
    if (rows.isEmpty()) {
      throw new ReferralImportRejectedException("referral.import.file.noRows");
    }
    return rows;
  }

  private static String decode(InputStream in, long maxBytes) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    long total = 0;
    int n;
    while ((n = in.read(buffer)) > 0) {
      total += n;
      if (total > maxBytes) {
        throw new ReferralImportRejectedException(
            "referral.import.file.tooLarge", maxBytes / (1024 * 1024));
      }
      bytes.write(buffer, 0, n);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ReferralImportRejectedException("referral.import.file.encoding");
    }
  }

  private static Map<String, Integer> header(CSVRecord record) {
    Map<String, Integer> columns = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    List<String> repeated = new ArrayList<>();
    for (int i = 0; i < record.size(); i++) {
      String name = record.get(i).toLowerCase(Locale.ROOT).strip();
      if (name.isEmpty()) {
        continue;
      }
      if (!COLUMNS.containsKey(name)) {
        unknown.add(record.get(i));
      } else if (columns.putIfAbsent(name, i) != null) {
        repeated.add(name);
      }
    }
    List<String> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
    if (!missing.isEmpty()) {
      throw new ReferralImportRejectedException(
          "referral.import.file.missingColumns", String.join(", ", missing));
    }
    if (!unknown.isEmpty()) {
      throw new ReferralImportRejectedException(
          "referral.import.file.unknownColumns", String.join(", ", unknown));
    }
    if (!repeated.isEmpty()) {
      throw new ReferralImportRejectedException(
          "referral.import.file.repeatedColumns", String.join(", ", repeated));
    }
    return columns;
  }

  private static boolean isBlank(CSVRecord record) {
    for (String v : record) {
      if (!v.isBlank()) {
        return false;
      }
    }
    return true;
  }

  private static ReferralImportRow row(
      int rowNumber,
      CSVRecord record,
      Map<String, Integer> columns,
      Function<String, Optional<UUID>> practiceByOdsCode) {
    Function<String, String> value =
        name -> {
          Integer i = columns.get(name);
          if (i == null || i >= record.size()) {
            return null;
          }
          String v = record.get(i).strip();
          return v.isEmpty() ? null : v;
        };
    List<Problem> problems = new ArrayList<>();
    LocalDate dateOfBirth =
        date(
            value.apply("date_of_birth"),
            "person.dateOfBirth",
            "referral.import.dateOfBirth.invalid",
            problems);
    LocalDate receivedOn =
        date(
            value.apply("received_on"),
            "receivedOn",
            "referral.import.receivedOn.invalid",
            problems);
    Sex sex =
        choice(
            value.apply("sex"),
            Sex.class,
            Sex.NOT_KNOWN,
            "person.sex",
            "referral.import.sex.invalid",
            problems);
    UUID practice = null;
    String ods = value.apply("registered_practice_ods_code");
    if (ods != null) {
      practice = practiceByOdsCode.apply(ods).orElse(null);
      if (practice == null) {
        problems.add(
            new Problem("person.registeredPracticeId", "referral.import.practice.unknown"));
      }
    }
    PersonDetails person =
        PersonDetails.builder()
            .nhsNumber(value.apply("nhs_number"))
            .name(value.apply("given_name"), value.apply("family_name"))
            .dateOfBirth(dateOfBirth)
            .sex(sex)
            .address(
                value.apply("address_line_1"),
                value.apply("address_line_2"),
                value.apply("town"),
                value.apply("postcode"))
            .phone(value.apply("phone"), false)
            .mobile(value.apply("mobile"), false)
            .email(value.apply("email"), false)
            .registeredPracticeId(practice)
            .build();
    String needs = value.apply("needs");
    NewReferral referral =
        new NewReferral(
            person,
            code(value.apply("source")),
            needs == null
                ? List.of()
                : Arrays.stream(needs.split("[;|]")).map(ReferralCsv::code).toList(),
            value.apply("reason"),
            yesNo(value.apply("consent_to_share"), "consentToShare", problems),
            yesNo(value.apply("consent_to_contact"), "consentToContact", problems),
            choice(
                value.apply("urgency"),
                Urgency.class,
                null,
                "urgency",
                "referral.import.urgency.invalid",
                problems),
            choice(
                value.apply("preferred_contact_method"),
                ContactMethod.class,
                null,
                "preferredContactMethod",
                "referral.import.preferredContactMethod.invalid",
                problems),
            value.apply("preferred_contact_times"),
            value.apply("safeguarding_concerns"),
            new ReferrerDetails(
                value.apply("referrer_name"),
                value.apply("referrer_job_title"),
                value.apply("referrer_organisation"),
                value.apply("referrer_phone"),
                value.apply("referrer_email")),
            null,
            receivedOn);
    return new ReferralImportRow(rowNumber, referral, problems);
  }

  /** YYYY-MM-DD, or DD/MM/YYYY as a spreadsheet saved in a UK locale writes it. */
  private static LocalDate date(
      String text, String field, String messageKey, List<Problem> problems) {
    if (text == null) {
      return null;
    }
    try {
      return text.contains("/") ? LocalDate.parse(text, UK_DATE) : LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      problems.add(new Problem(field, messageKey));
      return null;
    }
  }

  private static boolean yesNo(String text, String field, List<Problem> problems) {
    if (text == null) {
      return false;
    }
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "yes", "y", "true" -> true;
      case "no", "n", "false" -> false;
      default -> {
        problems.add(new Problem(field, "referral.import.yesNo.invalid"));
        yield false;
      }
    };
  }

  private static <E extends Enum<E>> E choice(
      String text,
      Class<E> type,
      E blank,
      String field,
      String messageKey,
      List<Problem> problems) {
    if (text == null) {
      return blank;
    }
    try {
      return Enum.valueOf(type, code(text));
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(field, messageKey));
      return null;
    }
  }

  /** A code as the code lists write it: upper case, words joined by underscores. */
  private static String code(String text) {
    return text == null ? null : text.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
  }

  /** The column a field's problem belongs to; the field itself if no column holds it. */
  static String column(String field) {
    return COLUMNS.entrySet().stream()
        .filter(e -> e.getValue().equals(field))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(field);
  }
}
