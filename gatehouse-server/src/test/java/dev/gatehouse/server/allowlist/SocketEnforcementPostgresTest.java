package dev.gatehouse.server.allowlist;

import dev.gatehouse.server.testsupport.PostgresTest;

/** {@link SocketEnforcementContract} on PostgreSQL. */
@PostgresTest
class SocketEnforcementPostgresTest extends SocketEnforcementContract {}
