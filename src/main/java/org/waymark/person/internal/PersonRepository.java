package org.waymark.person.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.person.DuplicateCandidate;
import org.waymark.person.DuplicateReason;
import org.waymark.person.Ethnicity;
import org.waymark.person.GenderSameAsSex;
import org.waymark.person.Person;
import org.waymark.person.PersonDetails;
import org.waymark.person.Sex;

/**
 * The {@code person} table. Callers pass details already validated and normalised; the table's
 * constraints refuse anything else. Access checks and auditing are the caller's job.
 */
@Repository
public class PersonRepository {

  private static final String COLUMNS =
      """
      organisation_id, id, nhs_number, given_name, family_name, other_names, preferred_name, date_of_birth,
      sex, gender_same_as_sex, gender_identity, ethnicity, preferred_language, interpreter_needed,
      address_line_1, address_line_2, town, postcode, phone, phone_consent, mobile, sms_consent, email,
      email_consent, registered_practice_id, deceased, date_of_death, created_at, updated_at, version
      """;

  private final JdbcClient jdbc;

  PersonRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(UUID organisationId, UUID id, PersonDetails d) {
    jdbc.sql(
            """
            INSERT INTO person (organisation_id, id, nhs_number, given_name, family_name, other_names,
              preferred_name, date_of_birth, sex, gender_same_as_sex, gender_identity, ethnicity,
              preferred_language, interpreter_needed, address_line_1, address_line_2, town, postcode, phone,
              phone_consent, mobile, sms_consent, email, email_consent, registered_practice_id, deceased,
              date_of_death)
            VALUES (:org, :id, :nhsNumber, :givenName, :familyName, :otherNames, :preferredName, :dateOfBirth,
              :sex, :genderSameAsSex, :genderIdentity, :ethnicity, :preferredLanguage, :interpreterNeeded,
              :addressLine1, :addressLine2, :town, :postcode, :phone, :phoneConsent, :mobile, :smsConsent,
              :email, :emailConsent, :registeredPracticeId, :deceased, :dateOfDeath)
            """)
        .params(params(organisationId, id, d))
        .update();
  }

  /**
   * Inserts unless the organisation already holds a record with this NHS number (then nothing is
   * written), without aborting the transaction as a failed insert would.
   *
   * @return true if the record was inserted
   */
  public boolean insertUnlessNhsNumberHeld(UUID organisationId, UUID id, PersonDetails d) {
    return jdbc.sql(
                """
            INSERT INTO person (organisation_id, id, nhs_number, given_name, family_name, other_names,
              preferred_name, date_of_birth, sex, gender_same_as_sex, gender_identity, ethnicity,
              preferred_language, interpreter_needed, address_line_1, address_line_2, town, postcode, phone,
              phone_consent, mobile, sms_consent, email, email_consent, registered_practice_id, deceased,
              date_of_death)
            VALUES (:org, :id, :nhsNumber, :givenName, :familyName, :otherNames, :preferredName, :dateOfBirth,
              :sex, :genderSameAsSex, :genderIdentity, :ethnicity, :preferredLanguage, :interpreterNeeded,
              :addressLine1, :addressLine2, :town, :postcode, :phone, :phoneConsent, :mobile, :smsConsent,
              :email, :emailConsent, :registeredPracticeId, :deceased, :dateOfDeath)
            ON CONFLICT (organisation_id, nhs_number) WHERE nhs_number IS NOT NULL DO NOTHING
            """)
            .params(params(organisationId, id, d))
            .update()
        == 1;
  }

