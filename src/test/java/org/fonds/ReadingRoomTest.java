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
import io.restassured.http.ContentType;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fonds.testing.Agents;
import org.fonds.testing.Chromium;
import org.fonds.testing.Documents;
import org.fonds.testing.Places;
import org.fonds.testing.Seed;
import org.fonds.testing.Texts;
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

    /**
     * The header of a document (kind as written, date, reference numbers, classification, sender with the name as
     * written, source citation), its original and translation side by side, and its sender's page with offices and
     * identifiers: a document the sample archive lacks these for, made here.
     */
    @Test
    void aDocumentsHeaderAndItsTextsSideBySideAndItsSendersPage() {
        String mark = "Sbs" + System.nanoTime();
        String place = Places.pyongyang().create();
        String sender = Agents.shtykov().office("Soviet ambassador to the DPRK", null, "1948", "1950")
                .identifier("WIKIDATA", "Q4348186").create();
        String doc = Documents.cable().title("Side by side " + mark).set("visibility", "PUBLISHED")
                .set("kind_as_written", "Ciphered telegram").set("classification", "Top secret")
                .set("reference_numbers", List.of("408-410")).set("place_of_origin_id", place)
                .set("source", Map.of("repository", "APRF", "fond", "45", "opis", "1", "delo", "346",
                        "citation", "Archive of the President of the Russian Federation"))
                .create();
        api().contentType(ContentType.JSON).body(Map.of("agent_id", sender, "role", "SENDER",
                "name_as_written", "Shtykov")).post("/documents/{d}/participants", doc).then().statusCode(201);
        String english = Texts.opening().create(doc);
        String russian = Texts.empty().set("role", "ORIGINAL").set("language", "ru").set("translator_name", null)
                .section(null, "Встретился с Ким Ир Сеном по его просьбе 29 мая.").create(doc);
        try (Chromium chromium = Chromium.start()) {
            WebDriver browser = chromium.driver();
            // wide enough for two columns of 40rem side by side
            browser.manage().window().setSize(new Dimension(1700, 1000));
            browser.get(root + "#/documents/" + doc);
            awaitReady(browser, "document");

            Map<String, String> facts = new java.util.LinkedHashMap<>();
            List<WebElement> terms = browser.findElements(By.cssSelector("dl.facts > dt"));
            List<WebElement> values = browser.findElements(By.cssSelector("dl.facts > dd"));
            for (int i = 0; i < terms.size(); i++) {
                facts.put(terms.get(i).getText(), values.get(i).getText());
            }
            assertThat(facts.get("Kind"), startsWith("Ciphered telegram"));
            assertThat(facts.get("Date"), containsString("1950"));
            assertEquals("408-410", facts.get("Reference numbers"));
            assertEquals("Top secret", facts.get("Classification"));
            assertEquals("Shtykov", browser.findElement(By.cssSelector("dl.facts ul.participants .name-as-written"))
                    .getText(), "the sender's name as written");
            assertThat(facts.get("Source"), containsString("APRF, Fond 45, Opis 1, Delo 346"));
            assertThat(facts.get("Source"), containsString("Archive of the President of the Russian Federation"));

            // the original and its translation side by side: two columns, the same top, one beside the other
            WebElement original = browser.findElement(By.cssSelector(".text-column[data-text='" + russian + "']"));
            WebElement translation = browser.findElement(By.cssSelector(".text-column[data-text='" + english + "']"));
            assertEquals("ru", original.getDomAttribute("lang"));
            assertEquals("en", translation.getDomAttribute("lang"));
            for (WebElement column : List.of(original, translation)) {
                assertThat(column.getDomAttribute("class"), containsString("side-by-side"));
            }
            Rectangle ru = original.getRect();
            Rectangle en = translation.getRect();
            assertEquals(ru.getY(), en.getY(), "side by side, not one below the other: " + ru + " " + en);
            assertTrue(ru.getX() + ru.getWidth() <= en.getX() || en.getX() + en.getWidth() <= ru.getX(),
                    "the columns overlap: " + ru + " " + en);
            assertThat(original.getText(), containsString("Встретился с Ким Ир Сеном"));

            // the page describes its document for search engines: its schema.org JSON-LD in the head
            String described = new WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                    .until(b -> (String) ((JavascriptExecutor) b).executeScript(
                            "const e = document.head.querySelector('script[type=\"application/ld+json\"]');"
                                    + " return e && e.textContent;"));
            assertThat(described, containsString("\"ArchiveComponent\""));
            assertThat(described, containsString("Side by side " + mark));

            // the sender's page: the office and the identifier, linked to its authority
            browser.findElement(By.cssSelector("dl.facts ul.participants a.name-as-written")).click();
            awaitReady(browser, "agent");
            assertEquals(0L, ((JavascriptExecutor) browser).executeScript(
                    "return document.head.querySelectorAll('script[type=\"application/ld+json\"]').length"),
                    "another view describes no document");
            String page = browser.findElement(By.id("main")).getText();
            assertThat(page, containsString("Soviet ambassador to the DPRK"));
            WebElement wikidata = browser.findElement(
                    By.cssSelector("a[href='https://www.wikidata.org/wiki/Q4348186']"));
            assertEquals("Q4348186", wikidata.getText());
            assertThat(page, containsString("Wikidata: Q4348186"));
            assertNoCspViolation(chromium);
        }
    }

    /**
     * The seed cable's foreign terms beside their words and its supplied words in their own style; the page's
     * landmarks, labels and headings; every visible text's contrast (WCAG AA); and the text at twice its size still
     * fits the window (no scrolling sideways), with every word still there.
     */
    @Test
    void theSeedCablesTermsAndSuppliedWordsAndAReadablePageAtTwiceTheTextSize() {
        String cable = Seed.cable();
        try (Chromium chromium = Chromium.start()) {
            WebDriver browser = chromium.driver();
            browser.manage().window().setSize(new Dimension(1280, 1000));
            browser.get(root + "#/documents/" + cable);
            awaitReady(browser, "document");
            JavascriptExecutor js = (JavascriptExecutor) browser;

            // the foreign term right after the English words it stands for, in its language
            WebElement term = browser.findElement(By.xpath("//span[contains(@class, 'term')][i='nastuplenie']"));
            assertEquals("ru-Latn", term.findElement(By.tagName("i")).getDomAttribute("lang"));
            assertEquals("\"[\"", pseudoContent(browser, term, "::before"));
            assertEquals("\"]\"", pseudoContent(browser, term, "::after"));
            WebElement attack = browser.findElement(By.cssSelector(
                    ".foreign[data-annotation='" + term.getDomAttribute("data-annotation") + "']"));
            assertEquals("attack", words(browser, attack));
            assertThat(textBefore(browser, term), endsWith("attack"));

            // the supplied words: italic, bracketed by the style sheet
            List<WebElement> supplied = browser.findElements(By.cssSelector("#main .supplied"));
            assertEquals(List.of("his", "the view", "be given"), supplied.stream().map(e -> words(browser, e))
                    .toList());
            for (WebElement s : supplied) {
                assertEquals("italic", s.getCssValue("font-style"));
                assertEquals("\"[\"", pseudoContent(browser, s, "::before"));
                assertEquals("\"]\"", pseudoContent(browser, s, "::after"));
            }

            // landmarks: one banner, one main, one contentinfo, named navigations; one h1; labelled controls
            assertEquals(Map.of("banner", 1L, "main", 1L, "contentinfo", 1L, "h1", 1L, "unnamedNav", 0L,
                    "unlabelledControls", 0L, "imagesWithoutAlt", 0L), js.executeScript("""
                    const count = s => document.querySelectorAll(s).length;
                    return {
                      banner: count('body > header'), main: count('main'), contentinfo: count('body > footer'),
                      h1: count('h1'),
                      unnamedNav: [...document.querySelectorAll('nav')].filter(n => !n.getAttribute('aria-label')
                        && !n.getAttribute('aria-labelledby')).length,
                      unlabelledControls: [...document.querySelectorAll('input, select, textarea')].filter(c =>
                        c.type !== 'hidden' && !c.labels.length && !c.getAttribute('aria-label')).length,
                      imagesWithoutAlt: [...document.querySelectorAll('img')].filter(i => !i.hasAttribute('alt'))
                        .length,
                    };"""));
            assertEquals("en", browser.findElement(By.tagName("html")).getDomAttribute("lang"));

            assertEquals(List.of(), lowContrast(js), "text below WCAG AA contrast");

            // the reader's text size doubled (every size is in rem or em): nothing scrolls sideways, nothing is lost
            String before = browser.findElement(By.cssSelector(".text-column")).getText();
            js.executeScript("document.documentElement.style.fontSize = '200%'");
            assertEquals("32px", browser.findElement(By.tagName("html")).getCssValue("font-size"));
            Number overflow = (Number) js.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertEquals(0, overflow.intValue(), "the page scrolls sideways at twice the text size");
            assertEquals(before, browser.findElement(By.cssSelector(".text-column")).getText());
            assertEquals(List.of(), lowContrast(js), "text below WCAG AA contrast at twice the size");
            assertNoCspViolation(chromium);
            // the control of lowContrast: a pale grey on the paper is seen
            js.executeScript("const p = document.createElement('p'); p.textContent = 'Pale words';"
                    + " p.style.color = '#c8c8c8'; document.getElementById('main').append(p);");
            assertThat(lowContrast(js), hasItem(startsWith("p. \"Pale words\"")));
        }
    }

    /** Visible text whose colour on its background is below WCAG 2 AA (4.5:1, large text 3:1), as "element: ratio". */
    @SuppressWarnings("unchecked")
    private static List<String> lowContrast(JavascriptExecutor js) {
        return (List<String>) js.executeScript("""
                const rgba = s => (s.match(/[0-9.]+/g) || []).map(Number);
                const luminance = ([r, g, b]) => [r, g, b].map(v => v / 255)
                  .map(v => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
                  .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
                // the nearest opaque background, the colours between composed over it
                const background = el => {
                  const layers = [];
                  for (let e = el; e; e = e.parentElement) {
                    const c = rgba(getComputedStyle(e).backgroundColor);
                    if (c.length === 3 || c[3] > 0) {
                      layers.push(c);
                      if (c.length === 3 || c[3] === 1) break;
                    }
                  }
                  let base = [255, 255, 255];
                  for (const c of layers.reverse()) {
                    const a = c.length === 4 ? c[3] : 1;
                    base = base.map((v, i) => c[i] * a + v * (1 - a));
                  }
                  return base;
                };
                const low = [];
                const seen = new Set();
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                while (walker.nextNode()) {
                  const el = walker.currentNode.parentElement;
                  if (!walker.currentNode.data.trim() || seen.has(el)) continue;
                  seen.add(el);
                  const style = getComputedStyle(el);
                  const box = el.getBoundingClientRect();
                  if (el.closest('.sr-only, [hidden], noscript, details:not([open]) > :not(summary)')
                      || !box.width || !box.height || style.visibility !== 'visible' || box.bottom < 0) continue;
                  const bg = background(el);
                  const c = rgba(style.color);
                  const a = c.length === 4 ? c[3] : 1;
                  const fg = [0, 1, 2].map(i => c[i] * a + bg[i] * (1 - a));
                  const [l1, l2] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
                  const ratio = (l1 + 0.05) / (l2 + 0.05);
                  const size = parseFloat(style.fontSize);
                  const large = size >= 24 || (Number(style.fontWeight) >= 700 && size >= 18.66);
                  if (ratio < (large ? 3 : 4.5)) {
                    low.push(`${el.tagName.toLowerCase()}.${el.className} "${walker.currentNode.data.trim()
                      .slice(0, 30)}": ${ratio.toFixed(2)}`);
                  }
                }
                return low;""");
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
    void aSearchNarrowsByAFacetAndAPeriodShowsItsTimeline() {
        try (Chromium chromium = Chromium.start()) {
            WebDriver browser = open(chromium);
            browser.get(root + "#/search?q=trawler");
            awaitReady(browser, "browse");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
            WebElement cables = wait.withMessage("the kind facet").until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector(".facets a[data-facet='kind'][data-value='CABLE']")));
            assertThat(cables.getText(), startsWith("Cable ("));
            assertThat(browser.findElements(By.cssSelector(".facets a[data-facet='has_marginalia']")), not(empty()));
            cables.click();
            wait.withMessage("the kind facet selected").until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector(".facets a[data-facet='kind'][data-value='CABLE'][aria-current='true']")));
            assertThat(browser.getCurrentUrl(), containsString("kind=CABLE"));
            wait.withMessage("the hits of the narrowed search").until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector(".results .hit")));
            assertThat(texts(browser.findElements(By.cssSelector(".results .hit h3 a"))), hasItem(Seed.CABLE_TITLE));
            for (WebElement meta : browser.findElements(By.cssSelector(".results .hit .meta"))) {
                assertThat(meta.getText(), startsWith("Cable"));
            }

            // a month of the histogram shows the timeline of that month: the cable written, the dates it names
            browser.get(root + "#/dates/1950-05");
            awaitReady(browser, "browse");
            wait.withMessage("the timeline of May 1950").until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector(".timeline .timeline-list li.entry")));
            assertEquals("The timeline of May 1950", browser.findElement(By.id("timeline-title")).getText());
            assertThat(texts(browser.findElements(By.cssSelector(".timeline li.entry-written .entry-body a"))),
                    hasItem(Seed.CABLE_TITLE));
            assertThat(browser.findElements(By.cssSelector(".timeline li.entry-mentioned")), not(empty()));
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
