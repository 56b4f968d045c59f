package io.qunyun.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

class TraceParentTest {

    static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String SPAN = "00f067aa0ba902b7";

    @Test
    void theRowKeepsTheTraceOfItsTransactionAndTheRelayContinuesIt() {
        SpanContext request = SpanContext.create(TRACE, SPAN, TraceFlags.getSampled(), TraceState.getDefault());
        String stored;
        try (Scope ignored = Context.root().with(Span.wrap(request)).makeCurrent()) {
            stored = TraceParent.current();
        }
        assertEquals("00-" + TRACE + "-" + SPAN + "-01", stored);

        SpanContext parent = Span.fromContext(TraceParent.context(stored)).getSpanContext();
        assertEquals(TRACE, parent.getTraceId());
        assertEquals(SPAN, parent.getSpanId());
        assertEquals(true, parent.isRemote());
        assertEquals(true, parent.isSampled());
    }

    @Test
    void nothingIsStoredWhenNothingIsTraced() {
        assertNull(TraceParent.current());
    }
}
