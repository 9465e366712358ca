package org.fonds.text;

import java.util.UUID;

/**
 * Fired (synchronously, inside the writing transaction) when a text's content changes, so that what is anchored
 * to it can be re-located. Observers must not throw for anchors they cannot re-locate: they flag them.
 */
public record TextChanged(UUID textId, String oldContent, String newContent) {
}
