package org.fonds.participant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.fonds.resource.DocumentPart;
import java.time.LocalDate;
import java.util.UUID;

/** An agent's role in a document, with the name as written and the sending or receiving action where known. */
@Entity
@Table(name = "participant")
public class Participant extends DocumentPart {

    @Column(nullable = false)
    public UUID agentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ParticipantRole role;

    @Column(nullable = false)
    public int position;

    public String nameAsWritten;

    public String office;

    public String copyNumber;

    public UUID placeId;

    public String dateEdtf;

    public LocalDate dateEarliest;

    public LocalDate dateLatest;

    /** A signature the editors supplied ("[Acheson]"): the copy they printed from bears none. */
    @Column(nullable = false)
    public boolean supplied;
}
