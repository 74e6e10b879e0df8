package dev.gatehouse.server.token;

import dev.gatehouse.server.testsupport.PostgresTest;

/** {@link ApiTokensControllerTest} on PostgreSQL. */
@PostgresTest
class ApiTokensPostgresTest extends ApiTokensControllerTest {}
