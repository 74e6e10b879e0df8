package dev.gatehouse.server.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A check on every account-scoped request, run by {@link AccountAccessFilter} in {@code @Order}
 * after authentication and membership and before role checks and controllers. Beans of this type
 * are picked up automatically; none means every member is let through.
 */
public interface AccountRequestGuard {

  /**
   * Decides whether the request may proceed.
   *
   * @return {@code true} to continue; {@code false} when the guard has refused the request and has
   *     already written the complete response
   */
  boolean permit(AccountAccess access, HttpServletRequest request, HttpServletResponse response)
      throws IOException;
}
