-- Hand-written SQL of the report rollups (issue 13, docs/metrics.md "Rollups"), kept in this one
-- custom migration. Every table a report reads marks the clients its changed rows belong to as dirty,
-- in the writing statement's own transaction (statement triggers over transition tables: one insert
-- per statement, not per row); the refresher recomputes those clients' contributions to the counters.
-- A mark that already exists is updated, not skipped: the update locks it until the writer commits,
-- and the refresher claims with SKIP LOCKED, so it cannot take the mark and recompute the client from
-- a snapshot without this write (which would then be lost). Marks keep their first time, and are
-- taken in client order so two writers of the same clients do not deadlock.
CREATE FUNCTION rollup_mark_clients() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO rollup_dirty_clients (client_id)
    SELECT DISTINCT client_id FROM changed WHERE client_id IS NOT NULL ORDER BY client_id
    ON CONFLICT (client_id) DO UPDATE SET marked_at = rollup_dirty_clients.marked_at;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- node_visits and transitions name their enrollment, not their client.
CREATE FUNCTION rollup_mark_enrollment_clients() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO rollup_dirty_clients (client_id)
    SELECT DISTINCT e.client_id FROM changed c JOIN enrollments e ON e.id = c.enrollment_id ORDER BY 1
    ON CONFLICT (client_id) DO UPDATE SET marked_at = rollup_dirty_clients.marked_at;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION rollup_mark_purchase_clients() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO rollup_dirty_clients (client_id)
    SELECT DISTINCT p.client_id FROM changed c JOIN purchases p ON p.id = c.purchase_id ORDER BY 1
    ON CONFLICT (client_id) DO UPDATE SET marked_at = rollup_dirty_clients.marked_at;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Updates: a transition table cannot be limited to some columns, so updates fire per row and only
-- when a column a report reads changed (routing's routed_at, a message's provider id do not count).
CREATE FUNCTION rollup_mark_clients_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO rollup_dirty_clients (client_id) VALUES (NEW.client_id) ON CONFLICT (client_id) DO UPDATE SET marked_at = rollup_dirty_clients.marked_at;
  IF OLD.client_id IS DISTINCT FROM NEW.client_id THEN
    INSERT INTO rollup_dirty_clients (client_id) VALUES (OLD.client_id) ON CONFLICT (client_id) DO UPDATE SET marked_at = rollup_dirty_clients.marked_at;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION rollup_mark_enrollment_clients_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO rollup_dirty_clients (client_id)
    SELECT client_id FROM enrollments WHERE id IN (NEW.enrollment_id, OLD.enrollment_id)
    ON CONFLICT (client_id) DO UPDATE SET marked_at = rollup_dirty_clients.marked_at;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION rollup_mark_purchase_clients_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO rollup_dirty_clients (client_id)
    SELECT client_id FROM purchases WHERE id IN (NEW.purchase_id, OLD.purchase_id)
    ON CONFLICT (client_id) DO UPDATE SET marked_at = rollup_dirty_clients.marked_at;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER events_rollup_insert AFTER INSERT ON events REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_clients();
--> statement-breakpoint
CREATE TRIGGER events_rollup_update AFTER UPDATE ON events FOR EACH ROW
  WHEN ((OLD.type, OLD.occurred_at, OLD.message_id, OLD.client_id) IS DISTINCT FROM (NEW.type, NEW.occurred_at, NEW.message_id, NEW.client_id))
  EXECUTE FUNCTION rollup_mark_clients_row();
--> statement-breakpoint
CREATE TRIGGER events_rollup_delete AFTER DELETE ON events REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_clients();
--> statement-breakpoint
CREATE TRIGGER call_tasks_rollup_insert AFTER INSERT ON call_tasks REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_clients();
--> statement-breakpoint
CREATE TRIGGER call_tasks_rollup_update AFTER UPDATE ON call_tasks FOR EACH ROW
  WHEN ((OLD.status, OLD.outcome, OLD.completed_at, OLD.message_id, OLD.client_id) IS DISTINCT FROM (NEW.status, NEW.outcome, NEW.completed_at, NEW.message_id, NEW.client_id))
  EXECUTE FUNCTION rollup_mark_clients_row();
--> statement-breakpoint
CREATE TRIGGER call_tasks_rollup_delete AFTER DELETE ON call_tasks REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_clients();
--> statement-breakpoint
CREATE TRIGGER messages_rollup_insert AFTER INSERT ON messages REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_clients();
--> statement-breakpoint
CREATE TRIGGER messages_rollup_update AFTER UPDATE ON messages FOR EACH ROW
  WHEN ((OLD.status, OLD.sent_at, OLD.journey_id, OLD.journey_version, OLD.node_id, OLD.enrollment_id, OLD.content, OLD.client_id) IS DISTINCT FROM (NEW.status, NEW.sent_at, NEW.journey_id, NEW.journey_version, NEW.node_id, NEW.enrollment_id, NEW.content, NEW.client_id))
  EXECUTE FUNCTION rollup_mark_clients_row();
