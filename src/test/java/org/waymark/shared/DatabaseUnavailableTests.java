package org.waymark.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseUnavailableTests {

  @Test
  void noFreeConnectionOrNoDatabaseIsUnavailableHoweverDeepItIsWrapped() {
    SQLTransientConnectionException pool =
        new SQLTransientConnectionException("Connection is not available, request timed out");
    assertThat(DatabaseUnavailable.is(pool)).isTrue();
    assertThat(
            DatabaseUnavailable.is(
                new IllegalStateException(
                    "template failed",
                    new CannotCreateTransactionException("Could not open JDBC Connection", pool))))
        .isTrue();
    assertThat(DatabaseUnavailable.is(new CannotGetJdbcConnectionException("down"))).isTrue();
  }

  @Test
  void aConnectionThatBrokeUnderTheRequestIsUnavailableToo() {
    // The server stopped mid-request: the statement failed and then so did the rollback.
    assertThat(
            DatabaseUnavailable.is(
                new org.springframework.transaction.TransactionSystemException(
                    "JDBC rollback failed",
                    new java.sql.SQLException("Connection is closed", "08003"))))
        .isTrue();
    assertThat(
            DatabaseUnavailable.is(
                new java.sql.SQLException("An I/O error occurred while sending", "08006")))
        .isTrue();
    assertThat(DatabaseUnavailable.is(new java.sql.SQLException("syntax error", "42601")))
        .isFalse();
  }

  @Test
  void otherFailuresAreNot() {
    assertThat(DatabaseUnavailable.is(new IllegalStateException("a bug"))).isFalse();
    assertThat(DatabaseUnavailable.is(new RuntimeException(new NullPointerException()))).isFalse();
    assertThat(DatabaseUnavailable.is(null)).isFalse();
  }
}
