package dev.gatehouse.server.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * Runs a Spring Boot test class against a fresh PostgreSQL database on {@code 127.0.0.1:5432} (user
 * {@code postgres}, trust authentication; override with env {@code GATEHOUSE_TEST_PG_HOST} / {@code
 * GATEHOUSE_TEST_PG_PORT}). The database is created for the class's application context and dropped
 * when the context closes, which is right after the class: such contexts are never shared, and
 * closing them keeps the number of open PostgreSQL connections bounded.
 *
 * <p>When PostgreSQL cannot be reached the class is skipped with a message, except under {@code
 * CI=true}, where it fails.
 *
 * <p>Typical use: write the tests once in an abstract class, run them on H2 with a subclass, and on
 * PostgreSQL with a subclass annotated {@code @PostgresTest}:
 *
 * <pre>{@code
 * @PostgresTest
 * class AllowlistPostgresTest extends AllowlistPersistenceTests {}
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("postgres")
@ExtendWith(PostgresAvailableCondition.class)
@ContextCustomizerFactories(PostgresContextCustomizerFactory.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface PostgresTest {}
