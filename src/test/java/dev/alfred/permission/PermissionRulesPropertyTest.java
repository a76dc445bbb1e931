package dev.alfred.permission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alfred.identity.Actor;
import dev.alfred.identity.Role;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Generates thousands of tenants (catalogue, shipped and tenant role defaults, user overrides,
 * users of every role) from fixed seeds and checks that the resolver agrees with a plain reference
 * of the four-step order on every user and feature. A failure names its seed.
 */
class PermissionRulesPropertyTest {

    private static final int SCENARIOS = 2_000;

    @Test
    void the_resolver_matches_the_reference_order_on_generated_tenants() {
        for (int seed = 0; seed < SCENARIOS; seed++) {
            Scenario scenario = Scenario.generate(new Random(seed));
            for (Actor actor : scenario.actors) {
                for (Feature feature : scenario.catalogue.features()) {
                    Decision decision = PermissionRules.decide(actor, feature, scenario.catalogue, scenario.tenant);
                    Expected expected = scenario.reference(actor, feature.key());
                    assertThat(decision.allowed())
                            .as("seed %d, %s, %s: %s", seed, actor.role(), feature.key(), decision.reason())
                            .isEqualTo(expected.allowed());
                    assertThat(decision.rule())
                            .as("seed %d, %s, %s", seed, actor.role(), feature.key())
                            .isEqualTo(expected.rule());
                    assertThat(decision.reason()).isNotBlank();
                }
            }
        }
    }

    @Test
    void the_generator_reaches_every_rule() {
        Map<Rule, Integer> seen = new EnumMap<>(Rule.class);
        for (int seed = 0; seed < 200; seed++) {
            Scenario scenario = Scenario.generate(new Random(seed));
            for (Actor actor : scenario.actors) {
                for (Feature feature : scenario.catalogue.features()) {
                    seen.merge(scenario.reference(actor, feature.key()).rule(), 1, Integer::sum);
                }
            }
        }
        assertThat(seen)
                .containsOnlyKeys(Rule.values())
                .allSatisfy((rule, count) -> assertThat(count).isGreaterThan(100));
    }

    private record Expected(boolean allowed, Rule rule) {}

    /** One generated tenant, with the same settings kept flat for the reference. */
    private static final class Scenario {
        FeatureCatalogue catalogue;
        TenantPermissions tenant;
        final List<Actor> actors = new ArrayList<>();
        final Map<String, Boolean> systemDefaults = new HashMap<>();
        final Map<String, Boolean> shipped = new HashMap<>(); // "role feature"
        final Map<String, Boolean> tenantRoles = new HashMap<>(); // "role feature"
        final Map<String, Boolean> overrides = new HashMap<>(); // "user feature"

        static Scenario generate(Random random) {
            Scenario s = new Scenario();
            UUID tenantId = UUID.randomUUID();
            Map<String, Feature> features = new LinkedHashMap<>();
            int featureCount = 1 + random.nextInt(8);
            for (int i = 0; i < featureCount; i++) {
                String key = "feature" + i + ".view";
                boolean systemDefault = random.nextBoolean();
                features.put(key, new Feature(key, "", systemDefault));
                s.systemDefaults.put(key, systemDefault);
            }
            Map<Role, Map<String, Boolean>> shipped = new EnumMap<>(Role.class);
            Map<Role, Map<String, Boolean>> tenantRoles = new EnumMap<>(Role.class);
            for (Role role : Role.values()) {
                for (String key : features.keySet()) {
                    if (random.nextInt(3) == 0) {
                        boolean allowed = random.nextBoolean();
                        shipped.computeIfAbsent(role, r -> new HashMap<>()).put(key, allowed);
                        s.shipped.put(role + " " + key, allowed);
                    }
                    if (random.nextInt(4) == 0) {
                        boolean allowed = random.nextBoolean();
                        tenantRoles.computeIfAbsent(role, r -> new HashMap<>()).put(key, allowed);
                        s.tenantRoles.put(role + " " + key, allowed);
                    }
                }
            }
            Map<UUID, Map<String, Boolean>> overrides = new HashMap<>();
            int userCount = 1 + random.nextInt(6);
            for (int u = 0; u < userCount; u++) {
                UUID userId = UUID.randomUUID();
                Role role = Role.values()[random.nextInt(Role.values().length)];
                s.actors.add(new Actor(userId, tenantId, "user" + u, role, "UTC"));
                for (String key : features.keySet()) {
                    if (random.nextInt(4) == 0) {
                        boolean allowed = random.nextBoolean();
                        overrides.computeIfAbsent(userId, id -> new HashMap<>()).put(key, allowed);
                        s.overrides.put(userId + " " + key, allowed);
                    }
                }
            }
            s.catalogue = new FeatureCatalogue(features, shipped);
            s.tenant = new TenantPermissions(random.nextLong(), tenantRoles, overrides);
            return s;
        }

        Expected reference(Actor actor, String feature) {
            if (actor.role() == Role.CEO) {
                return new Expected(true, Rule.CEO);
            }
            Boolean override = overrides.get(actor.userId() + " " + feature);
            if (override != null) {
                return new Expected(override, Rule.USER_OVERRIDE);
            }
            Boolean tenantRole = tenantRoles.get(actor.role() + " " + feature);
            if (tenantRole != null) {
                return new Expected(tenantRole, Rule.ROLE_DEFAULT);
            }
            Boolean shippedRole = shipped.get(actor.role() + " " + feature);
            if (shippedRole != null) {
                return new Expected(shippedRole, Rule.ROLE_DEFAULT);
            }
            return new Expected(systemDefaults.get(feature), Rule.SYSTEM_DEFAULT);
        }
    }
}
