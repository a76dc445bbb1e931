package dev.alfred.assistant;

import dev.alfred.audit.AuditLog;
import dev.alfred.identity.Actor;
import dev.alfred.permission.PermissionService;
import dev.alfred.problem.Problem;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the admin API shows and changes of the assistant: usage and costs, and the tenant's settings. */
@Singleton
public class AssistantAdministration {

    private static final int MAX_DAYS = 366;

    private final PermissionService permissions;
    private final UsageLedger ledger;
    private final TenantAssistantStore store;
    private final AuditLog audit;

    AssistantAdministration(
            PermissionService permissions, UsageLedger ledger, TenantAssistantStore store, AuditLog audit) {
        this.permissions = permissions;
        this.ledger = ledger;
        this.store = store;
        this.audit = audit;
    }

    /** The tenant's usage per UTC day, person, bot, provider and model from {@code from} to {@code to}, inclusive. */
    @Transactional
    public List<UsageRow> usage(Actor actor, LocalDate from, LocalDate to) {
        permissions.require(actor, "admin.usage");
        if (to.isBefore(from)) {
            throw Problem.invalid("to (" + to + ") is before from (" + from + ")");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw Problem.invalid("ask for at most " + MAX_DAYS + " days at a time");
        }
        return ledger.report(actor.tenantId(), from, to);
    }

    @Transactional
    public TenantAssistant settings(Actor actor) {
        permissions.require(actor, "admin.usage");
        return store.get(actor.tenantId());
    }

    /** Replaces the tenant's settings; null values fall back to the deployment's. */
    @Transactional
    public TenantAssistant update(Actor actor, TenantAssistant settings) {
        permissions.require(actor, "admin.tenants");
        if (settings.chain() != null) {
            ModelProviders.validate(settings.chain());
        }
        requireNotNegative("monthlyBudgetUsd", settings.monthlyBudgetUsd());
        requireNotNegative("dailyAlertUsd", settings.dailyAlertUsd());
        TenantAssistant old = store.get(actor.tenantId());
        store.put(actor.tenantId(), settings);
        audit.record(
                new AuditLog.Change(actor.tenantId(), actor.userId(), "assistant.settings", null, null, old, settings));
        return settings;
    }

    private static void requireNotNegative(String name, @Nullable BigDecimal value) {
        if (value != null && value.signum() < 0) {
            throw Problem.invalid(name + " must not be negative");
        }
    }
}
