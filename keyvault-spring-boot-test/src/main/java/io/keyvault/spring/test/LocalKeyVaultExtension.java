package io.keyvault.spring.test;

import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit Jupiter extension: one started {@link LocalKeyVault} per test class, injected as a
 * parameter and closed after all tests of the class. Configure it with {@link LocalKeyVaultTest},
 * or register it on a static field with a builder customizer for anything else:
 * <pre>{@code
 * @RegisterExtension
 * static final LocalKeyVaultExtension vault = new LocalKeyVaultExtension(
 *         (builder) -> builder.https().key("signing", LocalKeyType.EC_P256).throttling(100, Duration.ofSeconds(10)));
 * }</pre>
 * Use one or the other on a class: two registrations would start two vaults.
 */
public class LocalKeyVaultExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(LocalKeyVaultExtension.class);

	private final UnaryOperator<LocalKeyVaultBuilder> customizer;

	/**
	 * Creates the extension with the settings of {@link LocalKeyVaultTest} only; JUnit
	 * instantiates it for {@code @ExtendWith}.
	 */
	public LocalKeyVaultExtension() {
		this(UnaryOperator.identity());
	}

	/**
	 * Creates the extension for {@code @RegisterExtension} on a static field.
	 * @param customizer applied to the builder after the {@link LocalKeyVaultTest} settings, if any
	 */
	public LocalKeyVaultExtension(UnaryOperator<LocalKeyVaultBuilder> customizer) {
		this.customizer = Objects.requireNonNull(customizer, "customizer must not be null");
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		Class<?> testClass = context.getRequiredTestClass();
		Optional<LocalKeyVaultTest> settings = AnnotationSupport.findAnnotation(testClass, LocalKeyVaultTest.class);
		LocalKeyVaultBuilder builder = LocalKeyVault.builder();
		settings.ifPresent((annotation) -> configure(builder, annotation, testClass));
		context.getStore(NAMESPACE).put(testClass, this.customizer.apply(builder).start());
	}

	private static void configure(LocalKeyVaultBuilder builder, LocalKeyVaultTest annotation, Class<?> testClass) {
		if (annotation.https()) {
			builder.https();
		}
		if (!annotation.seed().isEmpty()) {
			String resource = annotation.seed().startsWith("/") ? annotation.seed().substring(1) : annotation.seed();
			InputStream seed = testClass.getClassLoader().getResourceAsStream(resource);
			if (seed == null) {
				throw new IllegalStateException("The LocalKeyVault seed resource '" + annotation.seed()
						+ "' is not on the classpath of " + testClass.getName());
			}
			builder.seed(seed);
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		LocalKeyVault vault = context.getStore(NAMESPACE).remove(context.getRequiredTestClass(), LocalKeyVault.class);
		if (vault != null) {
			vault.close();
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == LocalKeyVault.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		// Method-level stores see the class-level entry; nested classes find their own first.
		for (ExtensionContext current = extensionContext; current != null; current = current.getParent().orElse(null)) {
			if (current.getTestClass().isPresent()) {
				LocalKeyVault vault = current.getStore(NAMESPACE).get(current.getRequiredTestClass(), LocalKeyVault.class);
				if (vault != null) {
					return vault;
				}
			}
		}
		throw new ParameterResolutionException("No LocalKeyVault was started for this test class");
	}

}
