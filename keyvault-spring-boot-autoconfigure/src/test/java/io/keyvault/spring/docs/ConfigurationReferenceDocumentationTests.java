package io.keyvault.spring.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/configuration.md documents every property of the generated configuration metadata, with
 * its default and its description, and nothing that no longer exists: adding a property without
 * documenting it fails the build.
 */
class ConfigurationReferenceDocumentationTests {

	private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");

	private static final Path REFERENCE = Path.of("../docs/configuration.md");

	@Test
	void everyPropertyIsDocumentedWithItsDefaultAndDescription() throws IOException {
		Map<String, String> expectedRows = expectedRows();
		Map<String, String> documentedRows = documentedRows();

		List<String> problems = new ArrayList<>();
		expectedRows.forEach((name, row) -> {
			String documented = documentedRows.get(name);
			if (documented == null) {
				problems.add("missing: " + row);
			}
			else if (!documented.equals(row)) {
				problems.add("differs: expected " + row + "\n          but found " + documented);
			}
		});
		documentedRows.keySet()
			.stream()
			.filter((name) -> !expectedRows.containsKey(name) && !name.startsWith("keyvault.local."))
			.forEach((name) -> problems.add("documented but not a property: " + name));

		assertThat(problems).as("docs/configuration.md is out of date with the configuration metadata:\n"
				+ String.join("\n", problems)).isEmpty();
	}

	@Test
	void theMetadataItselfHasADescriptionForEveryProperty() throws IOException {
		JsonNode metadata = JsonMapper.builder().build().readTree(Files.readString(METADATA));
		List<String> undocumented = new ArrayList<>();
		metadata.get("properties").forEach((property) -> {
			JsonNode description = property.get("description");
			if (description == null || description.asString().isBlank()) {
				undocumented.add(property.get("name").asString());
			}
		});
		assertThat(undocumented).as("properties without a javadoc description").isEmpty();
		assertThat(metadata.get("properties").size()).isGreaterThan(40);
	}

	/** One table row per property, as the reference must show it. */
	static Map<String, String> expectedRows() throws IOException {
		JsonNode metadata = JsonMapper.builder().build().readTree(Files.readString(METADATA));
		Map<String, String> rows = new LinkedHashMap<>();
		metadata.get("properties").forEach((property) -> {
			String name = property.get("name").asString();
			String description = (property.get("description") != null) ? property.get("description").asString() : "";
			rows.put(name, "| `" + name + "` | " + defaultValue(property.get("defaultValue")) + " | "
					+ description.replace("|", "\\|").replace("\n", " ") + " |");
		});
		return rows;
	}

	private static String defaultValue(JsonNode value) {
		if (value == null || value.isNull()) {
			return "";
		}
		if (value.isArray()) {
			List<String> items = new ArrayList<>();
			value.forEach((item) -> items.add(item.asString()));
			return "`" + String.join(",", items) + "`";
		}
		String text = value.asString();
		return text.isEmpty() ? "`\"\"`" : "`" + text + "`";
	}

	private static Map<String, String> documentedRows() throws IOException {
		return Files.readAllLines(REFERENCE)
			.stream()
			.filter((line) -> line.startsWith("| `keyvault."))
			.collect(Collectors.toMap((line) -> line.substring(3, line.indexOf('`', 3)), String::trim,
					(first, second) -> first, LinkedHashMap::new));
	}

}
