-- Hand-written segmentation SQL (issue 15), kept in this one custom migration.
-- The built-in segments the segmentation job classifies every client into (db/src/segments):
-- the 27 RFM cells (RFM_CELLS), the lifecycle grid's stages (LIFECYCLE_STAGES) and seed 004's smart
-- trigger (OVERDUE_SEGMENT). A test checks GET /v1/segments lists exactly these.
INSERT INTO "segments" ("key", "name", "kind") VALUES
('R1F1M1', 'RFM R1F1M1', 'rfm'),
('R1F1M2', 'RFM R1F1M2', 'rfm'),
('R1F1M3', 'RFM R1F1M3', 'rfm'),
('R1F2M1', 'RFM R1F2M1', 'rfm'),
('R1F2M2', 'RFM R1F2M2', 'rfm'),
('R1F2M3', 'RFM R1F2M3', 'rfm'),
('R1F3M1', 'RFM R1F3M1', 'rfm'),
('R1F3M2', 'RFM R1F3M2', 'rfm'),
('R1F3M3', 'RFM R1F3M3', 'rfm'),
('R2F1M1', 'RFM R2F1M1', 'rfm'),
('R2F1M2', 'RFM R2F1M2', 'rfm'),
('R2F1M3', 'RFM R2F1M3', 'rfm'),
('R2F2M1', 'RFM R2F2M1', 'rfm'),
('R2F2M2', 'RFM R2F2M2', 'rfm'),
('R2F2M3', 'RFM R2F2M3', 'rfm'),
('R2F3M1', 'RFM R2F3M1', 'rfm'),
('R2F3M2', 'RFM R2F3M2', 'rfm'),
('R2F3M3', 'RFM R2F3M3', 'rfm'),
('R3F1M1', 'RFM R3F1M1', 'rfm'),
('R3F1M2', 'RFM R3F1M2', 'rfm'),
('R3F1M3', 'RFM R3F1M3', 'rfm'),
('R3F2M1', 'RFM R3F2M1', 'rfm'),
('R3F2M2', 'RFM R3F2M2', 'rfm'),
('R3F2M3', 'RFM R3F2M3', 'rfm'),
('R3F3M1', 'RFM R3F3M1', 'rfm'),
('R3F3M2', 'RFM R3F3M2', 'rfm'),
('R3F3M3', 'RFM R3F3M3', 'rfm'),
('new', 'New clients', 'lifecycle'),
('former-new', 'Former new clients', 'lifecycle'),
('best', 'Best clients', 'lifecycle'),
('former-best', 'Former best clients', 'lifecycle'),
('highest-potential', 'Highest potential', 'lifecycle'),
('overdue', 'Overdue (smart trigger)', 'overdue')
ON CONFLICT DO NOTHING;
