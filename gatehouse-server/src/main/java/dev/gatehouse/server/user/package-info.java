@NullMarked
package dev.gatehouse.server.user;

import org.jspecify.annotations.NullMarked;
