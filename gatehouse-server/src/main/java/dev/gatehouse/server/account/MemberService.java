package dev.gatehouse.server.account;

import dev.gatehouse.server.audit.AuditLog;
import dev.gatehouse.server.user.InvalidUserInputException;
import dev.gatehouse.server.user.UserAccount;
import dev.gatehouse.server.user.UserService;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds, re-roles and removes members. Every change is admin-only, audited, and keeps at least one
 * admin in the account. Changes of one account are serialised by a row lock on the account, so two
 * admins demoting each other at once cannot leave it without an admin.
 */
@Service
class MemberService {

  /** What adding a member did. */
  enum AddOutcome {
    /** A new user was created with the given initial password. */
    CREATED_USER,
    /** The email already had a sign-in; its password is unchanged. */
    EXISTING_USER
  }

  private final AccountRepository accounts;
  private final UserService users;
  private final AuditLog audit;
  private final Clock clock;

  MemberService(AccountRepository accounts, UserService users, AuditLog audit, Clock clock) {
    this.accounts = accounts;
    this.users = users;
    this.audit = audit;
    this.clock = clock;
  }

  List<Member> members(long accountId) {
    return accounts.members(accountId).stream()
        .map(row -> new Member(row.userId(), row.email(), row.role(), row.since()))
        .toList();
  }

  /**
   * Adds the user with this email, creating the user with {@code initialPassword} if there is no
   * such user yet. An existing user's password is never touched: an account admin must not be able
   * to take over a sign-in that other accounts rely on.
   */
  @Transactional
  AddOutcome add(
      AccountAccess access, String actorIp, String email, String initialPassword, Role role) {
    access.requireAdmin();
    String normalized;
    try {
      normalized = UserService.normalizeEmail(email);
    } catch (InvalidUserInputException e) {
      throw new MemberChangeException(e.getMessage());
    }
    accounts.lockAccount(access.accountId());
    var existing = users.findByEmail(normalized);
    if (existing.isPresent()
        && accounts.roleOf(access.accountId(), existing.get().id()).isPresent()) {
      throw new MemberChangeException(normalized + " is already a member of this account.");
    }
    UserAccount user;
    AddOutcome outcome;
    if (existing.isPresent()) {
      user = existing.get();
      outcome = AddOutcome.EXISTING_USER;
    } else {
      if (initialPassword.isEmpty()) {
        throw new MemberChangeException(
            normalized + " has no Gatehouse sign-in yet: give them an initial password.");
      }
      try {
        user = users.create(normalized, initialPassword);
      } catch (InvalidUserInputException e) {
        throw new MemberChangeException(e.getMessage());
      }
      outcome = AddOutcome.CREATED_USER;
    }
    accounts.insertMembership(access.accountId(), user.id(), role, clock.instant());
    audit.record(
        access.accountId(),
        access.actor().name(),
        actorIp,
        "member.added",
        user.email() + " as " + role.name());
    return outcome;
  }

  @Transactional
  Member changeRole(AccountAccess access, String actorIp, long userId, Role role) {
    access.requireAdmin();
    accounts.lockAccount(access.accountId());
    Member member = find(access.accountId(), userId);
    if (member.role() == role) {
      return member;
    }
    if (member.isAdmin() && accounts.countAdmins(access.accountId()) <= 1) {
      throw new MemberChangeException(
          member.email()
              + " is the only admin. Make another member an admin first: an account always"
              + " keeps at least one admin.");
    }
    accounts.updateRole(access.accountId(), userId, role);
    audit.record(
        access.accountId(),
        access.actor().name(),
        actorIp,
        "member.role_changed",
        member.email() + ": " + member.role().name() + " -> " + role.name());
    return new Member(member.userId(), member.email(), role, member.since());
  }

  @Transactional
  Member remove(AccountAccess access, String actorIp, long userId) {
    access.requireAdmin();
    accounts.lockAccount(access.accountId());
    Member member = find(access.accountId(), userId);
    if (member.isAdmin() && accounts.countAdmins(access.accountId()) <= 1) {
      throw new MemberChangeException(
          member.email()
              + " is the only admin and cannot be removed. Make another member an admin first.");
    }
    accounts.deleteMembership(access.accountId(), userId);
    audit.record(
        access.accountId(), access.actor().name(), actorIp, "member.removed", member.email());
    return member;
  }

  Member find(long accountId, long userId) {
    return members(accountId).stream()
        .filter(m -> m.userId() == userId)
        .findFirst()
        .orElseThrow(() -> new MemberChangeException("That user is not a member of this account."));
  }
}
