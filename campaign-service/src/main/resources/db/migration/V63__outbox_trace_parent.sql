-- The W3C traceparent of the transaction that wrote the row (null when tracing is off): the relay
-- continues that trace when it publishes (docs/operations.md, "Traces").
ALTER TABLE outbox_event ADD COLUMN trace_parent text;
