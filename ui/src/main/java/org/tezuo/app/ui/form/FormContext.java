package org.tezuo.app.ui.form;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Settings of a rendered form besides its definition.
 *
 * @param locale language of the labels, options and help texts
 * @param zone the tenant's zone: date-time inputs show and store local time with this zone's offset
 * @param persons the users a person field offers, by user name
 * @param orgUnits the org units an org-unit field offers, by code
 * @param files where photo, file and signature fields store their uploads, or null for a form that only shows
 *     stored files and accepts no new ones
 * @param states which fields are shown and required; {@link FieldStates#DECLARED} follows the schema alone
 * @param records the records a reference field offers, by entity name
 */
public record FormContext(Locale locale, ZoneId zone, List<PersonChoice> persons, List<OrgUnitChoice> orgUnits,
        @Nullable FormFiles files, FieldStates states, RecordChoices records) {

    public FormContext {
        persons = List.copyOf(persons);
        orgUnits = List.copyOf(orgUnits);
    }

    /** Creates a context whose reference fields offer no records and take a typed record id. */
    public FormContext(Locale locale, ZoneId zone, List<PersonChoice> persons, List<OrgUnitChoice> orgUnits,
            @Nullable FormFiles files, FieldStates states) {
        this(locale, zone, persons, orgUnits, files, states, RecordChoices.NONE);
    }

    /** Creates a context without org units and uploads, whose required fields are the schema's. */
    public FormContext(Locale locale, ZoneId zone, List<PersonChoice> persons) {
        this(locale, zone, persons, List.of(), null, FieldStates.DECLARED);
    }

    /** A user that a person field offers: stored as the user name, shown as the display name. */
    public record PersonChoice(String username, String displayName) {
    }

    /** An org unit that an org-unit field offers: stored as the code, shown as the name. */
    public record OrgUnitChoice(String code, String name) {
    }

    /** A record that a reference field offers: stored as the id, shown as the caption. */
    public record RecordChoice(long id, String caption) {
    }

    /** Finds the records of an entity that a reference field offers. */
    @FunctionalInterface
    public interface RecordChoices {

        /** Offers no records, so reference fields take a typed record id. */
        RecordChoices NONE = entity -> List.of();

        List<RecordChoice> of(String entity);
    }
}
