package dev.gatehouse.server.user;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal of a signed-in user, kept in the (database-backed) session. It carries no
 * account-specific rights: roles are looked up per account on every request, so membership changes
 * apply at once.
 */
public final class SignedInUser implements UserDetails, CredentialsContainer {

  private static final long serialVersionUID = 1L;
  private static final List<GrantedAuthority> AUTHORITIES =
      List.of(new SimpleGrantedAuthority("ROLE_USER"));

  private final long id;
  private final String email;
  private @Nullable String passwordHash;

  SignedInUser(long id, String email, @Nullable String passwordHash) {
    this.id = id;
    this.email = Objects.requireNonNull(email, "email");
    this.passwordHash = passwordHash;
  }

  public long id() {
    return id;
  }

  public String email() {
    return email;
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return AUTHORITIES;
  }

  @Override
  public @Nullable String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return email;
  }

  @Override
  public void eraseCredentials() {
    passwordHash = null;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof SignedInUser that && that.id == id;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(id);
  }

  @Override
  public String toString() {
    return "SignedInUser[id=" + id + ", email=" + email + "]";
  }
}
