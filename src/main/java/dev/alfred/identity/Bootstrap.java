package dev.alfred.identity;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On the first start with an empty database, creates the {@code default} tenant, its {@code ceo}
 * owner and the owner's API key: {@code ALFRED_BOOTSTRAP_API_KEY} when set, else a generated key
 * that is logged once. Instances starting together agree through an advisory lock.
 */
@Singleton
class Bootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(Bootstrap.class);
    private static final long LOCK = 0x416c66726564L; // "Alfred"

    private final TenantRepository tenants;
    private final TenantService tenantService;
    private final JdbcOperations jdbc;
    private final String apiKey;
    private final String tenantName;
    private final String ownerName;

    Bootstrap(
            TenantRepository tenants,
            TenantService tenantService,
            JdbcOperations jdbc,
            @Value("${alfred.bootstrap.api-key:}") String apiKey,
            @Value("${alfred.bootstrap.tenant-name:Default}") String tenantName,
            @Value("${alfred.bootstrap.owner-name:Owner}") String ownerName) {
        this.tenants = tenants;
        this.tenantService = tenantService;
        this.jdbc = jdbc;
        this.apiKey = apiKey;
        this.tenantName = tenantName;
        this.ownerName = ownerName;
    }

    @EventListener
    @Transactional
    void onStartup(StartupEvent event) {
        jdbc.prepareStatement("SELECT pg_advisory_xact_lock(?)", statement -> {
            statement.setLong(1, LOCK);
            return statement.execute();
        });
        if (tenants.count() > 0) {
            return;
        }
        TenantService.CreatedTenant created = tenantService.createTenant(tenantName, true, apiKey, ownerName);
        if (apiKey.isBlank()) {
            LOG.warn(
                    "First start: created tenant '{}' and its ceo '{}'. Their admin API key, shown only now: {}",
                    created.tenant().slug(),
                    created.owner().name(),
                    created.apiKey());
        } else {
            LOG.info(
                    "First start: created tenant '{}' and its ceo '{}' with the key from ALFRED_BOOTSTRAP_API_KEY",
                    created.tenant().slug(),
                    created.owner().name());
        }
    }
}
