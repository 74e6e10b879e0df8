package dev.gatehouse.server.allowlist;

/** {@link AllowlistServiceContract} on the default in-memory H2 database. */
class AllowlistServiceH2Test extends AllowlistServiceContract {}
