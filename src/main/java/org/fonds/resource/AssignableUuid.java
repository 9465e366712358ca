package org.fonds.resource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.EnumSet;
import org.hibernate.annotations.IdGeneratorType;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;
import org.hibernate.generator.EventTypeSets;
import org.hibernate.id.uuid.UuidVersion7Strategy;

/**
 * A time-ordered (version 7) UUID, unless the entity already has an id: an import that keeps the ids of its source
 * (a TEI file written by Fonds names every document, text and annotation) creates the resource under that id through
 * the same service as any other write ({@link VersionedService#create(java.util.UUID, java.util.UUID, Object)}).
 * Hibernate's own {@code @UuidGenerator} always generates; this is the smallest generator that allows an assigned id.
 */
@IdGeneratorType(AssignableUuid.Generator.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface AssignableUuid {

    final class Generator implements BeforeExecutionGenerator {

        @Override
        public Object generate(SharedSessionContractImplementor session, Object owner, Object currentValue,
                EventType eventType) {
            return currentValue != null ? currentValue : UuidVersion7Strategy.INSTANCE.generateUuid(session);
        }

        @Override
        public EnumSet<EventType> getEventTypes() {
            return EventTypeSets.INSERT_ONLY;
        }

        @Override
        public boolean allowAssignedIdentifiers() {
            return true;
        }
    }
}
