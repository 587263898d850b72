-- Undoes V2: drops the feature flags table.
DROP TABLE feature_flags;
