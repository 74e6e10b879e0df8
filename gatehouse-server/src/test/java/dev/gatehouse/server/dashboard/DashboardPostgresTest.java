package dev.gatehouse.server.dashboard;

import dev.gatehouse.server.testsupport.PostgresTest;

/** {@link DashboardControllerTest} on PostgreSQL. */
@PostgresTest
class DashboardPostgresTest extends DashboardControllerTest {}
