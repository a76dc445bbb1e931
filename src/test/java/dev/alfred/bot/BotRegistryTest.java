package dev.alfred.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BotRegistryTest {

    @TempDir
    Path dir;

    @Test
    void the_default_bot_names_the_designed_variables_and_resolves_set_ones() {
        SecretSource secrets = new SecretSource(ApplicationContext.builder()
                .properties(Map.of("alfred.secrets.ALFRED_TELEGRAM_BOT_TOKEN", "123:abc"))
                .build()
                .getEnvironment()
                .start());
        BotRegistry registry = new BotRegistry("bots", secrets);
        Bot alfred = registry.get("alfred");
        assertThat(alfred.tenant()).isEqualTo("default");
        assertThat(alfred.secret("telegram", "bot-token")).contains("123:abc");
        assertThat(alfred.secret("slack", "bot-token")).isEmpty();
        assertThat(alfred.variable("slack", "signing-secret")).isEqualTo("ALFRED_SLACK_SIGNING_SECRET");
        assertThat(alfred.variable("slack", "app-token")).isEqualTo("ALFRED_SLACK_APP_TOKEN");
        assertThat(alfred.variable("telegram", "webhook-secret")).isEqualTo("ALFRED_TELEGRAM_WEBHOOK_SECRET");
        assertThat(alfred.variable("discord", "bot-token")).isEqualTo("ALFRED_DISCORD_BOT_TOKEN");
        assertThat(alfred.variable("discord", "public-key")).isEqualTo("ALFRED_DISCORD_PUBLIC_KEY");
    }

    @Test
    void several_bots_load_and_a_bot_without_tenant_is_refused() throws Exception {
        Files.createDirectories(dir.resolve("coach"));
        Files.writeString(
                dir.resolve("coach/bot.yml"),
                "name: Coach\ntenant: default\nchain: anthropic:claude-haiku-4-5, offline\n"
                        + "channels: {telegram: {bot-token: COACH_TOKEN}}\n");
        Files.createDirectories(dir.resolve("alfred"));
        Files.writeString(dir.resolve("alfred/bot.yml"), "tenant: default\n");
        SecretSource none = new SecretSource(
                ApplicationContext.builder().build().getEnvironment().start());
        assertThat(new BotRegistry(dir.toString(), none).all())
                .extracting(Bot::id)
                .containsExactly("alfred", "coach");
        assertThat(new BotRegistry(dir.toString(), none).get("coach").chain())
                .isEqualTo("anthropic:claude-haiku-4-5, offline");
        assertThat(new BotRegistry(dir.toString(), none).get("alfred").chain()).isNull();

        Files.writeString(dir.resolve("coach/bot.yml"), "name: Coach\n");
        assertThatThrownBy(() -> new BotRegistry(dir.toString(), none)).hasMessageContaining("needs at least 'tenant'");
    }
}
