package org.waymark.referral;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;

/** Form values and helpers shared by the referral page tests. */
final class ReferralPageFixtures {

  private ReferralPageFixtures() {}

  /** A valid NHS number no other test is likely to use. */
  static String nhsNumber() {
    while (true) {
      int[] d = new int[9];
      int sum = 0;
      for (int i = 0; i < 9; i++) {
        d[i] = ThreadLocalRandom.current().nextInt(10);
        sum += d[i] * (10 - i);
      }
      int check = 11 - sum % 11;
      if (check == 10) {
        continue;
      }
      StringBuilder s = new StringBuilder();
      for (int x : d) {
        s.append(x);
      }
      return s.append(check == 11 ? 0 : check).toString();
    }
  }

  static Organisation organisation(IdentityManagement identity, String name) {
    return identity.organisations().stream()
        .filter(o -> o.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  /** A referral form as a referrer would fill it in, every answer valid. */
  static Map<String, String> referrerForm(String givenName, String nhsNumber) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("nhsNumber", nhsNumber);
    f.put("givenName", givenName);
    f.put("familyName", "Referred");
    f.put("dateOfBirthDay", "14");
    f.put("dateOfBirthMonth", "3");
    f.put("dateOfBirthYear", "1956");
    f.put("sex", "FEMALE");
    f.put("addressLine1", "1 Canal Road");
    f.put("town", "Bradford");
    f.put("postcode", "BD2 1AB");
    f.put("phone", "01632 960 001");
    f.put("needs", "LONELINESS");
    f.put("reason", "Lives alone since her husband died and rarely goes out.");
    f.put("source", "GP");
    f.put("urgency", "ROUTINE");
    f.put("consentToShare", "true");
    f.put("consentToContact", "true");
    f.put("preferredContactMethod", "PHONE");
    f.put("preferredContactTimes", "Weekday mornings");
    f.put("referrerName", "Dr Rhea Referrer");
    f.put("referrerJobTitle", "GP");
    f.put("referrerOrganisation", "Hillside Health Centre");
    f.put("referrerPhone", "01632 960 123");
    f.put("referrerEmail", "referrer@demo.waymark.test");
    return f;
  }

  /** A self-referral as a person would fill it in, every answer valid, no practice chosen. */
  static Map<String, String> selfForm(String givenName, String postcode, UUID practiceId) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("givenName", givenName);
    f.put("familyName", "Self");
    f.put("dateOfBirthDay", "2");
    f.put("dateOfBirthMonth", "11");
    f.put("dateOfBirthYear", "1971");
    f.put("nhsNumber", "");
    f.put("postcode", postcode);
    f.put("registeredPracticeId", practiceId == null ? "" : practiceId.toString());
    f.put("mobile", "07700 900 982");
    f.put("needs", "MONEY");
    f.put("reason", "I am worried about my bills.");
    f.put("preferredContactMethod", "TEXT");
    f.put("consentToContact", "true");
    f.put("consentToShare", "true");
    f.put("website", "");
    return f;
  }

  /** Runs work as an account, as if it were signed in (for steps that have no page yet). */
  static <T> T as(UserDetailsService users, String email, Supplier<T> work) {
    UserDetails user = users.loadUserByUsername(email);
    SecurityContextHolder.getContext()
        .setAuthentication(
            new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
    try {
      return work.get();
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
