package org.disputehub.hub.mapping;

import org.disputehub.canonical.model.Category;
import org.disputehub.hub.config.HubProperties;
import org.disputehub.hub.dispatch.DepartmentRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Holds the current, validated mapping tables; {@link #reload()} swaps them only when the new ones are valid. */
@Service
public class MappingService {

    private static final Logger LOG = LoggerFactory.getLogger(MappingService.class);

    private final HubProperties hub;
    private final DepartmentRegistry departments;
    private volatile MappingTables tables;

    public MappingService(HubProperties hub, DepartmentRegistry departments) {
        this.hub = hub;
        this.departments = departments;
    }

    public Category classify(String system, Category fromSource) {
        return tables().classify(system, fromSource);
    }

    public String route(String taxonomyCode, String regionCode) {
        return tables().route(taxonomyCode, regionCode);
    }

    /** Loads the tables from {@code hub.mappings-dir}; on error the old tables stay and the error is thrown. */
    public synchronized MappingTables reload() {
        MappingTables loaded = MappingTables.load(hub.mappingsPath(), departments.codes());
        tables = loaded;
        LOG.info("mapping tables loaded from {}: {} taxonomy codes", hub.mappingsPath(), loaded.taxonomySize());
        return loaded;
    }

    /** The current tables: use one snapshot for decisions that belong together. */
    public MappingTables current() {
        return tables();
    }

    private MappingTables tables() {
        MappingTables t = tables;
        return t != null ? t : reload();
    }
}
