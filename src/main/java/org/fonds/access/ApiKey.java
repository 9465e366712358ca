package org.fonds.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;

/** A long-lived credential for scripts. Only the SHA-256 of its secret is stored; the secret is shown once. */
@Entity
@Table(name = "api_key")
public class ApiKey {

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Column(name = "secret_sha256", nullable = false, updatable = false)
    public byte[] secretSha256;

    /** The first characters of the secret, so that a key can be recognised in a list. */
    @Column(nullable = false, updatable = false)
    public String prefix;

    @Column(nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(nullable = false, updatable = false)
    public String createdBy;

    public OffsetDateTime revokedAt;

    public String revokedBy;

    @Version
    @Column(nullable = false)
    public long version;
}
