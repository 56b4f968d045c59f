package io.qunyun.rules.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.qunyun.rules.domain.DecisionTableCatalog;
import io.qunyun.rules.domain.TableInfo;

/** At startup, notes which table versions this instance serves. */
@ApplicationScoped
public class ReleaseRecorder {

    private static final Logger LOG = Logger.getLogger(ReleaseRecorder.class);

    @Inject
    DecisionTableCatalog catalog;

    @Inject
    DecisionTableReleaseRepository releases;

    void onStart(@Observes StartupEvent event) {
        for (TableInfo table : catalog.all()) {
            releases.recordServed(table.name(), table.version(), table.rows());
            LOG.infof("Serving decision table %s %s (%d rows)", table.name(), table.version(), table.rows());
        }
    }
}
