package dev.alfred;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** Starts Alfred: the HTTP server, the database and every configured bot. */
@OpenAPIDefinition(
        info = @Info(title = "Alfred admin API", version = "0.1", description = "Tenants, users, permissions, audit"))
public final class Application {

    private Application() {}

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
