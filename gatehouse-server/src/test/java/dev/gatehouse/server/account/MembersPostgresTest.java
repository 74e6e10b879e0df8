package dev.gatehouse.server.account;

import dev.gatehouse.server.testsupport.PostgresTest;

/** {@link MembersControllerTest} on PostgreSQL (row locks, cascades). */
@PostgresTest
class MembersPostgresTest extends MembersControllerTest {}
