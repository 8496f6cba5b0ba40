-- Spring Modulith's event publication registry: one row per event and listener that still owes a
-- delivery (completion mode "delete": a delivered publication is removed). The table, columns and
-- indexes are those of Spring Modulith 2.1.1's own schema for PostgreSQL
-- (spring-modulith-events-jdbc, schemas/v2/schema-postgresql.sql), created here instead of by
-- Modulith's initialiser so that Flyway alone shapes the database. It is Spring Modulith's table,
-- written only through its API: no tenant_id (the serialized event carries it).
CREATE TABLE IF NOT EXISTS event_publication
(
  id                     UUID NOT NULL,
  listener_id            TEXT NOT NULL,
  event_type             TEXT NOT NULL,
  serialized_event       TEXT NOT NULL,
  publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP WITH TIME ZONE,
  status                 TEXT,
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS event_publication_serialized_event_hash_idx ON event_publication USING hash(serialized_event);
CREATE INDEX IF NOT EXISTS event_publication_by_completion_date_idx ON event_publication (completion_date);
