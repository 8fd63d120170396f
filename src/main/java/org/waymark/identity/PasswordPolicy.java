package org.waymark.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Password rules (NCSC and NIST SP 800-63B): at least 12 characters, at most 128, not a commonly
 * used password, not the user's own email address. No composition rules: length is what matters.
 */
@Component
public class PasswordPolicy {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 128;

  private final Set<String> common;

  public PasswordPolicy() {
    this.common = load();
  }

  /** The message key of the first rule the password breaks, empty if it is acceptable. */
  public Optional<String> problem(String password, String email) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
      return Optional.of("password.tooShort");
    }
    if (password.length() > MAX_LENGTH) {
      return Optional.of("password.tooLong");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (common.contains(lower) || lower.chars().distinct().count() <= 2) {
      return Optional.of("password.common");
    }
    if (email != null && !email.isBlank()) {
      String local = email.toLowerCase(Locale.ROOT).split("@")[0];
      if (local.length() >= 4 && lower.contains(local)) {
        return Optional.of("password.containsEmail");
      }
    }
    return Optional.empty();
  }

  private static Set<String> load() {
    Set<String> words = new HashSet<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new ClassPathResource("identity/common-passwords.txt").getInputStream(),
                StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        String word = line.trim();
        if (!word.isEmpty() && !word.startsWith("#")) {
          words.add(word.toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the common passwords list", e);
    }
    return Set.copyOf(words);
  }
}
