package dev.alfred.permission;

import io.micronaut.serde.annotation.Serdeable;

/** A feature that can be allowed or refused, e.g. {@code metrics.mrr.view}, with its system default. */
@Serdeable
public record Feature(String key, String description, boolean systemDefault) {}
