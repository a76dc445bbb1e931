package dev.alfred.permission;

import dev.alfred.identity.Role;
import dev.alfred.problem.Problem;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every feature Alfred checks and the shipped defaults, read once from
 * {@code <alfred.config-dir>/permissions.yml}. A feature or role in the file that Alfred does not
 * know stops the start with a message naming it.
 */
@Context
public class FeatureCatalogue {

    private final Map<String, Feature> features;
    private final Map<Role, Map<String, Boolean>> roleDefaults;

    @Inject
    FeatureCatalogue(@Value("${alfred.config-dir:config}") String configDir) {
        this(read(Path.of(configDir, "permissions.yml")));
    }

    FeatureCatalogue(Map<String, Feature> features, Map<Role, Map<String, Boolean>> roleDefaults) {
        this.features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
        this.roleDefaults = Map.copyOf(roleDefaults);
    }

    private FeatureCatalogue(Parsed parsed) {
        this(parsed.features(), parsed.roleDefaults());
    }

    /** The features in the order the file lists them. */
    public List<Feature> features() {
        return List.copyOf(features.values());
    }

    /** The feature with this key; an unknown key is an invalid-input problem. */
    public Feature require(String key) {
        Feature feature = features.get(key);
        if (feature == null) {
            throw Problem.invalid("unknown feature '" + key + "'; GET /api/v1/features lists them");
        }
        return feature;
    }

    Optional<Boolean> roleDefault(Role role, String feature) {
        return Optional.ofNullable(roleDefaults.getOrDefault(role, Map.of()).get(feature));
    }

    private record Parsed(Map<String, Feature> features, Map<Role, Map<String, Boolean>> roleDefaults) {}

    private static Parsed read(Path file) {
        Map<String, Object> root;
        try (Reader reader = Files.newBufferedReader(file)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the feature catalogue " + file.toAbsolutePath(), e);
        }
        if (root == null || !(root.get("features") instanceof Map<?, ?> featureMap)) {
            throw new IllegalStateException(file + " needs a 'features' map");
        }
        Map<String, Feature> features = new LinkedHashMap<>();
        featureMap.forEach((key, value) -> {
            Map<?, ?> spec = value instanceof Map<?, ?> m ? m : Map.of();
            features.put(
                    key.toString(),
                    new Feature(
                            key.toString(),
                            String.valueOf(spec.get("description") == null ? "" : spec.get("description")),
                            Boolean.TRUE.equals(spec.get("default"))));
        });
        Map<Role, Map<String, Boolean>> roleDefaults = new EnumMap<>(Role.class);
        Map<?, ?> roles = root.get("roles") instanceof Map<?, ?> m ? m : Map.of();
        List<String> unknown = new ArrayList<>();
        roles.forEach((roleName, value) -> {
            Role role = Role.of(roleName.toString());
            Map<String, Boolean> defaults = new LinkedHashMap<>();
            if (value instanceof Map<?, ?> entries) {
                entries.forEach((feature, allowed) -> {
                    if (!features.containsKey(feature.toString())) {
                        unknown.add(roleName + "." + feature);
                    }
                    defaults.put(feature.toString(), Boolean.TRUE.equals(allowed));
                });
            }
            roleDefaults.put(role, defaults);
        });
        if (!unknown.isEmpty()) {
            throw new IllegalStateException(file + " sets defaults for unknown features: " + unknown);
        }
        return new Parsed(features, roleDefaults);
    }
}
