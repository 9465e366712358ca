package org.fonds.cmif;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import javax.xml.stream.XMLStreamException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fonds.http.ConditionalReads;
import org.fonds.access.Caller;
import org.fonds.access.Role;
import org.fonds.http.ETags;

/** The archive's correspondence as one CMIF file, for correspSearch and other correspondence indexes. */
@Path("/cmif")
@Tag(name = "Correspondence (CMIF)", description = "The letters and cables as a Correspondence Metadata "
        + "Interchange Format file (CMIF 1.1, TEI-based), the input of correspSearch.")
public class CmifResource {

    public static final String MEDIA_TYPE = "application/tei+xml";

    @Inject
    LetterReader letters;

    @Inject
    Caller caller;

    @ConfigProperty(name = "fonds.archive.name", defaultValue = "Fonds")
    String archiveName;

    @ConfigProperty(name = "fonds.archive.contact-email", defaultValue = "archive@example.org")
    String contactEmail;

    @GET
    @Produces(MEDIA_TYPE)
    @Operation(operationId = "getCmif", summary = "Every letter and cable as a CMIF file",
            description = "A CMIF 1.1 file (TEI P5 with the CMIF customisation, as correspSearch harvests it) of "
                    + "every letter and cable the caller may see: one `correspDesc` per document, its `@ref` the "
                    + "document's URL and its `@source` the file's one `bibl`, with a `correspAction` "
                    + "`type=\"sent\"` and one `type=\"received\"` (an unknown party is named `unknown`): the "
                    + "senders and recipients as `persName` or `orgName`, the place as `placeName`, each with "
                    + "`@ref` to its authority records (VIAF, GND, Wikidata, LCNAF; GeoNames for places) where "
                    + "recorded, and the date as `@when`, `@from`/`@to` or `@notBefore`/`@notAfter`, always "
                    + "`YYYY`, `YYYY-MM` or `YYYY-MM-DD` (an EDTF date with uncertainty or a time of day is given "
                    + "as the days it can denote). Streamed in document order; the ETag changes with every "
                    + "recorded change the caller can see, and every day (embargoes end).")
    @APIResponse(responseCode = "200", description = "The CMIF file.",
            content = @Content(mediaType = MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING),
                    example = "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader>…<profileDesc>"
                            + "<correspDesc ref=\"https://archive.example.org/documents/0193a5b2-…\" "
                            + "source=\"#fonds\"><correspAction type=\"sent\"><persName "
                            + "ref=\"http://www.wikidata.org/entity/Q4348186\">Terentii Shtykov</persName>"
                            + "<placeName ref=\"http://www.geonames.org/1871859\">Pyongyang</placeName>"
                            + "<date when=\"1950-05-30\"/></correspAction><correspAction type=\"received\">"
                            + "<persName>Andrei Vyshinsky</persName></correspAction></correspDesc>…"))
    @Extension(name = ConditionalReads.EXTENSION, value = "it changes when the file would.")
    public Response cmif(@Context Request request, @Context UriInfo uri) {
        Role role = caller.role();
        EntityTag tag = new EntityTag("cmif-" + role.name().toLowerCase(java.util.Locale.ROOT) + "-"
                + letters.changeMark(role));
        return ETags.notModified(request, tag).orElseGet(() -> {
            CmifWriter.Header header = new CmifWriter.Header(archiveName + ": letters and cables", archiveName,
                    contactEmail, archiveName, uri.getRequestUri().toString(), uri.getBaseUri().toString());
            StreamingOutput body = out -> {
                try {
                    new CmifWriter(letters, role, header).write(out);
                } catch (XMLStreamException e) {
                    throw new java.io.IOException(e);
                }
            };
            return Response.ok(body, MEDIA_TYPE).tag(tag).build();
        });
    }
}
