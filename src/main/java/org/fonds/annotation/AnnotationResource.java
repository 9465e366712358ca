package org.fonds.annotation;

import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fonds.resource.PatchableItemResource;

/** One annotation: read, replace, patch, delete. */
@Path("/annotations")
@Tag(name = "Annotations", description = "Notes, marginalia, foreign terms, uncertain readings, gaps, supplied words "
        + "and mentions, anchored to the words of a document's text that they concern.")
public class AnnotationResource {

    @Inject
    AnnotationService service;

    /** One annotation at its own URL: read, replace, merge patch, delete, and its revisions (PatchableItemResource). */
    @Path("/{annotation_id}")
    public PatchableItemResource item(@PathParam("annotation_id") UUID id) {
        return new PatchableItemResource(service, null, id);
    }
}