--> statement-breakpoint
CREATE TRIGGER messages_rollup_delete AFTER DELETE ON messages REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_clients();
--> statement-breakpoint
CREATE TRIGGER enrollments_rollup_insert AFTER INSERT ON enrollments REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_clients();
--> statement-breakpoint
CREATE TRIGGER enrollments_rollup_update AFTER UPDATE ON enrollments FOR EACH ROW
  WHEN ((OLD.status, OLD.exit_reason, OLD.exited_at, OLD.entered_at, OLD.is_holdout, OLD.journey_id, OLD.journey_version, OLD.client_id) IS DISTINCT FROM (NEW.status, NEW.exit_reason, NEW.exited_at, NEW.entered_at, NEW.is_holdout, NEW.journey_id, NEW.journey_version, NEW.client_id))
  EXECUTE FUNCTION rollup_mark_clients_row();
--> statement-breakpoint
CREATE TRIGGER enrollments_rollup_delete AFTER DELETE ON enrollments REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_clients();
--> statement-breakpoint
CREATE TRIGGER purchases_rollup_insert AFTER INSERT ON purchases REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_clients();
--> statement-breakpoint
CREATE TRIGGER purchases_rollup_update AFTER UPDATE ON purchases FOR EACH ROW
  WHEN ((OLD.purchased_at, OLD.client_id) IS DISTINCT FROM (NEW.purchased_at, NEW.client_id))
  EXECUTE FUNCTION rollup_mark_clients_row();
--> statement-breakpoint
CREATE TRIGGER purchases_rollup_delete AFTER DELETE ON purchases REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_clients();
--> statement-breakpoint
CREATE TRIGGER node_visits_rollup_insert AFTER INSERT ON node_visits REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_enrollment_clients();
--> statement-breakpoint
CREATE TRIGGER node_visits_rollup_update AFTER UPDATE ON node_visits FOR EACH ROW
  WHEN ((OLD.entered_at, OLD.left_at, OLD.outcome, OLD.node_id, OLD.journey_id, OLD.journey_version, OLD.enrollment_id) IS DISTINCT FROM (NEW.entered_at, NEW.left_at, NEW.outcome, NEW.node_id, NEW.journey_id, NEW.journey_version, NEW.enrollment_id))
  EXECUTE FUNCTION rollup_mark_enrollment_clients_row();
--> statement-breakpoint
CREATE TRIGGER node_visits_rollup_delete AFTER DELETE ON node_visits REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_enrollment_clients();
--> statement-breakpoint
CREATE TRIGGER transitions_rollup_insert AFTER INSERT ON transitions REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_enrollment_clients();
--> statement-breakpoint
CREATE TRIGGER transitions_rollup_update AFTER UPDATE ON transitions FOR EACH ROW
  WHEN ((OLD.port, OLD.to_node_id, OLD.edge_id, OLD.from_node_id, OLD.at, OLD.journey_id, OLD.journey_version, OLD.enrollment_id) IS DISTINCT FROM (NEW.port, NEW.to_node_id, NEW.edge_id, NEW.from_node_id, NEW.at, NEW.journey_id, NEW.journey_version, NEW.enrollment_id))
  EXECUTE FUNCTION rollup_mark_enrollment_clients_row();
--> statement-breakpoint
CREATE TRIGGER transitions_rollup_delete AFTER DELETE ON transitions REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_enrollment_clients();
--> statement-breakpoint
CREATE TRIGGER purchase_lines_rollup_insert AFTER INSERT ON purchase_lines REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_purchase_clients();
--> statement-breakpoint
CREATE TRIGGER purchase_lines_rollup_update AFTER UPDATE ON purchase_lines FOR EACH ROW
  WHEN ((OLD.sku, OLD.quantity, OLD.unit_price, OLD.purchase_id) IS DISTINCT FROM (NEW.sku, NEW.quantity, NEW.unit_price, NEW.purchase_id))
  EXECUTE FUNCTION rollup_mark_purchase_clients_row();
--> statement-breakpoint
CREATE TRIGGER purchase_lines_rollup_delete AFTER DELETE ON purchase_lines REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_purchase_clients();
--> statement-breakpoint
-- A new taxonomy version makes the rollups follow it: a rebuild walks every client from the start;
-- until it ends, reports of that version answer from raw rows (is_ready false). Stored facts stay.
CREATE FUNCTION rollup_follow_taxonomy() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE report_rollup_state
    SET taxonomy_version = NEW.version, rebuild_after = '00000000-0000-0000-0000-000000000000',
      is_ready = false, updated_at = now()
    WHERE id = 1 AND taxonomy_version < NEW.version;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER funnel_taxonomies_rollup_follow AFTER INSERT ON funnel_taxonomies FOR EACH ROW EXECUTE FUNCTION rollup_follow_taxonomy();
--> statement-breakpoint
-- Rows stored before this migration are counted by a first rebuild from the first client.
INSERT INTO report_rollup_state (id, taxonomy_version, rebuild_after, is_ready, is_base_ready)
  SELECT 1, coalesce(max(version), 1), '00000000-0000-0000-0000-000000000000', false, false
  FROM funnel_taxonomies
  ON CONFLICT (id) DO NOTHING;
