-- Spring Integration's JDBC lock (DefaultLockRepository, prefix INT_): the hub instances elect the one that runs the
-- routes that must run once in the deployment (pollers, batch scan, SLA and ops checks, audit chaining and purge).
-- The same DDL as spring-integration-jdbc's schema-postgresql.sql / schema-h2.sql; a row is one held lock, renewed by
-- its holder (CREATED_DATE) and taken over by another instance once it is older than the lock's time to live.
CREATE TABLE INT_LOCK (
    LOCK_KEY CHAR(36) NOT NULL,
    REGION VARCHAR(100) NOT NULL,
    CLIENT_ID CHAR(36),
    CREATED_DATE TIMESTAMP NOT NULL,
    CONSTRAINT INT_LOCK_PK PRIMARY KEY (LOCK_KEY, REGION)
);
