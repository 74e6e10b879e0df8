package dev.gatehouse.server.user;

import java.util.Locale;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads users for the sign-in form; the username is the email, case-insensitively. */
@Service
class GatehouseUserDetailsService implements UserDetailsService {

  private final UserRepository users;

  GatehouseUserDetailsService(UserRepository users) {
    this.users = users;
  }

  @Override
  public UserDetails loadUserByUsername(String email) {
    return users
        .findByEmail(email.strip().toLowerCase(Locale.ROOT))
        .map(u -> new SignedInUser(u.id(), u.email(), u.passwordHash()))
        .orElseThrow(() -> new UsernameNotFoundException("no such user"));
  }
}
