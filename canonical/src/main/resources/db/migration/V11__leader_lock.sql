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

-- Signatures of verified inbound pushes, shared by every hub instance: a request captured and sent again to another
-- instance within the timestamp window is still known as a replay (the petition connector's replay guard).
-- Rows expire with the window; the guard deletes expired ones as it goes.
CREATE TABLE inbound_replay (
    system     VARCHAR(32)              NOT NULL,
    signature  CHAR(64)                 NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_inbound_replay PRIMARY KEY (system, signature)
);
CREATE INDEX ix_inbound_replay_expiry ON inbound_replay (expires_at);
