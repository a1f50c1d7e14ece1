package io.keyvault.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts one {@link LocalKeyVault} per test class and injects it into constructors, lifecycle
 * methods and test methods that declare a {@code LocalKeyVault} parameter; it is closed after the
 * class. Equivalent to {@code @ExtendWith(LocalKeyVaultExtension.class)} plus settings.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LocalKeyVaultExtension.class)
public @interface LocalKeyVaultTest {

	/**
	 * Whether to serve HTTPS with a generated certificate (see {@link LocalKeyVaultBuilder#https()}).
	 * @return whether to serve HTTPS
	 */
	boolean https() default false;

	/**
	 * A classpath resource with a JSON seed (see {@link LocalKeyVaultBuilder#seed(java.io.InputStream)}),
	 * e.g. {@code "localkeyvault-seed.json"}; none by default.
	 * @return the seed resource name
	 */
	String seed() default "";

}
