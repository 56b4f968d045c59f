package io.qunyun.member.domain;

import java.util.List;

/**
 * Port: publishes member-activities records (implemented in messaging). Records are written into the
 * caller's transaction (outbox) and published only if it commits.
 */
public interface ActivityPublisher {

    /** A stored activity and the trace its record continues (null: the writing thread's own). */
    record Traced(Activity activity, String traceParent) {
    }

    /** One record per activity, in list order, in one batch. */
    void recorded(List<Traced> activities);

    /**
     * The trace of the calling thread (null when nothing is traced), for activities that another thread
     * writes later (the intake).
     */
    String currentTraceParent();
}
