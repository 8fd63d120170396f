package org.waymark.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;
import org.waymark.referral.ReferralFixtures.BasicClient;
import org.waymark.support.Mutations;
import org.waymark.support.TestUsers;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;

/**
 * Fuzzing the referral importers with mutants of good input: the JSON API and the CSV upload never
 * answer with a server error, and write either a whole referral (or file) or nothing.
 */
@WaymarkIntegrationTest
class ReferralFuzzTests {

  static final Set<Integer> API_ANSWERS = Set.of(200, 201, 400, 409, 413, 415, 422);

  @LocalServerPort int port;
  @Autowired IdentityManagement identity;
  @Autowired JdbcClient jdbc;

  long referrals(String where, Object value) {
    return jdbc.sql("SELECT count(*) FROM referral WHERE " + where)
        .param(value)
        .query(Long.class)
        .single();
  }

  @Test
  void theJsonApiAnswersEveryMutantWithoutAServerErrorAndWritesWholeReferralsOnly() {
    UserAccount referrer =
        TestUsers.create(identity, ReferralFixtures.practice(identity, "B83001"), Role.REFERRER);
    BasicClient client = new BasicClient(port, referrer.email(), TestUsers.PASSWORD);
    Mutations mutations = new Mutations(20261127L);
    String good = ReferralFixtures.body(ReferralFixtures.nhsNumber());
    int created = 0;
    for (int i = 0; i < 100; i++) {
      String mutant = mutations.mutate(good);
      WebSession.Page answer = client.post("/api/referrals", UUID.randomUUID().toString(), mutant);
      assertThat(answer.status()).as("mutant " + i + ": " + mutant).isIn(API_ANSWERS);
      if (answer.status() == 201) {
        created++;
      } else {
        assertThat(answer.header("Content-Type").orElse(""))
            .as("mutant " + i)
            .contains("application/problem+json");
      }
    }
    assertThat(referrals("referrer_user_id = ?", referrer.id())).isEqualTo(created);
    // Every referral written is whole: a person, needs and a status history.
    assertThat(
            jdbc.sql(
                    """
                    SELECT count(*) FROM referral r WHERE r.referrer_user_id = ? AND NOT EXISTS (
                      SELECT 1 FROM referral_status_change c
                      WHERE c.organisation_id = r.organisation_id AND c.referral_id = r.id)
                    """)
                .param(referrer.id())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void theCsvUploadAnswersEveryMutantWithoutAServerErrorAndImportsAllRowsOrNone() throws Exception {
    UserAccount manager =
        TestUsers.create(
            identity, ReferralFixtures.organisation(identity, "U12345").id(), Role.SERVICE_MANAGER);
    WebSession session = new WebSession(port);
    session.signIn(manager.email(), TestUsers.PASSWORD);
    String header =
        session.get("/referrals/import/template.csv").body().lines().findFirst().orElseThrow();
    String good =
        header
            + "\r\n"
            + ReferralImportTests.row(ReferralFixtures.nhsNumber(), "Fuzz")
            + "\r\n"
            + ReferralImportTests.row(ReferralFixtures.nhsNumber(), "Fuzzy")
            + "\r\n";
    UUID pcn = ReferralFixtures.organisation(identity, "U12345").id();
    Mutations mutations = new Mutations(27112026L);
    for (int i = 0; i < 40; i++) {
      String mutant = mutations.mutate(good);
      long before = referrals("organisation_id = ?", pcn);
      WebSession.Page answer =
          session.postFile(
              "/referrals/import",
              "file",
              "referrals.csv",
              "text/csv",
              mutant.getBytes(StandardCharsets.UTF_8));
      long after = referrals("organisation_id = ?", pcn);
      assertThat(answer.status()).as("mutant " + i + ": " + mutant).isLessThan(500);
      if (after != before) {
        // Imported: every row of the file, in one go.
        assertThat(answer.status()).as("mutant " + i).isEqualTo(302);
        assertThat(after - before).as("mutant " + i).isEqualTo(dataRows(mutant));
      }
    }
  }

  static long dataRows(String csv) throws java.io.IOException {
    try (CSVParser p =
        CSVParser.parse(
            new StringReader(csv),
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
      return p.getRecords().stream().filter(r -> !(r.size() == 1 && r.get(0).isBlank())).count();
    }
  }
}
