-- Axon runs on plain JDBC (no JPA): its inserts leave the generated keys to the columns' defaults. The same
-- sequences as before: the global index still takes one value per event, so it stays dense.
alter table domain_event_entry alter column global_index set default nextval('domain_event_entry_seq');
alter table association_value_entry alter column id set default nextval('association_value_entry_seq');
