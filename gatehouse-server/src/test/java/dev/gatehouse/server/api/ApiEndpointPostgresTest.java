package dev.gatehouse.server.api;

import dev.gatehouse.server.testsupport.PostgresTest;

/** {@link ApiEndpointTests} on PostgreSQL. */
@PostgresTest
class ApiEndpointPostgresTest extends ApiEndpointTests {}
