package org.fonds.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.fonds.transcript.Proposal.Mark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Hand-written cases, one or more per convention, and brackets that must not be classified. */
class TranscriptParserTest {

    private static Proposal parse(String text) {
        return TranscriptParser.parse(text);
    }

    private static Mark only(Proposal p) {
        assertEquals(1, p.marks().size(), p.marks().toString());
        return p.marks().get(0);
    }

    private static List<JsonNode> annotations(Proposal p, String type) {
        List<JsonNode> found = new ArrayList<>();
        p.entry().get("annotations").forEach(a -> {
            if (a.get("type").asText().equals(type)) {
                found.add(a);
            }
        });
        return found;
    }

    private static JsonNode single(Proposal p, String type) {
        List<JsonNode> found = annotations(p, type);
        assertEquals(1, found.size(), p.entry().toPrettyString());
        return found.get(0);
    }

    // ------------------------------------------------------------------------------------------------ terms, names

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "They planned an attack [nastuplenie] in June.|attack|nastuplenie|They planned an attack in June.",
        "one large subchaser [okhotnik] from the USSR|subchaser|okhotnik|one large subchaser from the USSR",
        "To VYSHINSKY (for the Politburo [instantsiya]).|the Politburo|instantsiya|To VYSHINSKY (for the Politburo).",
        "the work of the cell [yacheika], as before|cell|yacheika|the work of the cell, as before",
        "the kolkhoz chairman [predsedatel’] came|chairman|predsedatel’|the kolkhoz chairman came"})
    void aLowerCaseTransliteratedTokenAfterAWordIsItsTerm(String text, String anchored, String term, String clean) {
        Proposal p = parse(text);
        Mark m = p.marks().stream().filter(k -> k.kind().equals("FOREIGN_TERM")).findFirst().orElseThrow();
        assertEquals(anchored, m.anchors().get(0).exact());
        assertEquals("[" + term + "]", m.written());
        assertEquals(text.indexOf("[" + term), m.span().start());
        assertEquals(clean, p.content());
        JsonNode a = single(p, "FOREIGN_TERM");
        assertEquals(term, a.at("/foreign_term/term").asText());
        assertEquals("ru-Latn", a.at("/foreign_term/language").asText());
        assertTrue(m.confidence() >= 0.7, m.toString());
    }

    @Test
    void aCapitalisedBracketAfterANameIsItsVariant() {
        Proposal p = parse("Kim Il Sung then reported that they and Pak Heon-yeong [Pak Hon Yong] discussed a plan.");
        Mark m = only(p);
        assertEquals("NAME_VARIANT", m.kind());
        assertEquals("Pak Heon-yeong", m.anchors().get(0).exact());
        JsonNode mention = single(p, "MENTION").get("mention");
        assertEquals("Pak Heon-yeong", mention.get("name_as_written").asText());
        assertEquals("Pak Hon Yong", mention.get("variant_written_inline").asText());
        assertEquals("Kim Il Sung then reported that they and Pak Heon-yeong discussed a plan.", p.content());
        assertEquals("Pak Hon Yong", p.agents().get(0).variant());
        assertEquals("PERSON", p.agents().get(0).type());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "which he had requested during [his] stay in Moscow|his|which he had requested during his stay in Moscow",
        "they are inclined to [the view] that the troops|the view|they are inclined to the view that the troops",
        "I request urgent instructions [be given] regarding|be given|I request urgent instructions be given regarding",
        "[The] ships arrived.|The|The ships arrived.",
        "the troops [of the People’s Army] were ready|of the People’s Army|the troops of the People’s Army were ready",
        "he said [that] it was late|that|he said that it was late"})
    void otherWordsInBracketsAreSuppliedAndStayInTheText(String text, String words, String clean) {
        Proposal p = parse(text);
        Mark m = only(p);
        assertEquals("SUPPLIED", m.kind());
        assertEquals(words, m.anchors().get(0).exact());
        assertEquals(clean, p.content());
        assertEquals("Supplied by the editor: [" + words + "]", single(p, "SUPPLIED").at("/supplied/reason").asText());
    }

    // ------------------------------------------------------------------------------------------ readings, gaps, sic

    @Test
    void wordsBetweenQuestionMarksAreUncertainReadings() {
        Proposal p = parse("Handwritten in the Technical ?estimate? What else? Nothing.");
        Mark m = only(p);
        assertEquals("UNCERTAIN_READING", m.kind());
        assertEquals("?estimate?", m.written());
        assertEquals("estimate", m.anchors().get(0).exact());
        assertEquals("Handwritten in the Technical estimate What else? Nothing.", p.content());
        assertEquals("LOW", single(p, "UNCERTAIN_READING").at("/uncertain_reading/certainty").asText());
    }

    @Test
    void alternativeReadingsAndBracketedQuestionMarks() {
        Proposal p = parse("General ?Vasilyev/Vasiliev? came with Postnikov [?] and [Zakharov?].");
        assertEquals("General Vasilyev came with Postnikov and Zakharov.", p.content());
        List<JsonNode> readings = annotations(p, "UNCERTAIN_READING");
        assertEquals(3, readings.size());
        assertEquals("Vasiliev", readings.get(0).at("/uncertain_reading/alternatives/0").asText());
        assertEquals("Postnikov", readings.get(1).at("/targets/0/exact").asText());
        assertEquals("Zakharov", readings.get(2).at("/targets/0/exact").asText());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[[one word off the page]]|OFF_PAGE|1|WORDS",
        "[illegible]|ILLEGIBLE||",
        "[2 words illegible]|ILLEGIBLE|2|WORDS",
        "[three lines illegible]|ILLEGIBLE|3|LINES",
        "[text not declassified]|REDACTED||",
        "[1 line not declassified]|REDACTED|1|LINES",
        "[…]|OMITTED||",
        "[...]|OMITTED||",
        "[page torn]|DAMAGED||"})
    void gapsKeepTheirBracketAsPlaceholderWithReasonAndExtent(String gap, String reason, Integer quantity, String unit) {
        String text = "The ships would be delivered " + gap + " at the beginning of June.";
        Proposal p = parse(text);
        Mark m = only(p);
        assertEquals("GAP", m.kind());
        assertEquals(text, p.content());
        assertEquals(gap, m.anchors().get(0).exact());
        assertEquals(text.indexOf(gap), m.span().start());
        JsonNode g = single(p, "GAP").get("gap");
        assertEquals(reason, g.get("reason").asText());
        if (quantity == null) {
            assertFalse(g.has("extent"), g.toString());
        } else {
            assertEquals(quantity, g.at("/extent/quantity").asInt());
            assertEquals(unit, g.at("/extent/unit").asText());
        }
    }

    @Test
    void sicIsAnEditorsNoteOnTheWordBefore() {
        Proposal p = parse("The ships were recieved [sic] in June.");
        Mark m = only(p);
        assertEquals("SIC", m.kind());
        assertEquals("recieved", m.anchors().get(0).exact());
        assertEquals("The ships were recieved in June.", p.content());
        assertTrue(single(p, "EDITOR_NOTE").get("note_text").asText().startsWith("sic"));
    }

    // ------------------------------------------------------------------------------------------------------ notes

    @Test
    void aNoteOnQuotedWordsThatAreCircledAlsoGivesTheCircling() {
        Proposal p = parse("they had still not received one trawler and one large subchaser from the USSR "
                + "[Translator’s note: “one trawler” and “one large subchaser” are circled]. The crews are chosen.");
        assertEquals("they had still not received one trawler and one large subchaser from the USSR. "
                + "The crews are chosen.", p.content());
        JsonNode note = single(p, "TRANSLATOR_NOTE");
        assertEquals("“one trawler” and “one large subchaser” are circled", note.get("note_text").asText());
        assertEquals(List.of("one trawler", "one large subchaser"), exacts(note));
        JsonNode circling = single(p, "MARGINALIA");
        assertEquals("CIRCLING", circling.at("/marginalia/kind").asText());
        assertEquals("OVER_TEXT", circling.at("/marginalia/position").asText());
        assertEquals("@" + note.get("key").asText(), circling.at("/marginalia/reported_by_id").asText());
        assertEquals(List.of("one trawler", "one large subchaser"), exacts(circling));
    }

    @Test
    void aNoteOnTheAboveParagraphDescribingAMarginalCommentGivesTheComment() {
        Proposal p = parse("First paragraph of the cable.\n\n"
                + "Second paragraph, with a comment beside it.\n\n"
                + "[Editor's note: there is a handwritten comment in the right margin next to the above paragraph, "
                + "in pencil, with an arrow to lines 2-4: “agreed…”]\n\nThird paragraph.");
        assertEquals("First paragraph of the cable.\n\nSecond paragraph, with a comment beside it.\n\nThird paragraph.",
                p.content());
        JsonNode note = single(p, "EDITOR_NOTE");
        assertEquals(List.of("Second paragraph, with a comment beside it."), exacts(note));
        JsonNode m = single(p, "MARGINALIA").get("marginalia");
        assertEquals("COMMENT", m.get("kind").asText());
        assertEquals("RIGHT", m.get("position").asText());
        assertEquals("ARROW", m.get("connector").asText());
        assertEquals("pencil", m.get("medium").asText());
        assertEquals("agreed", m.at("/transcription/text").asText());
        assertEquals(6, m.at("/transcription/gaps/0/after").asInt());
        assertEquals("ILLEGIBLE", m.at("/transcription/gaps/0/reason").asText());
        JsonNode target = single(p, "MARGINALIA").at("/targets/0");
        assertEquals(2, target.get("line_start").asInt());
        assertEquals(4, target.get("line_end").asInt());
        assertEquals("RIGHT", target.get("margin").asText());
    }

    @Test
    void aNoteWithoutReferentsIsOnTheSentenceBeforeIt() {
        Proposal p = parse("The plan was approved. The attack begins in June [Note: the date is written over an "
                + "erasure] and ends in July.");
        JsonNode note = single(p, "TRANSLATOR_NOTE");
        assertEquals(List.of("The attack begins in June"), exacts(note));
        assertEquals("The plan was approved. The attack begins in June and ends in July.", p.content());
    }

    @Test
    void handwritingAndStampsAreMarginaliaWithTheirWords() {
        Proposal p = parse("I agree with the proposal.\n\n[handwritten: Agreed. ?Stalin?]\n\n"
                + "The ships will come.\n\n[stamp: Archive of the President]");
        assertEquals("I agree with the proposal.\n\nThe ships will come.", p.content());
        List<JsonNode> marginalia = annotations(p, "MARGINALIA");
        assertEquals(2, marginalia.size());
        assertEquals("COMMENT", marginalia.get(0).at("/marginalia/kind").asText());
        assertEquals("Agreed. Stalin", marginalia.get(0).at("/marginalia/transcription/text").asText());
        assertEquals("Stalin", marginalia.get(0).at("/marginalia/transcription/uncertain/0/reading").asText());
        assertEquals(List.of("I agree with the proposal."), exacts(marginalia.get(0)));
        assertEquals("STAMP", marginalia.get(1).at("/marginalia/kind").asText());
        assertEquals("Archive of the President", marginalia.get(1).at("/marginalia/transcription/text").asText());
        assertEquals(List.of("The ships will come."), exacts(marginalia.get(1)));
        assertTrue(annotations(p, "TRANSLATOR_NOTE").isEmpty(), "no note: the brackets are the hand's words");
        List<String> kinds = p.marks().stream().map(Mark::kind).toList();
        assertEquals(List.of("HANDWRITTEN", "UNCERTAIN_READING", "STAMP"), kinds);
    }

    // ---------------------------------------------------------------------------------------------------- headers

    @Test
    void headersBecomeTheDocumentsFieldsAndParticipantsAndLeaveTheText() {
        Proposal p = parse(String.join("\n",
                "Strictly Secret",
                "Copy No. 3",
                "Ciphered telegram",
                "Nos. 408-410",
                "From: Pyongyang, Shtykov",
                "To: Moscow, Vyshinsky",
                "Copies: Stalin (copy 1), Molotov (copy 2)",
                "301340Z MAY 50",
                "",
                "I met with Kim Il Sung.",
                "",
                "SHTYKOV"));
        assertEquals("I met with Kim Il Sung.\n\nSHTYKOV", p.content());
        JsonNode d = p.entry().get("document");
        assertEquals("CABLE", d.get("kind").asText());
        assertEquals("Strictly Secret", d.get("classification").asText());
        assertEquals("1950-05-30", d.get("date").asText());
        assertEquals("1950-05-30T13:40Z", d.get("dispatched").asText());
        assertTrue(d.get("reference_numbers").toString().contains("408-410"), d.toString());
        assertEquals("Ciphered telegram from Pyongyang to Moscow", d.get("title").asText().substring(0, 42));
        List<String> roles = p.participants().stream().map(x -> x.role() + " " + x.nameAsWritten()
                + (x.copyNumber() == null ? "" : " #" + x.copyNumber())).toList();
        assertTrue(roles.containsAll(List.of("COPY_RECIPIENT Stalin #1", "COPY_RECIPIENT Molotov #2",
                "SIGNATORY SHTYKOV")), roles.toString());
        List<String> fields = p.headers().stream().map(Proposal.Header::field).toList();
        assertTrue(fields.containsAll(List.of("CLASSIFICATION", "COPY_NUMBER", "KIND", "NUMBER", "FROM", "TO",
                "COPIES", "DATE_TIME_GROUP")), fields.toString());
    }

    @Test
    void theAddressLineStaysAndNamesTheRecipientAndTheBodyItGoesThrough() {
        Proposal p = parse("To VYSHINSKY (for the Politburo [instantsiya]).\n\nI met with Kim Il Sung.\n\nSHTYKOV");
        List<String> roles = p.participants().stream().map(x -> x.role() + " " + x.nameAsWritten()).toList();
        assertEquals(List.of("RECIPIENT VYSHINSKY", "VIA the Politburo", "SENDER SHTYKOV"), roles);
        assertEquals("ORGANISATION", p.agents().get(1).type());
        assertEquals(3, annotations(p, "MENTION").size());
        assertTrue(p.content().startsWith("To VYSHINSKY (for the Politburo)."));
    }

    @Test
    void shortLinesBetweenParagraphsAreHeadings() {
        Proposal p = parse("First paragraph here.\n\nNote:\n\nA note paragraph.\n\nMy opinion.\n\nWe agree.");
        assertEquals(List.of("Note:", "My opinion."), p.sections().stream().skip(1).map(s -> s.heading()).toList());
        assertNull(p.sections().get(0).heading());
    }

    @Test
    void aWordTheRunningTextUsesIsSuppliedNotATerm() {
        Proposal p = parse("Three divisions are ready. Seven divisions [ready] for the attack [nastuplenie].");
        List<String> kinds = p.marks().stream().map(Mark::kind).toList();
        assertEquals(List.of("SUPPLIED", "FOREIGN_TERM"), kinds);
        assertEquals("Three divisions are ready. Seven divisions ready for the attack.", p.content());
    }

    @Test
    void notesNamedWithAbbreviations() {
        Proposal p = parse("The plan was approved [Ed. note: the word is underlined]. It was [Trans. note: sic] late.");
        assertEquals(1, annotations(p, "EDITOR_NOTE").size());
        assertEquals(1, annotations(p, "TRANSLATOR_NOTE").size());
        assertEquals("The plan was approved. It was late.", p.content());
    }

    @Test
    void subjectNumericDatesCopyLinesAndSignedLines() {
        Proposal p = parse(String.join("\n",
                "Subject: Weapons for the KPA",
                "Date: 30.5.1950",
                "Copy No. 1 – Stalin",
                "",
                "The weapons have arrived.",
                "",
                "/s/ Dean Acheson"));
        assertEquals("The weapons have arrived.\n\n/s/ Dean Acheson", p.content());
        assertEquals("1950-05-30", p.entry().at("/document/date").asText());
        assertTrue(p.entry().at("/document/title").asText().endsWith(": Weapons for the KPA"));
        List<String> roles = p.participants().stream().map(x -> x.role() + " " + x.nameAsWritten()
                + (x.copyNumber() == null ? "" : " #" + x.copyNumber())).toList();
        assertEquals(List.of("COPY_RECIPIENT Stalin #1", "SENDER Dean Acheson"), roles);
    }

    @Test
    void aNameInBracketsAloneAtTheEndIsASuppliedSignature() {
        Proposal p = parse("From: Department of State\n\nThe weapons have arrived.\n\n[Acheson]");
        assertEquals("The weapons have arrived.\n\nAcheson", p.content());
        assertEquals("SIGNATORY Acheson", p.participants().get(1).role() + " " + p.participants().get(1).nameAsWritten());
        Mark signature = p.marks().stream().filter(m -> m.kind().equals("SIGNATURE")).findFirst().orElseThrow();
        assertEquals("[Acheson]", p.normalized().substring(signature.span().start(), signature.span().end()));
        assertEquals(1, annotations(p, "SUPPLIED").size());
    }

    @Test
    void aTelegramWrittenForThisTestInTheSameConventions() throws java.io.IOException {
        Proposal p = parse(TranscriptSeedTest.resource("transcript/beijing-telegram.txt"));
        List<String> marks = p.marks().stream().map(m -> m.kind() + " " + m.written() + " > "
                + m.anchors().stream().map(Proposal.Anchor::exact).toList()).toList();
        assertEquals(List.of(
                "NAME_VARIANT [Stalin] > [Filippov]",
                "NAME_VARIANT [Pak Hon Yong] > [Pak Heon-yeong]",
                "SUPPLIED [me] > [me]",
                "NAME_VARIANT [Stalin] > [Comrade Filippov]",
                "NAME_VARIANT [Mao Tse-tung] > [Mao Zedong]",
                "FOREIGN_TERM [ob\"edinenie] > [unification]",
                "SUPPLIED [with the Soviet side] > [with the Soviet side]",
                "GAP [2 lines not declassified] > [[2 lines not declassified]]",
                "GAP [illegible] > [[illegible]]",
                "TRANSLATOR_NOTE [Translator's note: the words \"will not intervene\" are underlined twice in pencil.] "
                        + "> [will not [illegible] intervene]",
                "FOREIGN_TERM [boepripasy] > [ammunition]",
                "UNCERTAIN_READING ?training? > [training]",
                "FOREIGN_TERM [kadry] > [cadres]",
                "FOREIGN_TERM [narodnaya armiya] > [army]",
                "HANDWRITTEN [Handwritten in the left margin: \"Agreed. Issue the order.\" Signature illegible.] "
                        + "> [They said that their army is ready.]",
                "STAMP [stamp: Archive of the President of the Russian Federation] > [They said that their army is "
                        + "ready.]",
                "SIGNATURE ROSHCHIN > [ROSHCHIN]"), marks);
        assertEquals(List.of(), p.unclassified());
        JsonNode underlining = annotations(p, "MARGINALIA").get(0).get("marginalia");
        assertEquals("UNDERLINING", underlining.get("kind").asText());
        assertFalse(underlining.has("transcription"), "the quoted words are the ones underlined, not a hand's words");
        JsonNode comment = annotations(p, "MARGINALIA").get(1).get("marginalia");
        assertEquals("LEFT", comment.get("position").asText());
        assertEquals("Agreed. Issue the order.", comment.at("/transcription/text").asText());
        assertEquals("TOP SECRET", p.entry().at("/document/classification").asText());
    }

    @Test
    void anEditionsHeadingMarkingsSideBySideAndATimeOfDay() throws java.io.IOException {
        Proposal p = parse(TranscriptSeedTest.resource("transcript/washington-telegram.txt"));
        JsonNode d = p.entry().get("document");
        assertEquals("Telegram: The Secretary of State to the Embassy in Korea", d.get("title").asText());
        assertEquals("SECRET", d.get("classification").asText());
        assertEquals("NIACT", d.get("handling").asText());
        assertEquals("1950-06-25", d.get("date").asText());
        assertEquals("1950-06-25T21:00", d.get("dispatched").asText());
        assertTrue(p.content().startsWith("935. For Muccio."), p.content());
        JsonNode term = single(p, "FOREIGN_TERM");
        assertEquals("zh-Latn", term.at("/foreign_term/language").asText());
        // a number after a number: the one the editors read
        assertEquals(List.of(), p.unclassified().stream().map(Proposal.Unclassified::written).toList());
        assertTrue(p.marks().stream().anyMatch(m -> m.kind().equals("SUPPLIED") && m.written().equals("[926]")),
                p.marks().toString());
    }

    @Test
    void aWrappedFirstLineWithToInItIsNoHeading() {
        Proposal p = parse("Kim Il Sung reported to Stalin that the\ndivisions are ready.");
        assertTrue(p.headers().isEmpty(), p.headers().toString());
        assertEquals("Kim Il Sung reported to Stalin that the\ndivisions are ready.", p.content());
    }

    @ParameterizedTest
    @CsvSource({"nastuplenie,ru-Latn", "okhotnik,ru-Latn", "instantsiya,ru-Latn", "predsedatel’,ru-Latn",
        "kadry,ru-Latn", "kangmei yuanchao,zh-Latn", "xiafang,zh-Latn", "jeongchi,ko-Latn", "sŏnggun,ko-Latn"})
    void theLanguageOfATermByItsLook(String term, String language) {
        assertEquals(language, Words.languageOf(term));
    }

    @ParameterizedTest
    @CsvSource({"[p. 3],3", "[Page 2],2", "[l. 105],105", "[folio 7v],7v", "[End of page 4],5", "[P. iv],iv"})
    void aPageNumberInBracketsIsAPageBreakAtTheNextWord(String bracket, String n) {
        Proposal p = parse("The weapons had arrived " + bracket + " by June.");
        assertEquals("The weapons had arrived by June.", p.content());
        assertEquals(List.of("PAGE_BREAK"), p.marks().stream().map(Proposal.Mark::kind).toList());
        assertEquals("by", p.marks().get(0).anchors().get(0).exact());
        assertEquals(List.of(), p.unclassified());
        JsonNode annotation = p.entry().get("annotations").get(0);
        assertEquals("PAGE_BREAK", annotation.get("type").asText());
        assertEquals(n, annotation.at("/page_break/n").asText());
    }

    @Test
    void aPageNumberAloneOnItsLineStartsThePageAtTheNextParagraph() {
        Proposal p = parse("The weapons had arrived.\n\n[Page 2]\n\nThe navy is behind.");
        assertEquals("The weapons had arrived.\n\nThe navy is behind.", p.content());
        assertEquals("The", p.marks().get(0).anchors().get(0).exact());
        assertEquals(p.content().indexOf("The navy"), p.marks().get(0).anchors().get(0).start());
    }

    // -------------------------------------------------------------------------------------------- not classified

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[12]", "[p. 3 above]", "[Attachment: list of weapons]", "[page break]"})
    void bracketsOfNoConventionAreReportedAndStayAsWritten(String bracket) {
        String text = "The weapons had arrived " + bracket + " by June.";
        Proposal p = parse(text);
        assertEquals(text, p.content());
        assertEquals(List.of(), p.marks());
        assertEquals(1, p.unclassified().size());
        assertEquals(bracket, p.unclassified().get(0).written());
        assertEquals(text.indexOf(bracket), p.unclassified().get(0).span().start());
        assertTrue(p.entry().get("annotations").isEmpty());
    }

    @Test
    void unbalancedBracketsAreReportedAndStay() {
        Proposal p = parse("The weapons [had arrived by June.\n\nThe ships] came.");
        assertEquals("The weapons [had arrived by June.\n\nThe ships] came.", p.content());
        assertEquals(List.of("[", "]"), p.unclassified().stream().map(Proposal.Unclassified::written).toList());
        assertEquals(2, p.unclassified().get(1).span().line() - 1);
    }

    @Test
    void questionMarksOfPlainQuestionsAreNotReadings() {
        Proposal p = parse("Why? What else? Is it ready? - Yes.");
        assertEquals(List.of(), p.marks());
    }

    @Test
    void spansCountInTheNormalizedTextWithLinesAndColumns() {
        Proposal p = parse("\uFEFFFirst line.\r\nSecond [his] line.\r\n");
        Mark m = only(p);
        assertEquals(2, m.span().line());
        assertEquals(8, m.span().column());
        assertEquals("[his]", p.normalized().substring(m.span().start(), m.span().end()));
        assertEquals(p.sourceId(), parse("First line.\nSecond [his] line.").sourceId());
    }

    private static List<String> exacts(JsonNode annotation) {
        List<String> exacts = new ArrayList<>();
        annotation.get("targets").forEach(t -> exacts.add(t.get("exact").asText()));
        return exacts;
    }
}
