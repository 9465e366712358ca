package org.fonds.document;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DocumentRepository implements PanacheRepositoryBase<Document, UUID> {

    /** One keyset page in id order (ids are time-ordered UUIDv7, so this is creation order). */
    public List<Document> page(DocumentFilter filter, UUID after, int limit) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (after != null) {
            where.add("id > :after");
            params.and("after", after);
        }
        if (filter.kind() != null) {
            where.add("kind = :kind");
            params.and("kind", filter.kind());
        }
        if (filter.language() != null) {
            where.add("language = :language");
            params.and("language", filter.language());
        }
        // a document is in a date range when the days it can denote overlap the range
        if (filter.dateFrom() != null) {
            where.add("dateLatest >= :from");
            params.and("from", filter.dateFrom());
        }
        if (filter.dateTo() != null) {
            where.add("dateEarliest <= :to");
            params.and("to", filter.dateTo());
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where)) + " order by id";
        return find(query, params).page(0, limit).list();
    }

    public record DocumentFilter(DocumentKind kind, String language, LocalDate dateFrom, LocalDate dateTo) {
        public String scope() {
            return "documents|" + kind + "|" + language + "|" + dateFrom + "|" + dateTo;
        }
    }
}
