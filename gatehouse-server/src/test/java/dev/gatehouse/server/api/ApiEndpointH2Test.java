package dev.gatehouse.server.api;

/** {@link ApiEndpointTests} on the default in-memory H2 database. */
class ApiEndpointH2Test extends ApiEndpointTests {}
