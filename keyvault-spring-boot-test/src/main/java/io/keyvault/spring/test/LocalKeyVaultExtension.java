package io.keyvault.spring.test;

import java.io.InputStream;
import java.util.Optional;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit Jupiter extension: one started {@link LocalKeyVault} per test class, injected as a
 * parameter and closed after all tests of the class. Configure it with {@link LocalKeyVaultTest}.
 */
public class LocalKeyVaultExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(LocalKeyVaultExtension.class);

	/**
	 * Creates the extension; JUnit instantiates it.
	 */
	public LocalKeyVaultExtension() {
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		Class<?> testClass = context.getRequiredTestClass();
		Optional<LocalKeyVaultTest> settings = AnnotationSupport.findAnnotation(testClass, LocalKeyVaultTest.class);
		LocalKeyVaultBuilder builder = LocalKeyVault.builder();
		settings.ifPresent((annotation) -> configure(builder, annotation, testClass));
		context.getStore(NAMESPACE).put(testClass, builder.start());
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
