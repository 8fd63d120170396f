package org.waymark.shared;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means the database cannot be reached or has no connection free in time (it is
 * down, restarting, or every connection is busy under more load than the machine takes). Such a
 * request is answered 503 with {@code Retry-After}, so a person is told to try again shortly and a
 * client system backs off, rather than a 500 that reads as a fault in Waymark.
 */
public final class DatabaseUnavailable {

  /** Seconds a client should wait before trying again. */
  public static final int RETRY_AFTER_SECONDS = 30;

  private DatabaseUnavailable() {}

  /** Whether this failure, or one it was caused by, is the database being unreachable or busy. */
  public static boolean is(Throwable thrown) {
    for (Throwable e = thrown; e != null; e = e.getCause() == e ? null : e.getCause()) {
      if (e instanceof CannotCreateTransactionException
          || e instanceof DataAccessResourceFailureException
          || e instanceof TransientDataAccessResourceException
          || e instanceof QueryTimeoutException
          || e instanceof SQLTransientConnectionException
          || e instanceof SQLNonTransientConnectionException
          || e instanceof SQLRecoverableException
          || (e instanceof SQLException sql && isConnectionState(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * SQLSTATE class 08, connection exception: the connection broke or was closed under the request
   * (the server stopped while it ran, and so its rollback failed too).
   */
  private static boolean isConnectionState(String state) {
    return state != null && state.startsWith("08");
  }
}
