package org.fonds;

import static org.fonds.testing.Api.api;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fonds.testing.Chromium;
import org.fonds.testing.Documents;
import org.fonds.testing.Seed;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The reading room (static files under src/main/resources/META-INF/resources, served at /) in a real browser,
 * reading the sample archive through the API as an anonymous visitor, under its Content-Security-Policy.
 */
@QuarkusTest
class ReadingRoomTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void theSeedCableIsDrawnWithEveryAnnotationAtItsAnchor() {
        String cable = Seed.cable();
        try (Chromium chromium = Chromium.start()) {
            WebDriver browser = open(chromium);
            // a report, not an assertion: speed figures belong in `make bench`
            for (String load : List.of("first load", "second load")) {
                browser.get("about:blank");
                long started = System.nanoTime();
                browser.get(root + "#/documents/" + cable);
                awaitReady(browser, "document");
                WebElement main = browser.findElement(By.id("main"));
                System.out.printf("Reading room, the seed cable, %s: drawn %s ms after the navigation started; "
                        + "%s ms from its API call (the call %s ms, drawing %s ms); %d ms for the test, WebDriver's "
                        + "round trips included%n", load, main.getDomAttribute("data-page-ms"),
                        main.getDomAttribute("data-render-ms"), main.getDomAttribute("data-fetch-ms"),
                        main.getDomAttribute("data-draw-ms"), (System.nanoTime() - started) / 1_000_000);
            }

            // "one trawler" and "one large subchaser" are circled: exactly those words, each one element
            List<WebElement> circled = browser.findElements(By.cssSelector("#main mark.circled"));
            assertEquals(List.of("one trawler", "one large subchaser"), texts(circled));
            for (WebElement c : circled) {
                assertEquals("mark", c.getAriaRole(), "a circled span is exposed as a mark");
                assertThat(c.getCssValue("border-top-style"), containsString("solid"));
            }

            // the handwritten comment in the left margin, beside the paragraph its line points at (lines 3–5)
            WebElement comment = browser.findElement(By.cssSelector(".margin-left .marginal[data-line-start='3']"));
            assertEquals("5", comment.getDomAttribute("data-line-end"));
            assertThat(comment.getText(), containsString("line drawn to lines 3–5"));
            assertThat(comment.getText(), containsString("mark"));
            WebElement offPage = comment.findElement(By.className("off-page"));
            assertTrue(offPage.isDisplayed(), "the off-page mark is shown");
            assertThat(offPage.getText(), containsString("off the page"));
            assertThat(comment.getText(), containsString("Legibility: partly legible"));
            assertThat(comment.getText(), containsString("Hand:"));
            String commentId = comment.getDomAttribute("data-annotation");
            List<WebElement> words = browser.findElements(By.cssSelector("[data-marginal='" + commentId + "']"));
            assertEquals(1, words.size());
            assertThat(words.get(0).getText(),
                    startsWith("Kim Il Sung then reported that they are finishing organizational issues"));
            Rectangle note = comment.getRect();
            Rectangle target = words.get(0).getRect();
            assertThat("in the margin, left of the text", note.getX() + note.getWidth(),
                    lessThanOrEqualTo(target.getX()));
            assertTrue(note.getY() < target.getY() + target.getHeight()
                    && target.getY() < note.getY() + note.getHeight(), "beside its lines: " + note + " " + target);
            assertEquals(1, browser.findElements(By.cssSelector(
                    "svg.connectors path.connector[data-annotation='" + commentId + "']")).size(),
                    "a line is drawn from the comment to its words");

            // each translator's note at its words: the words marked, and the note's number right after them
            List<Map<String, Object>> notes = api().queryParam("type", "TRANSLATOR_NOTE")
                    .get("/documents/{d}/annotations", cable).then().statusCode(200).extract().path("items");
            assertEquals(3, notes.size());
            for (Map<String, Object> n : notes) {
                String id = (String) n.get("id");
                @SuppressWarnings("unchecked")
                List<String> exact = ((List<Map<String, Object>>) n.get("targets")).stream()
                        .map(t -> (String) t.get("exact")).toList();
                assertEquals(exact, browser.findElements(By.cssSelector(".noted[data-annotation='" + id + "']"))
                        .stream().map(e -> words(browser, e)).toList(), "the words of note " + n.get("note_text"));
                WebElement ref = browser.findElement(By.cssSelector("a.note-ref[data-annotation='" + id + "']"));
                assertThat("the number of note " + n.get("note_text") + " stands right after its words",
                        textBefore(browser, ref), endsWith(exact.get(exact.size() - 1)));
                String number = ref.getDomAttribute("data-note");
                WebElement listed = browser.findElement(By.id("note-" + number));
                assertThat(listed.getText(), containsString((String) n.get("note_text")));
            }

            // the handwritten note between the lines: ?estimate? marked uncertain, and its gap shown
            WebElement handwritten = browser.findElement(By.cssSelector(".marginal-inline"));
            WebElement uncertain = handwritten.findElement(By.className("uncertain"));
            assertEquals("estimate", uncertain.getText());
            assertEquals("\"?\"", pseudoContent(browser, uncertain, "::before"));
            assertEquals("\"?\"", pseudoContent(browser, uncertain, "::after"));
            List<WebElement> gaps = handwritten.findElements(By.className("gap"));
            assertEquals(List.of("[1 word off the page]"), texts(gaps));

            // a mention links to the agent's page, and names its other names once the agent is read
            WebElement mention = browser.findElement(By.xpath("//a[contains(@class, 'mention-agent')][.='VYSHINSKY']"));
            assertEquals("#/agents/" + Seed.mentionedAgent(cable, "VYSHINSKY"), mention.getDomAttribute("href"));
            new WebDriverWait(browser, Duration.ofSeconds(10)).withMessage("the variants of Vyshinsky's name")
                    .until(b -> String.valueOf(mention.getDomProperty("title"))
                            .contains("Андрей Януарьевич Вышинский"));

            // every export format is linked
            assertEquals(List.of("tei", "csl", "citation", "bibtex", "schema-org", "web-annotations"),
                    browser.findElements(By.cssSelector("nav.exports a")).stream()
                            .map(a -> a.getDomAttribute("data-format")).toList());

            assertNoCspViolation(chromium);
        }
    }

    @Test
    void theHistogramHasABarFor1950AndABarOpensItsMonthsByKeyboardToo() {
        try (Chromium chromium = Chromium.start()) {
            WebDriver browser = open(chromium);
            browser.get(root.toString());
            awaitReady(browser, "browse");
            WebElement bar = browser.findElement(By.cssSelector("a.bar[data-period='1950']"));
            assertTrue(bar.isDisplayed());
            assertThat(bar.getDomAttribute("aria-label"), containsString("1950"));

            // the search box and the bars are reached with Tab
            List<String> reached = tabThrough(browser, 80);
            assertThat(reached, hasItem("input#q"));
            assertThat(reached, hasItem("a.bar[1950]"));

            // Enter on the focused bar (it has focus now: tabThrough stopped there) shows 1950's months
            new Actions(browser).sendKeys(Keys.ENTER).perform();
            new WebDriverWait(browser, Duration.ofSeconds(10)).withMessage("the months of 1950")
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.bar[data-period='1950-05']")));
            awaitReady(browser, "browse");
            assertEquals(12, browser.findElements(By.cssSelector(".histogram-month .bar-item")).size());

            // and a click on May shows its days
            browser.findElement(By.cssSelector("a.bar[data-period='1950-05']")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).withMessage("the days of May 1950")
                    .until(ExpectedConditions.presenceOfElementLocated(
                            By.cssSelector("a.bar[data-period='1950-05-30']")));
            assertEquals(31, browser.findElements(By.cssSelector(".histogram-day .bar-item")).size());
            assertNoCspViolation(chromium);
        }
    }

    @Test
    void aHiddenDocumentIsNotReachableThroughThePage() {
        String word = "Zamzarov" + System.nanoTime();
        String draft = Documents.cable().title("Draft cable " + word).create();
        api().get("/documents/{d}", draft).then().statusCode(200).body("visibility", equalTo("DRAFT"));
        try (Chromium chromium = Chromium.start()) {
            WebDriver browser = open(chromium);
            browser.get(root + "#/documents/" + draft);
            awaitReady(browser, "problem");
            assertEquals("Not found", browser.findElement(By.cssSelector("#main h1")).getText());
            assertThat(browser.findElement(By.id("main")).getText(), containsString("not published"));

            browser.get(root + "#/search?q=" + word);
            awaitReady(browser, "browse");
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions
                    .presenceOfElementLocated(By.cssSelector(".results .total")));
            assertEquals("No document matches.", browser.findElement(By.cssSelector(".results .total")).getText());
            assertThat(browser.findElements(By.cssSelector("a[href='#/documents/" + draft + "']")), empty());
            assertNoCspViolation(chromium);
        }
    }

    @Test
    void anAgentsPageShowsTheVariantsOfTheNameAndTheDocumentsByRole() {
        String cable = Seed.cable();
        String shtykov = Seed.sender(cable);
        try (Chromium chromium = Chromium.start()) {
            WebDriver browser = open(chromium);
            browser.get(root + "#/agents/" + shtykov);
            awaitReady(browser, "agent");
            assertEquals("Terentii Shtykov", browser.findElement(By.cssSelector("#main h1")).getText());
            assertThat(texts(browser.findElements(By.cssSelector(".names-table tbody td:first-child"))),
                    hasItem("Терентий Фомич Штыков"));
            WebElement sent = browser.findElement(By.cssSelector("section.role[data-role='SENDER']"));
            assertThat(texts(sent.findElements(By.cssSelector("li a"))), hasItem(Seed.CABLE_TITLE));
            assertThat(browser.findElement(By.cssSelector("#main")).getText(), containsString("Soviet ambassador"));
            assertNoCspViolation(chromium);
        }
    }

    @Test
    void aPlacesPageShowsTheDocumentsWrittenThere() {
        String cable = Seed.cable();
        String pyongyang = api().get("/documents/{d}", cable).then().statusCode(200).extract()
                .path("place_of_origin_id");
        try (Chromium chromium = Chromium.start()) {
            WebDriver browser = open(chromium);
            browser.get(root + "#/places/" + pyongyang);
            awaitReady(browser, "place");
            assertEquals("Pyongyang", browser.findElement(By.cssSelector("#main h1")).getText());
            WebElement written = browser.findElement(By.cssSelector("section.role[data-role='WRITTEN']"));
            assertThat(texts(written.findElements(By.cssSelector("li a"))), hasItem(Seed.CABLE_TITLE));
            assertNoCspViolation(chromium);
        }
    }

    @Test
    void thePolicyRefusesInlineStylesAndTheConsoleSaysSo() {
        // the control of assertNoCspViolation: a violation does reach the log it reads
        try (Chromium chromium = Chromium.start()) {
            WebDriver browser = open(chromium);
            browser.get(root.toString());
            awaitReady(browser, "browse");
            assertEquals(List.of(), cspViolations(chromium));
            ((JavascriptExecutor) browser).executeScript(
                    "document.body.insertAdjacentHTML('beforeend', '<p id=\"inline\" style=\"color: red\">x</p>')");
            new WebDriverWait(browser, Duration.ofSeconds(5)).withMessage("a CSP violation in the console")
                    .until(b -> !cspViolations(chromium).isEmpty());
            assertThat("the inline style was not applied",
                    browser.findElement(By.id("inline")).getCssValue("color"), not(equalTo("rgba(255, 0, 0, 1)")));
        }
    }

    private static WebDriver open(Chromium chromium) {
        WebDriver browser = chromium.driver();
        // wide enough for the margins beside the text
        browser.manage().window().setSize(new Dimension(1400, 1000));
        return browser;
    }

    private static void awaitReady(WebDriver browser, String view) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage("the " + view + " view")
                .until(b -> view.equals(b.findElement(By.id("main")).getDomAttribute("data-ready")));
    }

    private static List<String> texts(List<WebElement> elements) {
        return elements.stream().map(WebElement::getText).toList();
    }

    /** The text's own words in an element, without the marks drawn in (terms, note numbers, screen-reader text). */
    private static String words(WebDriver browser, WebElement element) {
        return (String) ((JavascriptExecutor) browser).executeScript("""
                const walker = document.createTreeWalker(arguments[0], NodeFilter.SHOW_TEXT);
                let text = '';
                while (walker.nextNode()) {
                  if (!walker.currentNode.parentElement.closest('.term, .sr-only, .note-ref, .marginal')) {
                    text += walker.currentNode.data;
                  }
                }
                return text;""", element);
    }

    /** The words of the paragraph before an element, without the marks drawn in (terms, screen-reader text). */
    private static String textBefore(WebDriver browser, WebElement element) {
        return (String) ((JavascriptExecutor) browser).executeScript("""
                const el = arguments[0];
                const para = el.closest('p');
                const walker = document.createTreeWalker(para, NodeFilter.SHOW_TEXT);
                let text = '';
                while (walker.nextNode()) {
                  const node = walker.currentNode;
                  if (el.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING || el.contains(node)) {
                    break;
                  }
                  if (!node.parentElement.closest('.term, .sr-only, .note-ref, .marginal')) {
                    text += node.data;
                  }
                }
                return text;""", element);
    }

    private static String pseudoContent(WebDriver browser, WebElement element, String pseudo) {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "return getComputedStyle(arguments[0], arguments[1]).content", element, pseudo);
    }

    /** Presses Tab until the 1950 bar has focus (or n times), naming what got focus on the way. */
    private static List<String> tabThrough(WebDriver browser, int n) {
        List<String> reached = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            WebElement active = browser.switchTo().activeElement();
            String id = active.getDomAttribute("id");
            String period = active.getDomAttribute("data-period");
            String name = active.getTagName() + (id != null ? "#" + id : "")
                    + (period != null ? "." + active.getDomAttribute("class").split(" ")[0] + "[" + period + "]" : "");
            reached.add(name);
            if (name.equals("a.bar[1950]")) {
                break;
            }
        }
        return reached;
    }

    private static void assertNoCspViolation(Chromium chromium) {
        List<String> violations = cspViolations(chromium);
        assertEquals(List.of(), violations, "CSP violations in the browser's console");
    }

    private static List<String> cspViolations(Chromium chromium) {
        return chromium.browserLog().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to")).toList();
    }
}
