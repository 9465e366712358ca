package org.fonds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fonds.client.ApiClient;
import org.fonds.client.ApiException;
import org.fonds.client.ApiResponse;
import org.fonds.client.api.DocumentsApi;
import org.fonds.client.model.Document;
import org.fonds.client.model.DocumentInput;
import org.fonds.client.model.DocumentKind;
import org.fonds.client.model.DocumentPatch;
import org.fonds.client.model.DocumentSummary;
import org.fonds.client.model.PageDocumentSummary;
import org.fonds.client.model.Problem;
import org.fonds.access.Role;
import org.fonds.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API driven only through the Java client that openapi-generator makes from the committed spec
 * (target/generated-client): if the spec stops describing what the server does in a way a generated client can
 * use (paging, ETags, merge patch, problem details), this fails.
 */
@QuarkusTest
class GeneratedClientTest {

    private static final String TITLE = "Ciphered Telegram, Shtykov to Vyshinsky";

    @TestHTTPResource("/")
    URL root;

    private ApiClient client;
    private DocumentsApi documents;

    @BeforeEach
    void client() {
        client = new ApiClient();
        String token = Api.token(Role.EDITOR);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        // the operations' paths start with "/": the base URI must not end with one
        client.updateBaseUri(root.toString().replaceAll("/+$", ""));
        documents = new DocumentsApi(client);
    }

    @Test
    void pagesThroughEveryDocumentOnceInCreationOrder() throws ApiException {
        String language = privateUseLanguage();
        List<UUID> created = new ArrayList<>();
        List<Long> versions = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Document d = documents.createDocument(cable("Generated client page test " + i, language), null);
            assertEquals(List.of(language), d.getLanguages());
            created.add(d.getId());
            versions.add(d.getVersion());
        }

