package dev.alfred.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alfred.problem.Problem;
import dev.alfred.testing.AlfredProperties;
import dev.alfred.testing.MutableClock;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinkCodeServiceTest implements TestPropertyProvider {

    @Inject
    LinkCodeService linkCodes;

    @Inject
    ApiKeyService keys;

    @Inject
    UserService users;

    @Inject
    MutableClock clock;

    Actor owner;

    @Override
    public Map<String, String> getProperties() {
        return AlfredProperties.fresh("spec.name", "LinkCodeServiceTest");
    }

    @Factory
    @Requires(property = "spec.name", value = "LinkCodeServiceTest")
    static class Clocks {
        @Singleton
        @Replaces(Clock.class)
        MutableClock testClock() {
            return new MutableClock();
        }
    }

    @BeforeEach
    void owner() {
        owner = keys.authenticate(AlfredProperties.OWNER_KEY).orElseThrow();
    }

    User newUser(String name) {
        return users.create(owner, new UserInput(name, null, Role.EMPLOYEE, null, "Europe/Berlin", null, null));
    }

    @Test
    void a_code_links_the_platform_account_to_its_user_once() {
        User ana = newUser("Ana");
        LinkCodeService.LinkCode code = linkCodes.create(owner, ana.id());
        assertThat(code.code()).matches("[A-Z2-9]{8}");

        Actor linked = linkCodes.redeem(code.code().toLowerCase(), "alfred", "telegram", "1001");
        assertThat(linked.userId()).isEqualTo(ana.id());
        assertThat(linkCodes.find("alfred", "telegram", "1001")).contains(linked);

        assertThatThrownBy(() -> linkCodes.redeem(code.code(), "alfred", "telegram", "1002"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(Problem.Kind.INVALID));
        assertThat(linkCodes.find("alfred", "telegram", "1002")).isEmpty();
    }

    @Test
    void an_expired_code_is_refused() {
        User ben = newUser("Ben");
        LinkCodeService.LinkCode code = linkCodes.create(owner, ben.id());
        clock.advance(Duration.ofMinutes(16));
        assertThatThrownBy(() -> linkCodes.redeem(code.code(), "alfred", "slack", "U1"))
                .hasMessageContaining("unknown, used or expired");
    }

    @Test
    void a_user_keeps_one_account_per_channel_and_an_account_belongs_to_one_user() {
        User cy = newUser("Cy");
        linkCodes.redeem(linkCodes.create(owner, cy.id()).code(), "alfred", "discord", "old-account");
        linkCodes.redeem(linkCodes.create(owner, cy.id()).code(), "alfred", "discord", "new-account");
        assertThat(linkCodes.find("alfred", "discord", "old-account")).isEmpty();
        assertThat(linkCodes.find("alfred", "discord", "new-account"))
                .hasValueSatisfying(a -> assertThat(a.userId()).isEqualTo(cy.id()));

        User dee = newUser("Dee");
        String code = linkCodes.create(owner, dee.id()).code();
        assertThatThrownBy(() -> linkCodes.redeem(code, "alfred", "discord", "new-account"))
                .hasMessageContaining("already linked to another user");
        assertThat(linkCodes.find("alfred", "discord", "new-account"))
                .hasValueSatisfying(a -> assertThat(a.userId()).isEqualTo(cy.id()));
    }

    @Test
    void a_deactivated_user_is_not_found_through_a_linked_account() {
        User eve = newUser("Eve");
        linkCodes.redeem(linkCodes.create(owner, eve.id()).code(), "alfred", "slack", "U-EVE");
        users.update(owner, eve.id(), new UserInput(null, null, null, null, null, null, false));
        assertThat(linkCodes.find("alfred", "slack", "U-EVE")).isEmpty();
    }
}
