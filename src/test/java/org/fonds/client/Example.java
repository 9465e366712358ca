package org.fonds.client;

import org.fonds.client.api.DocumentsApi;
import org.fonds.client.api.SearchApi;
import org.fonds.client.model.DocumentKind;

/** The README's Java example (compiled with the tests, against the Java client that `make clients` generates). */
public class Example {
    public static void main(String[] args) throws ApiException {
        ApiClient client = new ApiClient(); // reads need no credentials
        client.updateBaseUri(System.getProperty("fonds.url", "http://localhost:8080"));
        var cables = new DocumentsApi(client).listDocuments(
                DocumentsApi.APIListDocumentsRequest.newBuilder().kind(DocumentKind.CABLE).limit(5).build());
        cables.getItems().forEach(cable -> System.out.println(cable.getDate() + " " + cable.getTitle()));
        var found = new SearchApi(client).searchDocuments(
                SearchApi.APISearchDocumentsRequest.newBuilder().q("\"large subchaser\" or trawler").build());
        found.getItems().forEach(hit -> System.out.println(hit.getTitle() + " " + hit.getMatches().get(0).getSnippet()));
    }
}
