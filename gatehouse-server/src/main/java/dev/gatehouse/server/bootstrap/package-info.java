@NullMarked
package dev.gatehouse.server.bootstrap;

import org.jspecify.annotations.NullMarked;
