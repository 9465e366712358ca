-- Deleting a text used to cascade to the annotation targets anchored to it, leaving annotations without targets
-- and with an unchanged version. TextService now refuses that deletion (409) while annotations point at the text;
-- this foreign key is the last line of defence. It is deferred to commit, so that deleting a whole document (which
-- cascades to its texts and to its annotations, in an order PostgreSQL chooses) still works.
ALTER TABLE annotation_target DROP CONSTRAINT annotation_target_text_id_fkey;
ALTER TABLE annotation_target ADD CONSTRAINT annotation_target_text_id_fkey
    FOREIGN KEY (text_id) REFERENCES text (id) ON DELETE NO ACTION DEFERRABLE INITIALLY DEFERRED;
