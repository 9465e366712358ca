package org.fonds.oai;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A record's OAI-PMH header: the document's id, its datestamp (microseconds, UTC), deletion and sets. */
record OaiHeader(UUID id, Instant datestamp, boolean deleted, List<String> sets) {
}
