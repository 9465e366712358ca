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

    @Column(name = "agent_id", nullable = false)
    public UUID agentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ParticipantRole role;

    @Column(nullable = false)
    public int position;

    @Column(name = "name_as_written")
    public String nameAsWritten;

    public String office;

    @Column(name = "copy_number")
    public String copyNumber;

    @Column(name = "place_id")
    public UUID placeId;

    @Column(name = "date_edtf")
    public String dateEdtf;

    @Column(name = "date_earliest")
    public LocalDate dateEarliest;

    @Column(name = "date_latest")
    public LocalDate dateLatest;
}
