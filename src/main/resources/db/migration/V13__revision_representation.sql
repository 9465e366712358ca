-- The representation a revision's state is stored in. A resource type's view can change shape; its service then
-- declares a new representation and the step that upgrades a state from the previous one, so that reading or
-- restoring an old revision still gives (and applies) the current shape. Every state stored so far is the first
-- representation of its type.
ALTER TABLE revision
    ADD COLUMN representation integer NOT NULL DEFAULT 1 CHECK (representation >= 0);
