package org.disputehub.hub.mapping;

import java.util.List;
import org.disputehub.canonical.connector.VocabularyReloader;
import org.disputehub.canonical.model.Category;
import org.disputehub.hub.config.HubProperties;
import org.disputehub.hub.department.DepartmentRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Holds the current, validated mapping tables; {@link #reload()} swaps them only when the new ones are valid. */
@Service
public class MappingService {

    private static final Logger LOG = LoggerFactory.getLogger(MappingService.class);

    private final HubProperties hub;
    private final DepartmentRegistry departments;
    private final VocabularyReloader vocabularies;
    private volatile MappingTables tables;

    public MappingService(HubProperties hub, DepartmentRegistry departments, VocabularyReloader vocabularies) {
        this.hub = hub;
        this.departments = departments;
        this.vocabularies = vocabularies;
    }

    public Category classify(String system, Category fromSource) {
        return tables().classify(system, fromSource);
    }

    public String route(String taxonomyCode, String regionCode) {
        return tables().route(taxonomyCode, regionCode);
    }

    /**
     * Loads the tables from {@code hub.mappings-dir} and the connectors' status vocabularies from its
     * {@code status/} folder; all or nothing: on any error the old tables and vocabularies stay and the error
     * is thrown.
     */
    public synchronized MappingTables reload() {
        MappingTables loaded = MappingTables.load(hub.mappingsPath(), departments.codes());
        List<Runnable> vocabularies;
        try {
            vocabularies = this.vocabularies.prepareAll();
        } catch (RuntimeException e) {
            throw new MappingException("status vocabulary: " + e.getMessage(), e);
        }
        tables = loaded;
        vocabularies.forEach(Runnable::run);
        LOG.info("mapping tables loaded from {}: {} taxonomy codes, {} status vocabularies", hub.mappingsPath(),
                loaded.taxonomySize(), vocabularies.size());
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
