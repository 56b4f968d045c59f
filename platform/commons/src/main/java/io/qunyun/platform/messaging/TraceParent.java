package io.qunyun.platform.messaging;

import java.util.HashMap;
import java.util.Map;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * The W3C trace context of the transaction that wrote an outbox row, kept on the row so that the
 * relay, publishing later from its own thread, continues that trace instead of starting a new one.
 */
public final class TraceParent {

    private static final TextMapGetter<Map<String, String>> GET = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceParent() {
    }

    /** The current span as a {@code traceparent} value; null when nothing is traced (tracing off). */
    public static String current() {
        if (!Span.current().getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get("traceparent");
    }

    /** The context a stored {@code traceparent} names, as the parent of the relay's producer span. */
    static Context context(String traceParent) {
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of("traceparent", traceParent), GET);
    }
}
