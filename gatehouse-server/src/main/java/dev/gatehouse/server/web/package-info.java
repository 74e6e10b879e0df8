@NullMarked
package dev.gatehouse.server.web;

import org.jspecify.annotations.NullMarked;
