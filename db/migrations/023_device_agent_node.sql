-- The node holding a device agent's connection. A node renews a lease named after it while it lives; the devices of a
-- node whose lease ran out (it died with its agents' connections) read offline until their agents reconnect.
ALTER TABLE devices ADD COLUMN agent_node text;
