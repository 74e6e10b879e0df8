package dev.gatehouse.server.api;

import dev.gatehouse.server.testsupport.PostgresTest;

/** {@link ApiLoopbackSocketTest} against a real server on PostgreSQL. */
@PostgresTest
class ApiLoopbackSocketPostgresTest extends ApiLoopbackSocketTest {}
