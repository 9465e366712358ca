package org.fonds;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.fonds.testing.Chromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The Swagger UI that Fonds serves (in prod too) renders the API in a real browser. */
@QuarkusTest
class SwaggerUiTest {

    private static final List<Operation> DOCUMENTS = List.of(
            new Operation("listDocuments", "GET", "/documents", "List documents"),
            new Operation("createDocument", "POST", "/documents", "Create a document"),
            new Operation("getDocument", "GET", "/documents/{document_id}", "Get a document"),
            new Operation("replaceDocument", "PUT", "/documents/{document_id}", "Replace a document"),
            new Operation("patchDocument", "PATCH", "/documents/{document_id}", "Change some fields of a document"),
            new Operation("deleteDocument", "DELETE", "/documents/{document_id}", "Delete a document"));

    @TestHTTPResource("/q/swagger-ui/")
    URL swaggerUi;

    @Test
    void listsEveryDocumentsOperation() {
        try (Chromium chromium = Chromium.start()) {
            WebDriver browser = chromium.driver();
            browser.get(swaggerUi.toString());
            // the page renders the operations only once its script has fetched and parsed /q/openapi
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .withMessage("Swagger UI did not render the operations " + DOCUMENTS)
                    .until(page -> DOCUMENTS.stream().noneMatch(op -> page.findElements(op.block()).isEmpty()));

            assertAll(DOCUMENTS.stream().map(op -> () -> {
                WebElement block = browser.findElement(op.block());
                assertEquals(op.method(), text(block, "opblock-summary-method"), op.id());
                // the attribute, not the text: Swagger UI puts break opportunities into long displayed paths
                assertEquals(op.path(), block.findElement(By.className("opblock-summary-path"))
                        .getDomAttribute("data-path"), op.id());
                assertEquals(op.summary(), text(block, "opblock-summary-description"), op.id());
            }));
        }
    }

    private static String text(WebElement block, String className) {
        return block.findElement(By.className(className)).getText();
    }

    private record Operation(String id, String method, String path, String summary) {

        /** Swagger UI gives each operation block the id operations-{tag}-{operationId}. */
        By block() {
            return By.id("operations-Documents-" + id);
        }
    }
}
