package org.fonds.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The {@code type} URIs of problems resolve here, so a client can read what each kind of problem means. */
@Path("/problems")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Problems", description = "The kinds of error Fonds reports (RFC 9457 problem types).")
public class ProblemTypeResource {

    @Schema(name = "ProblemTypeDescription")
    public record ProblemTypeView(
            @Schema(required = true, examples = "/problems/not-found") String type,
            @Schema(required = true, examples = "Not found") String title,
            @Schema(required = true, examples = "404") int status,
            @Schema(required = true, examples = "No resource has this identifier.") String description) {
        static ProblemTypeView of(ProblemType t) {
            return new ProblemTypeView(t.uri(), t.title(), t.status(), t.description());
        }
    }

    @Schema(name = "ProblemTypeList")
    public record ProblemTypeList(@Schema(required = true) List<ProblemTypeView> items) {
    }

    @GET
    @Operation(operationId = "listProblemTypes", summary = "List the kinds of problem",
            description = "Every problem type Fonds answers with, its HTTP status and what it means.")
    public ProblemTypeList list() {
        return new ProblemTypeList(Arrays.stream(ProblemType.values()).map(ProblemTypeView::of).toList());
    }

    @GET
    @Path("/{problem_type}")
    @Operation(operationId = "getProblemType", summary = "Describe one kind of problem",
            description = "What the problem type named in a problem's `type` means, e.g. /problems/not-found.")
    public ProblemTypeView get(@PathParam("problem_type") String slug) {
        return Arrays.stream(ProblemType.values())
                .filter(t -> t.slug().equals(slug))
                .findFirst()
                .map(ProblemTypeView::of)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No problem type is called '" + slug + "'."));
    }
}
