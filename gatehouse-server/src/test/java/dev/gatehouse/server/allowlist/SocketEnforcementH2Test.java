package dev.gatehouse.server.allowlist;

/** {@link SocketEnforcementContract} on the default in-memory H2 database. */
class SocketEnforcementH2Test extends SocketEnforcementContract {}