  /**
   * Records in these organisations that may be the same person as {@code p}: same NHS number; names
   * alike (spelling, accents, a preferred name, given and family name swapped; see {@code
   * person_names_alike}) and the same date of birth; or the same name (exactly, after folding case
   * and accents) and postcode. Merged-away records are never candidates. Only records with the same
   * NHS number, date of birth or postcode are compared, each found through its index, so the names
   * are compared for a handful of rows however many people the organisations hold.
   */
  public List<DuplicateCandidate> duplicateCandidates(List<UUID> organisations, Person p) {
    PersonDetails d = p.details();
    return jdbc.sql(
            "SELECT * FROM (SELECT "
                + COLUMNS
                + """
                , (nhs_number IS NOT NULL AND nhs_number = :nhs) AS same_nhs,
                  (date_of_birth = :dob
                    AND person_names_alike(person_fold(given_name), person_fold(family_name),
                          person_fold(preferred_name), person_fold(:given), person_fold(:family),
                          person_fold(:preferred), false)) AS name_dob,
                  (postcode IS NOT NULL AND postcode = :postcode
                    AND person_names_alike(person_fold(given_name), person_fold(family_name),
                          person_fold(preferred_name), person_fold(:given), person_fold(:family),
                          person_fold(:preferred), true)) AS name_postcode
                FROM person
                WHERE organisation_id = ANY(:orgs) AND id <> :id AND merged_into_id IS NULL
                  AND (nhs_number = :nhs OR date_of_birth = :dob OR postcode = :postcode)
                ) AS compared
                WHERE same_nhs OR name_dob OR name_postcode
                ORDER BY same_nhs DESC, family_name, given_name LIMIT 20
                """)
        .param("nhs", d.nhsNumber())
        .param("given", d.givenName())
        .param("family", d.familyName())
        .param("preferred", d.preferredName())
        .param("dob", d.dateOfBirth())
        .param("postcode", d.postcode())
        .param("orgs", organisations.toArray(UUID[]::new))
        .param("id", p.id())
        .query(
            (rs, n) -> {
              EnumSet<DuplicateReason> reasons = EnumSet.noneOf(DuplicateReason.class);
              if (rs.getBoolean("same_nhs")) {
                reasons.add(DuplicateReason.SAME_NHS_NUMBER);
              }
              if (rs.getBoolean("name_dob")) {
                reasons.add(DuplicateReason.SIMILAR_NAME_AND_DATE_OF_BIRTH);
              }
              if (rs.getBoolean("name_postcode")) {
                reasons.add(DuplicateReason.SAME_NAME_AND_POSTCODE);
              }
              return new DuplicateCandidate(map(rs, n), reasons);
            })
        .list();
  }

  /** The record this one was merged into, if it was merged away. */
  public Optional<UUID> mergedInto(UUID id) {
    return jdbc.sql("SELECT merged_into_id FROM person WHERE id = ? AND merged_into_id IS NOT NULL")
        .param(id)
        .query(UUID.class)
        .optional();
  }

  /** The ids of the records merged into this one, oldest merge first. */
  public List<UUID> mergedIntoThis(UUID organisationId, UUID keptId) {
    return jdbc.sql(
            "SELECT id FROM person WHERE organisation_id = ? AND merged_into_id = ? ORDER BY merged_at")
        .params(organisationId, keptId)
        .query(UUID.class)
        .list();
  }

