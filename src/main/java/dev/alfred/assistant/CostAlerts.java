package dev.alfred.assistant;

import dev.alfred.channel.Reply;
import dev.alfred.conversation.Notifier;
import dev.alfred.identity.Role;
import dev.alfred.identity.User;
import dev.alfred.identity.UserService;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.UUID;

/** Tells a tenant's ceo and admins, once a day, when the day's model spend crosses its threshold. */
@Singleton
class CostAlerts {

    private final UsageLedger ledger;
    private final UserService users;
    private final Notifier notifier;

    CostAlerts(UsageLedger ledger, UserService users, Notifier notifier) {
        this.ledger = ledger;
        this.users = users;
        this.notifier = notifier;
    }

    void check(UUID tenantId, LocalDate day, BigDecimal threshold) {
        if (threshold.signum() <= 0) {
            return;
        }
        BigDecimal spent = ledger.dayCost(tenantId, day);
        if (spent.compareTo(threshold) < 0 || !ledger.claimAlert(tenantId, day)) {
            return;
        }
        Reply alert = Reply.text("*Assistant cost alert*: today's model spend is $"
                + spent.setScale(2, RoundingMode.HALF_UP) + ", over the daily threshold of $"
                + threshold.setScale(2, RoundingMode.HALF_UP) + ". See GET /api/v1/usage for the details.");
        for (User user : users.list(tenantId)) {
            if (user.active() && (user.role() == Role.CEO || user.role() == Role.ADMIN)) {
                notifier.notify(tenantId, user.id(), alert);
            }
        }
    }
}