        List<UUID> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            PageDocumentSummary page = documents.listDocuments(list(language).cursor(cursor).limit(3).build());
            assertEquals(3, page.getLimit());
            pageSizes.add(page.getItems().size());
            for (DocumentSummary s : page.getItems()) {
                assertEquals(List.of(language), s.getLanguages());
                assertEquals(DocumentKind.CABLE, s.getKind());
                assertEquals("Generated client page test " + seen.size(), s.getTitle());
                assertEquals("1950-05-30", s.getDate());
                assertEquals(versions.get(seen.size()), s.getVersion());
                seen.add(s.getId());
            }
            cursor = page.getNext();
        } while (cursor != null && pageSizes.size() < 10);

        assertNull(cursor, "the last page has no next cursor");
        assertEquals(List.of(3, 3, 1), pageSizes);
        assertEquals(created, seen);
        assertEquals(seen.size(), new HashSet<>(seen).size(), "every document exactly once");

        // the other filters go through the generated client too
        PageDocumentSummary none = documents.listDocuments(list(language).dateFrom(LocalDate.of(1950, 6, 1)).build());
        assertEquals(List.of(), none.getItems());
        assertEquals(20, none.getLimit());
        assertNull(none.getNext());
        PageDocumentSummary all = documents.listDocuments(list(language).dateFrom(LocalDate.of(1950, 5, 1))
                .dateTo(LocalDate.of(1950, 5, 31)).kind(DocumentKind.CABLE).limit(100).build());
        assertEquals(created, all.getItems().stream().map(DocumentSummary::getId).toList());
    }

    @Test
    void createReadReplacePatchAndDeleteWithETags() throws ApiException {
        String language = privateUseLanguage();

        // create: 201, Location and ETag
        ApiResponse<Document> created = documents.createDocumentWithHttpInfo(
                cable(TITLE, language).summary("Kim Il Sung is ready to attack at the end of June."), null);
        assertEquals(201, created.getStatusCode());
        Document doc = created.getData();
        UUID id = doc.getId();
        assertNotNull(id);
        long v0 = doc.getVersion();
        assertTrue(header(created, "Location").endsWith("/documents/" + id), header(created, "Location"));
        assertEquals(quoted(v0), header(created, "ETag"));

        // get: the same document and ETag, every field typed as the spec says
        ApiResponse<Document> read = documents.getDocumentWithHttpInfo(get(id).build());
        assertEquals(200, read.getStatusCode());
        String etag = header(read, "ETag");
        assertEquals(header(created, "ETag"), etag);
        Document got = read.getData();
        assertEquals(doc, got);
        assertEquals(DocumentKind.CABLE, got.getKind());
        assertEquals(TITLE, got.getTitle());
        assertEquals("Kim Il Sung is ready to attack at the end of June.", got.getSummary());
        assertEquals("1950-05-30", got.getDate());
        assertEquals(LocalDate.of(1950, 5, 30), got.getDateRange().getEarliest());
        assertEquals(LocalDate.of(1950, 5, 30), got.getDateRange().getLatest());
        assertEquals(false, got.getDateRange().getUncertain());
        assertEquals(false, got.getDateRange().getApproximate());
        assertEquals(List.of(language), got.getLanguages());
        assertEquals(List.of(), got.getReferenceNumbers());
        assertNotNull(got.getCreatedAt());
        assertEquals(got.getCreatedAt(), got.getUpdatedAt());

        // conditional get: the generated client reports the 304 (no body) as an ApiException
        ApiException notModified = assertThrows(ApiException.class, () -> documents.getDocument(get(id).ifNoneMatch(etag).build()));
        assertEquals(304, notModified.getCode());
        assertEquals(etag, notModified.getResponseHeaders().firstValue("ETag").orElseThrow());

        // PUT with If-Match: every writable field replaced, new version and ETag
        ApiResponse<Document> replaced = documents.replaceDocumentWithHttpInfo(id, etag, new DocumentInput()
                .kind(DocumentKind.MEMORANDUM)
                .title("Memorandum on the conversation with Kim Il Sung")
                .summary("Revised abstract.")
                .date("1950-05?")
                .languages(List.of(language))
                .classification("Strictly Secret"));
        assertEquals(200, replaced.getStatusCode());
        Document afterPut = replaced.getData();
        assertEquals(v0 + 1, afterPut.getVersion());
        assertEquals(quoted(v0 + 1), header(replaced, "ETag"));
        assertEquals(id, afterPut.getId());
        assertEquals(DocumentKind.MEMORANDUM, afterPut.getKind());
        assertEquals("Memorandum on the conversation with Kim Il Sung", afterPut.getTitle());
        assertEquals("Revised abstract.", afterPut.getSummary());
        assertEquals("1950-05?", afterPut.getDate());
        assertEquals(LocalDate.of(1950, 5, 1), afterPut.getDateRange().getEarliest());
        assertEquals(LocalDate.of(1950, 5, 31), afterPut.getDateRange().getLatest());
        assertEquals(true, afterPut.getDateRange().getUncertain());
        assertEquals("Strictly Secret", afterPut.getClassification());
        assertEquals(got.getCreatedAt(), afterPut.getCreatedAt());

        // PATCH (application/merge-patch+json) with If-Match: a field set, a field cleared with null, others kept
        ApiResponse<Document> patched = documents.patchDocumentWithHttpInfo(id, header(replaced, "ETag"),
                new DocumentPatch().title("Memorandum, revised").summary(null));
        assertEquals(200, patched.getStatusCode());
        Document afterPatch = patched.getData();
        assertEquals(v0 + 2, afterPatch.getVersion());
        String currentETag = header(patched, "ETag");
        assertEquals(quoted(v0 + 2), currentETag);
        assertEquals("Memorandum, revised", afterPatch.getTitle());
        assertNull(afterPatch.getSummary(), "null in a merge patch clears the field");
        assertEquals(DocumentKind.MEMORANDUM, afterPatch.getKind());
        assertEquals("1950-05?", afterPatch.getDate());
        assertEquals(List.of(language), afterPatch.getLanguages());
        assertEquals("Strictly Secret", afterPatch.getClassification());
        assertEquals(afterPatch, documents.getDocument(get(id).build()));

        // a stale If-Match (the ETag read before the PUT): 412 with a problem, and nothing changes
        ApiException stale = assertThrows(ApiException.class,
                () -> documents.patchDocument(id, etag, new DocumentPatch().title("Lost update")));
        assertEquals(412, stale.getCode());
        assertProblemJson(stale);
        Problem preconditionFailed = problem(stale);
        assertEquals("/problems/precondition-failed", preconditionFailed.getType());
        assertEquals(412, preconditionFailed.getStatus());
        ApiException stalePut = assertThrows(ApiException.class,
                () -> documents.replaceDocument(id, etag, cable("Lost update", language)));
        assertEquals(412, stalePut.getCode());
        ApiException staleDelete = assertThrows(ApiException.class,
                () -> documents.deleteDocument(id, etag));
        assertEquals(412, staleDelete.getCode());
        assertProblemJson(staleDelete);
        assertEquals("/problems/precondition-failed", problem(staleDelete).getType());
        Document unchanged = documents.getDocument(get(id).build());
        assertEquals(v0 + 2, unchanged.getVersion());
        assertEquals("Memorandum, revised", unchanged.getTitle());

        // DELETE with the current ETag: 204, then the document is gone
        ApiResponse<Void> deleted = documents.deleteDocumentWithHttpInfo(id, currentETag);
        assertEquals(204, deleted.getStatusCode());
        assertNull(deleted.getData());

        ApiException gone = assertThrows(ApiException.class, () -> documents.getDocumentWithHttpInfo(get(id).build()));
        assertEquals(410, gone.getCode()); // a soft deletion: restorable from its revisions
        assertProblemJson(gone);
        Problem notFound = problem(gone);
        assertEquals("/problems/gone", notFound.getType());
        assertEquals("Gone", notFound.getTitle());
        assertEquals(410, notFound.getStatus());
        assertTrue(notFound.getDetail().contains(id.toString()), notFound.getDetail());
        assertEquals("/documents/" + id, notFound.getInstance());
    }

    /** The ETag of a version: the number quoted (a strong tag). */
    private static String quoted(long version) {
        return "\"" + version + "\"";
    }

    private static String privateUseLanguage() {
        return "x-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static DocumentsApi.APIGetDocumentRequest.Builder get(UUID id) {
        return DocumentsApi.APIGetDocumentRequest.newBuilder().documentId(id);
    }

    private static DocumentsApi.APIListDocumentsRequest.Builder list(String language) {
        return DocumentsApi.APIListDocumentsRequest.newBuilder().language(language);
    }

    private static DocumentInput cable(String title, String language) {
        return new DocumentInput()
                .kind(DocumentKind.CABLE)
                .title(title)
                .date("1950-05-30")
                .languages(List.of(language));
    }

    /** The single value of a response header (the client gives the JDK's case-insensitive map). */
    private static String header(ApiResponse<?> response, String name) {
        List<String> values = response.getHeaders().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " header in " + response.getHeaders()));
        assertEquals(1, values.size(), name);
        return values.get(0);
    }

    private static void assertProblemJson(ApiException e) {
        String contentType = e.getResponseHeaders().firstValue("Content-Type").orElseThrow();
        assertTrue(contentType.startsWith("application/problem+json"), contentType);
    }

    /** The error body read as the spec's Problem with the client's own ObjectMapper. */
    private Problem problem(ApiException e) {
        assertNotNull(e.getResponseBody());
        try {
            return client.getObjectMapper().readValue(e.getResponseBody(), Problem.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException x) {
            throw new AssertionError("not a problem: " + e.getResponseBody(), x);
        }
    }
}
