package dev.alfred.metrics;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;

/** How MRR moved from the previous month into this one: {@code netNew = new + expansion + reactivation - contraction - churn}. */
@Serdeable
public record Movements(
        String period,
        @JsonProperty("new") BigDecimal newBusiness,
        BigDecimal expansion,
        BigDecimal contraction,
        BigDecimal churn,
        BigDecimal reactivation,
        BigDecimal netNew) {}
