package dev.alfred.metrics;

import dev.alfred.audit.AuditLog;
import dev.alfred.identity.Actor;
import dev.alfred.identity.Tenant;
import dev.alfred.identity.TenantService;
import dev.alfred.permission.PermissionService;
import dev.alfred.problem.Problem;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Looks metrics up for a person: each lookup checks that metric's view feature
 * ({@code metrics.<key>.view}) and refuses without showing any number. Periods default to the
 * current one in the tenant's time zone.
 */
@Singleton
public class MetricsService {

    /** How many periods a history shows when no range is given. */
    public static final int HISTORY_PERIODS = 12;

    private final PermissionService permissions;
    private final MetricsStore store;
    private final TenantService tenants;
    private final AuditLog audit;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;

    MetricsService(
            PermissionService permissions,
            MetricsStore store,
            TenantService tenants,
            AuditLog audit,
            TransactionOperations<Connection> tx,
            Clock clock) {
        this.permissions = permissions;
        this.store = store;
        this.tenants = tenants;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** The metrics this person may see, in catalogue order. */
    public List<Metric> visible(Actor actor) {
        return Arrays.stream(Metric.values())
                .filter(metric -> permissions.check(actor, metric.feature()))
                .toList();
    }

    /** The current period's value of every metric this person may see. */
    public List<MetricValue> latest(Actor actor) {
        return visible(actor).stream().map(m -> value(actor, m, null, null)).toList();
    }

    /** The current period of {@code metric} in the tenant's time zone. */
    public Period current(Actor actor, Metric metric) {
        ZoneId zone = ZoneId.of(tenants.get(actor.tenantId()).timezone());
        return Period.containing(metric, LocalDate.now(clock.withZone(zone)));
    }

    /** The value in {@code period} (default: current) with its change; {@code channel} only for CAC. */
    public MetricValue value(Actor actor, Metric metric, @Nullable Period period, @Nullable String channel) {
        permissions.require(actor, metric.feature());
        if (channel != null && metric != Metric.CAC) {
            throw Problem.invalid("only cac is kept per channel");
        }
        Period at = period == null ? current(actor, metric) : period;
        Tenant tenant = tenants.get(actor.tenantId());
        List<MetricPoint> points = tx.executeRead(
                status -> store.points(actor.tenantId(), metric, channel == null ? "" : channel, at.previous(), at));
        MetricPoint previous = points.get(0);
        MetricPoint now = points.get(1);
        BigDecimal change =
                now.value() != null && previous.value() != null ? now.value().subtract(previous.value()) : null;
        return new MetricValue(
                metric.key(),
                metric.label(),
                now.period(),
                channel,
                now.value(),
                unit(metric, tenant),
                now.source(),
                now.computed(),
                now.note(),
                now.enteredBy(),
                now.manualNote(),
                previous.period(),
                previous.value(),
                change);
    }

    /** Every period from {@code from} to {@code to} (default: the last {@value #HISTORY_PERIODS} up to now). */
    public List<MetricPoint> history(Actor actor, Metric metric, @Nullable Period from, @Nullable Period to) {
        permissions.require(actor, metric.feature());
        Period end = to == null ? current(actor, metric) : to;
        Period start = from == null ? end.minus(HISTORY_PERIODS - 1) : from;
        if (start.compareTo(end) > 0) {
            throw Problem.invalid("from " + start + " is after to " + end);
        }
        if (start.compareTo(end.minus(240)) < 0) {
            throw Problem.invalid("a history covers at most 240 periods");
        }
        return tx.executeRead(status -> store.points(actor.tenantId(), metric, "", start, end));
    }

    /** MRR's movements into {@code period}; needs every movement's view feature. */
    public Movements movements(Actor actor, @Nullable Period period) {
        List<Metric> parts = List.of(
                Metric.NEW_MRR,
                Metric.EXPANSION_MRR,
                Metric.CONTRACTION_MRR,
                Metric.CHURNED_MRR,
                Metric.REACTIVATION_MRR,
                Metric.NET_NEW_MRR);
        parts.forEach(m -> permissions.require(actor, m.feature()));
        Period at = period == null ? current(actor, Metric.MRR) : period;
        BigDecimal[] values = tx.executeRead(status -> parts.stream()
                .map(m ->
                        store.points(actor.tenantId(), m, "", at, at).getFirst().computed())
                .map(v -> v == null ? BigDecimal.ZERO : v)
                .toArray(BigDecimal[]::new));
        return new Movements(at.toString(), values[0], values[1], values[2], values[3], values[4], values[5]);
    }

    /** Sets a period's value by hand; it wins over the computed value, which history keeps showing. */
    public MetricValue enter(Actor actor, Metric metric, Period period, BigDecimal value, String note) {
        permissions.require(actor, "metrics.manual_entry");
        if (note.isBlank()) {
            throw Problem.invalid("a manual entry needs a note saying where the number comes from");
        }
        tx.executeWrite(status -> {
            store.enter(actor.tenantId(), actor.userId(), metric, period, value, note.strip());
            audit.record(new AuditLog.Change(
                    actor.tenantId(),
                    actor.userId(),
                    "metrics.manual_entry",
                    null,
                    metric.feature(),
                    null,
                    period + "=" + value.toPlainString()));
            return null;
        });
        return value(actor, metric, period, null);
    }

    /** The unit shown with a value: the tenant's currency code for money. */
    static String unit(Metric metric, Tenant tenant) {
        return metric.unit() == Metric.Unit.MONEY
                ? tenant.currency()
                : metric.unit().name().toLowerCase(Locale.ROOT);
    }

    /** The unit of {@code metric} for this person's tenant. */
    public String unit(Actor actor, Metric metric) {
        return unit(metric, tenants.get(actor.tenantId()));
    }
}
