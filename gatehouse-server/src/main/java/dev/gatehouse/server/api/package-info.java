/**
 * The REST API under {@code /api/v1} (SPEC section 5): bearer-token authentication, the IP
 * allowlist, API tokens and audit events as JSON, strict request parsing, and every error as RFC
 * 9457 problem+json with a stable {@code code} ({@link dev.gatehouse.server.api.ApiProblemCodes}).
 *
 * <p>Controllers here only translate between HTTP and the feature services ({@code
 * AllowlistService}, {@code ApiTokenService}, {@code AuditLog}); validation, atomicity, lockout
 * prevention and auditing live in those services, shared with the pages.
 */
@NullMarked
package dev.gatehouse.server.api;

import org.jspecify.annotations.NullMarked;
