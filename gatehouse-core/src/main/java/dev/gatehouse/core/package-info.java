/** Strict IP parsing, allowlist matching and client-IP resolution, with no framework dependency. */
@NullMarked
package dev.gatehouse.core;

import org.jspecify.annotations.NullMarked;
