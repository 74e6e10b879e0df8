package dev.gatehouse.server;

import dev.gatehouse.server.testsupport.PostgresTest;

/** {@link PlatformApplicationTest} on PostgreSQL. */
@PostgresTest
class PlatformPostgresTest extends PlatformApplicationTest {}
