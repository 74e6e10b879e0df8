package dev.gatehouse.server.allowlist;

import dev.gatehouse.server.testsupport.PostgresTest;

/** {@link AllowlistServiceContract} on PostgreSQL. */
@PostgresTest
class AllowlistServicePostgresTest extends AllowlistServiceContract {}
