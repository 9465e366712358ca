package org.fonds.text;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class TextRepository implements PanacheRepositoryBase<Text, UUID> {

}
