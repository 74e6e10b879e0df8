package dev.gatehouse.server.account;

import java.util.Objects;

/**
 * A tenant: a company's workspace.
 *
 * @param id database id
 * @param slug the URL name, lower-case letters, digits and inner hyphens
 * @param name display name
 */
public record Account(long id, String slug, String name) {

  public Account {
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(name, "name");
  }
}
