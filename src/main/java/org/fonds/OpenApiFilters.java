package org.fonds;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.fonds.history.RevisionOperations;
import org.fonds.resource.ItemOperations;
import org.fonds.http.ConditionalReads;
import org.fonds.http.ConsistencyTokenHeaders;
import org.fonds.http.PagingParameters;
import org.fonds.http.ProblemResponsesFilter;
import org.fonds.http.RequestExamples;
import org.fonds.http.SchemaReferences;

/**
 * The one filter {@code mp.openapi.filter} can name: first the per-type item and revision operations, the conditional reads, the paging parameters, the consistency token (read-your-writes), then the problem
 * responses and security of every operation (those included), an example of each request body, and last no {@code type}
 * beside a {@code $ref}.
 */
public class OpenApiFilters implements OASFilter {

    private final OASFilter[] filters = {new ItemOperations(), new RevisionOperations(),
            new ConditionalReads(), new PagingParameters(), new ConsistencyTokenHeaders(), new ProblemResponsesFilter(),
            new RequestExamples(), new SchemaReferences()};

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        for (OASFilter filter : filters) {
            filter.filterOpenAPI(openAPI);
        }
    }
}
