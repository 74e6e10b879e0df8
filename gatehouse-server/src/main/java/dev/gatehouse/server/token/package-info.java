@NullMarked
package dev.gatehouse.server.token;

import org.jspecify.annotations.NullMarked;
