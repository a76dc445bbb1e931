package dev.alfred.admin;

import io.micronaut.serde.annotation.Serdeable;

/** The body of every error response: a short machine-readable {@code error} and a sentence for people. */
@Serdeable
record ErrorBody(String error, String detail) {}
