-- The check value of the key file (crypto/keys.h keys_check_value): a MAC
-- of a fixed label, never the key. A server started with another key file
-- finds a different value and refuses to start. One row.
CREATE TABLE key_check (
	id         INTEGER PRIMARY KEY CHECK (id = 1),
	value      BLOB NOT NULL,
	updated_at INTEGER NOT NULL
);
