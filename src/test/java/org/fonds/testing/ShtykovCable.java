package org.fonds.testing;

import java.util.List;

/**
 * The seed document every annotation feature is tested against: the ciphered telegram of Shtykov to Vyshinsky of
 * 30 May 1950 (Wilson Center Digital Archive, translated by Kathryn Weathersby), as sections of paragraphs with the
 * translator's bracketed notes left in the text, where anchors point at them.
 */
public final class ShtykovCable {

    public static final String TITLE = "Ciphered Telegram, Shtykov to Vyshinsky";
    public static final String DATE = "1950-05-30";

    public static final String ADDRESS =
            "To VYSHINSKY (for the Politburo [instantsiya]).";

    public static final String MEETING =
            "I met with Kim Il Sung, at his request, on 29 May. At the beginning of the conversation, Kim Il "
            + "Sung reported that the weapons and ammunition, which he had requested during [his] stay in Moscow, "
            + "had mainly already arrived. The weapons had been transported to the newly formed divisions, and the "
            + "delivery of weapons to the soldiers would be completed by 1 June. He then reported that he had gone "
            + "to the new divisions and familiarized himself with the progress of military training and thinks "
            + "that the divisions will be combat-ready by the end of June.";

    public static final String ATTACK =
            "Kim Il Sung reported that, at his order, the chief of the general staff had finished the drafting "
            + "of a decision in principle for an attack [nastuplenie]. The chief of the general staff reported the "
            + "plan to him together with Soviet General Vasil’yev. He approved the decision, which had been made "
            + "and the choice of the main blow during the attack. He asked me to meet with him, the chief of the "
            + "general staff, and Soviet General Vasil’yev in order to look over this decision together. I "
            + "declined such a joint meeting, referring to the fact that I would be familiarized with the decision "
            + "by General Vasil’yev.";

    public static final String NAVY =
            "Kim Il Sung then reported that they are finishing organizational issues in the army by 1 June. The "
            + "navy is somewhat behind as a consequence of the fact that they had still not received one trawler "
            + "and one large subchaser [okhotnik] from the USSR [Translator’s note: “one trawler” and “one large "
            + "subchaser” are circled]. The crews for these ships have been chosen, but they are not being trained "
            + "inasmuch as these ships are not available. He asked me to take appropriate measures to speed up the "
            + "arrival of the ships. I replied that according to the information available to me the ships would "
            + "be delivered to Korea at the beginning of June. Kim Il Sung then explained that their infantry "
            + "troops were ready to conduct combat operations. Of the 10 infantry divisions, seven were already "
            + "completely ready to conduct offensive operations. The tank brigade and the motorcycle regiment are "
            + "also ready. Three new rifle divisions finish training in June. This suits them since they are "
            + "designated for the second echelon.";

    public static final String MARGIN_NOTE =
            "[Translator’s note: there is a handwritten comment in the left margin next to the above paragraph "
            + "which is partly off the reproduced page and with a line drawn to lines 3-5 of the text: "
            + "“…mark…that…; still…to give…”]";

    public static final String TIMING =
            "He then explained that the southerners do not have complete information about the People’s Army and "
            + "its combat readiness. However, they are undertaking a series of steps right now to strengthen their "
            + "army, although there are no large changes in the South Korean army. Taking into consideration that "
            + "the People’s Army is prepared to conduct combat operations, he would like to begin military "
            + "operations against the South at the end of June. It is disadvantageous for the northerners to put "
            + "off the start of combat operations further for two reasons. First, the southerners might discover "
            + "their intentions and take steps to strengthen their army. Second, there might be heavy rains in "
            + "July and then the attack would have to be put off until September, and this is extremely "
            + "undesirable. Kim Il sung then explained that, according to a report of the chief of the general "
            + "staff, they would need 16 days to concentrate the troops. Accordingly, they should begin to move "
            + "the troops to the concentration area between 8 and 10 June. Kim Il Sung explained that this issue "
            + "had still not been put to the members of the Party political council for discussion, and it was "
            + "planned to raise this in the next few days, depending on the time for the start of operations. I "
            + "avoided a direct answer to his question about the time to begin combat operations, referring to the "
            + "fact that this is a serious issue and that he should consult with the military as to how much time "
            + "they need to prepare the troops and with the political council, and then make a final decision.";

    public static final String ADVISERS =
            "After the conversation with Kim Il Sung about these issues I called in advisers Generals Vasil’yev "
            + "and Postnikov in order to find out their opinion about the degree of readiness of the troops and "
            + "the reality of the time to begin combat operations at the end of June. Generals Vasil’yev and "
            + "Postnikov think that much time will be needed to concentrate the troops and for a detailed working "
            + "out of the operation with the commanders of divisions and regiments, and consequently, it would be "
            + "advisable to begin the operation in July. However, taking into consideration that there are heavy "
            + "rains in July and that having detected preparations for combat operations, the southerners would "
            + "begin to strengthen their army, they are inclined to [the view] that the preparations of the troops "
            + "of the People’s Army might be concluded and the operation begun at the end of June.";

    public static final String OPINION =
            "Inasmuch as Kim Il Sung is disposed to begin the operation at the end of June and that the "
            + "preparation of the troops might be concluded by this time, we might accordingly agree with this "
            + "time. Kim Il Sung then reported that they and Pak Heon-yeong [Pak Hon Yong] discussed a plan of "
            + "political measures, which envisions that a peaceful unification of the country is offered to the "
            + "southerners. In the beginning, they were thinking of acting in the name of the Fatherland Front and "
            + "then in the name of the government. He asked me to receive Pak Heon-yeong and help him draw up "
            + "these documents. I agreed.";

    public static final String REQUESTS =
            "At the end of the conversation, Kim Il Sung addressed a request to take appropriate steps to speed "
            + "up the delivery of the medicines ordered for the trade mission but not yet received and for "
            + "delivery of 10-15,000 tons of oil in June and July. Kim Il Sung stressed that they had a serious "
            + "situation with gasoline. I promised to take appropriate steps.";

    public static final String HANDWRITTEN_NOTE =
            "[Handwritten note in the Technical ?estimate? What else [[one word off the page]]”]";

    public static final String SUPPORT =
            "I support Kim Il Sung’s request for medicines, and they also have a great need for gasoline.";

    public static final String INSTRUCTIONS =
            "I request urgent instructions [be given] regarding the issues that were touched on.";

    private ShtykovCable() {
    }

    /** The translation as sections: the body, then the headed "Note:" and "My opinion.". */
    public static List<Section> sections() {
        return List.of(
                new Section(null, List.of(ADDRESS, MEETING, ATTACK, NAVY, MARGIN_NOTE, TIMING)),
                new Section("Note:", List.of(ADVISERS)),
                new Section("My opinion.", List.of(OPINION, REQUESTS, HANDWRITTEN_NOTE, SUPPORT, INSTRUCTIONS)));
    }

    /** The sections with one paragraph replaced, for edits of the text. */
    public static List<Section> sectionsWith(String paragraph, String replacement) {
        return sections().stream()
                .map(s -> new Section(s.heading(), s.paragraphs().stream()
                        .map(p -> p.equals(paragraph) ? replacement : p).toList()))
                .toList();
    }

    /** The content a text with these sections has: headings and paragraphs joined by a blank line. */
    public static String content(List<Section> sections) {
        List<String> blocks = new java.util.ArrayList<>();
        for (Section s : sections) {
            if (s.heading() != null) {
                blocks.add(s.heading());
            }
            blocks.addAll(s.paragraphs());
        }
        return String.join("\n\n", blocks);
    }

    public record Section(String heading, List<String> paragraphs) {
    }
}
