-- Work that one node of several must do alone (the demo tenant's simulated agents) is held by a lease: a node that
-- dies stops renewing it, and another takes it over once it expires.
CREATE TABLE cluster_leases (
  name text PRIMARY KEY,
  holder text NOT NULL,
  expires_at timestamptz NOT NULL
);

-- A verified action is sent to its device by the one node that claimed it; the claim lapses when the agent did not
-- acknowledge in time, so a later connection of the agent gets it again.
ALTER TABLE action_requests ADD COLUMN delivery_claimed_until timestamptz;
