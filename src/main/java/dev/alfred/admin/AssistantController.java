package dev.alfred.admin;

import dev.alfred.assistant.AssistantAdministration;
import dev.alfred.assistant.TenantAssistant;
import dev.alfred.assistant.UsageRow;
import dev.alfred.identity.Actor;
import dev.alfred.problem.Problem;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;

@Controller("/api/v1")
@SecurityRequirement(name = "bearer")
class AssistantController {

    private final AssistantAdministration assistant;
    private final Clock clock;

    AssistantController(AssistantAdministration assistant, Clock clock) {
        this.assistant = assistant;
        this.clock = clock;
    }

    /** Tokens and cost per UTC day, person, bot, provider and model; {@code from}/{@code to} are ISO dates (today). */
    @Get("/usage")
    List<UsageRow> usage(
            @Parameter(hidden = true) Actor actor, @QueryValue @Nullable String from, @QueryValue @Nullable String to) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return assistant.usage(actor, date("from", from, today), date("to", to, today));
    }

    /** The tenant's model chain, prompt, monthly budget and daily alert threshold (null: the deployment's). */
    @Get("/assistant/settings")
    TenantAssistant settings(@Parameter(hidden = true) Actor actor) {
        return assistant.settings(actor);
    }

    @Put("/assistant/settings")
    TenantAssistant update(@Parameter(hidden = true) Actor actor, @Body TenantAssistant settings) {
        return assistant.update(actor, settings);
    }

    private static LocalDate date(String name, @Nullable String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw Problem.invalid(name + " must be a date like 2026-11-22, not " + value);
        }
    }
}
