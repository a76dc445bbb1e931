package dev.alfred.permission;

import io.micronaut.serde.annotation.Serdeable;

/** Whether a feature is allowed, the rule that decided and a sentence saying why. */
@Serdeable
public record Decision(String feature, boolean allowed, Rule rule, String reason) {}