  /**
   * Locks both records (in id order, so two merges of the same pair cannot deadlock) and answers
   * them as they are now.
   */
  public List<Person> lockBoth(UUID a, UUID b) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM person WHERE id IN (?, ?) ORDER BY id FOR UPDATE")
        .params(a, b)
        .query(PersonRepository::map)
        .list();
  }

  /**
   * Marks a record as merged into another, if it is still at {@code expectedVersion} and not merged
   * already; its NHS number is cleared (the caller moves it) and it moves to the next version.
   *
   * @return false if the record has changed since that version or is merged already
   */
  public boolean markMerged(UUID organisationId, UUID id, long expectedVersion, UUID keptId) {
    return jdbc.sql(
                """
                UPDATE person SET merged_into_id = ?, merged_at = now(), nhs_number = NULL,
                  updated_at = now(), version = version + 1
                WHERE organisation_id = ? AND id = ? AND version = ? AND merged_into_id IS NULL
                """)
            .params(keptId, organisationId, id, expectedVersion)
            .update()
        == 1;
  }

  /** The record an organisation holds with this NHS number (ten digits), if any. */
  public Optional<Person> findByNhsNumber(UUID organisationId, String nhsNumber) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM person WHERE organisation_id = ? AND nhs_number = ?")
        .params(organisationId, nhsNumber)
        .query(PersonRepository::map)
        .optional();
  }

  /**
   * Writes new details if the record is still at {@code expectedVersion}, and moves it to the next.
   *
   * @return false if the record has changed (or gone) since that version
   */
  public boolean update(UUID organisationId, UUID id, long expectedVersion, PersonDetails d) {
    Map<String, Object> params = params(organisationId, id, d);
    params.put("version", expectedVersion);
    return jdbc.sql(
                """
                UPDATE person SET nhs_number = :nhsNumber, given_name = :givenName, family_name = :familyName,
                  other_names = :otherNames, preferred_name = :preferredName, date_of_birth = :dateOfBirth,
                  sex = :sex, gender_same_as_sex = :genderSameAsSex, gender_identity = :genderIdentity,
                  ethnicity = :ethnicity, preferred_language = :preferredLanguage,
                  interpreter_needed = :interpreterNeeded, address_line_1 = :addressLine1,
                  address_line_2 = :addressLine2, town = :town, postcode = :postcode, phone = :phone,
                  phone_consent = :phoneConsent, mobile = :mobile, sms_consent = :smsConsent, email = :email,
                  email_consent = :emailConsent, registered_practice_id = :registeredPracticeId,
                  deceased = :deceased, date_of_death = :dateOfDeath, updated_at = now(), version = version + 1
                WHERE organisation_id = :org AND id = :id AND version = :version AND merged_into_id IS NULL
                """)
            .params(params)
            .update()
        == 1;
  }

  /** The record with this id, whichever organisation holds it. */
  public Optional<Person> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM person WHERE id = ?")
        .param(id)
        .query(PersonRepository::map)
        .optional();
  }

  /** True if another record of the organisation has this NHS number (ten digits). */
  public boolean nhsNumberTaken(UUID organisationId, String nhsNumber, UUID exceptId) {
    return jdbc.sql(
                "SELECT count(*) FROM person WHERE organisation_id = ? AND nhs_number = ? AND id IS DISTINCT FROM ?")
            .params(organisationId, nhsNumber, exceptId)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Every record with this NHS number (ten digits), in any organisation. */
  public List<Person> withNhsNumber(String nhsNumber) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM person WHERE nhs_number = ? ORDER BY created_at")
        .param(nhsNumber)
        .query(PersonRepository::map)
        .list();
  }

  /** The records held by these organisations that match, by family name then given name. */
  public List<Person> search(
      List<UUID> organisations,
      List<String> nameWords,
      String nhsNumber,
      LocalDate dateOfBirth,
      int limit,
      long offset) {
    Map<String, Object> params = new LinkedHashMap<>();
    String where = where(organisations, nameWords, nhsNumber, dateOfBirth, params);
    params.put("limit", limit);
    params.put("offset", offset);
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM person"
                + where
                + " ORDER BY person_fold(family_name), person_fold(given_name), date_of_birth, id"
                + " LIMIT :limit OFFSET :offset")
        .params(params)
        .query(PersonRepository::map)
        .list();
  }

  public long count(
      List<UUID> organisations, List<String> nameWords, String nhsNumber, LocalDate dateOfBirth) {
    Map<String, Object> params = new LinkedHashMap<>();
    String where = where(organisations, nameWords, nhsNumber, dateOfBirth, params);
    return jdbc.sql("SELECT count(*) FROM person" + where)
        .params(params)
        .query(Long.class)
        .single();
  }

  private static String where(
      List<UUID> organisations,
      List<String> nameWords,
      String nhsNumber,
      LocalDate dateOfBirth,
      Map<String, Object> params) {
    StringBuilder where =
        new StringBuilder(" WHERE organisation_id IN (:orgs) AND merged_into_id IS NULL");
    params.put("orgs", organisations);
    for (int i = 0; i < nameWords.size(); i++) {
      // The word is folded by the same function as the stored column, so both sides compare alike.
      where.append(" AND search_name LIKE '%' || person_fold(:word").append(i).append(") || '%'");
      params.put("word" + i, escapeLike(nameWords.get(i)));
    }
    if (nhsNumber != null) {
      where.append(" AND nhs_number = :nhsNumber");
      params.put("nhsNumber", nhsNumber);
    }
    if (dateOfBirth != null) {
      where.append(" AND date_of_birth = :dateOfBirth");
      params.put("dateOfBirth", dateOfBirth);
    }
    return where.toString();
  }

  private static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static Map<String, Object> params(UUID organisationId, UUID id, PersonDetails d) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("org", organisationId);
    p.put("id", id);
    p.put("nhsNumber", d.nhsNumber());
    p.put("givenName", d.givenName());
    p.put("familyName", d.familyName());
    p.put("otherNames", d.otherNames());
    p.put("preferredName", d.preferredName());
    p.put("dateOfBirth", d.dateOfBirth());
    p.put("sex", d.sex().name());
    p.put("genderSameAsSex", d.genderSameAsSex() == null ? null : d.genderSameAsSex().name());
    p.put("genderIdentity", d.genderIdentity());
    p.put("ethnicity", d.ethnicity() == null ? null : d.ethnicity().name());
    p.put("preferredLanguage", d.preferredLanguage());
    p.put("interpreterNeeded", d.interpreterNeeded());
    p.put("addressLine1", d.addressLine1());
    p.put("addressLine2", d.addressLine2());
    p.put("town", d.town());
    p.put("postcode", d.postcode());
    p.put("phone", d.phone());
    p.put("phoneConsent", d.phoneConsent());
    p.put("mobile", d.mobile());
    p.put("smsConsent", d.smsConsent());
    p.put("email", d.email());
    p.put("emailConsent", d.emailConsent());
    p.put("registeredPracticeId", d.registeredPracticeId());
    p.put("deceased", d.deceased());
    p.put("dateOfDeath", d.dateOfDeath());
    return p;
  }

  /** The records with these ids held by these organisations (others are left out), any order. */
  public List<Person> findAll(List<UUID> organisations, java.util.Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM person WHERE organisation_id = ANY(:orgs) AND id = ANY(:ids)")
        .param("orgs", organisations.toArray(UUID[]::new))
        .param("ids", ids.toArray(UUID[]::new))
        .query(PersonRepository::map)
        .list();
  }

  /**
   * Which of these records (held by these organisations) have at least one duplicate candidate
   * there, by the same rules as {@link #duplicateCandidates}, in one query.
   */
  public java.util.Set<UUID> withDuplicateCandidates(
      List<UUID> organisations, java.util.Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return java.util.Set.of();
    }
    return new java.util.HashSet<>(
        jdbc.sql(
                """
                SELECT p.id FROM person p
                WHERE p.organisation_id = ANY(:orgs) AND p.id = ANY(:ids)
                  AND EXISTS (
                    SELECT 1 FROM person o
                    WHERE o.organisation_id = ANY(:orgs) AND o.id <> p.id
                      AND o.merged_into_id IS NULL
                      AND ((o.nhs_number IS NOT NULL AND o.nhs_number = p.nhs_number)
                        OR (o.date_of_birth = p.date_of_birth
                          AND person_names_alike(person_fold(o.given_name), person_fold(o.family_name),
                                person_fold(o.preferred_name), person_fold(p.given_name),
                                person_fold(p.family_name), person_fold(p.preferred_name), false))
                        OR (o.postcode IS NOT NULL AND o.postcode = p.postcode
                          AND person_names_alike(person_fold(o.given_name), person_fold(o.family_name),
                                person_fold(o.preferred_name), person_fold(p.given_name),
                                person_fold(p.family_name), person_fold(p.preferred_name), true))))
                """)
            .param("orgs", organisations.toArray(UUID[]::new))
            .param("ids", ids.toArray(UUID[]::new))
            .query(UUID.class)
            .list());
  }

  private static Person map(ResultSet rs, int row) throws SQLException {
    String gender = rs.getString("gender_same_as_sex");
    String ethnicity = rs.getString("ethnicity");
    PersonDetails details =
        new PersonDetails(
            rs.getString("nhs_number"),
            rs.getString("given_name"),
            rs.getString("family_name"),
            rs.getString("other_names"),
            rs.getString("preferred_name"),
            rs.getObject("date_of_birth", LocalDate.class),
            Sex.valueOf(rs.getString("sex")),
            gender == null ? null : GenderSameAsSex.valueOf(gender),
            rs.getString("gender_identity"),
            ethnicity == null ? null : Ethnicity.valueOf(ethnicity),
            rs.getString("preferred_language"),
            rs.getBoolean("interpreter_needed"),
            rs.getString("address_line_1"),
            rs.getString("address_line_2"),
            rs.getString("town"),
            rs.getString("postcode"),
            rs.getString("phone"),
            rs.getBoolean("phone_consent"),
            rs.getString("mobile"),
            rs.getBoolean("sms_consent"),
            rs.getString("email"),
            rs.getBoolean("email_consent"),
            rs.getObject("registered_practice_id", UUID.class),
            rs.getBoolean("deceased"),
            rs.getObject("date_of_death", LocalDate.class));
    return new Person(
        rs.getObject("id", UUID.class),
        rs.getObject("organisation_id", UUID.class),
        details,
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        rs.getLong("version"));
  }
}
