package org.tezuo.app.ui.form;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * Settings of a rendered form besides its definition.
 *
 * @param locale language of the labels, options and help texts
 * @param zone the tenant's zone: date-time inputs show and store local time with this zone's offset
 * @param persons the users a person field offers, by user name
 */
public record FormContext(Locale locale, ZoneId zone, List<PersonChoice> persons) {

    public FormContext {
        persons = List.copyOf(persons);
    }

    /** A user that a person field offers: stored as the user name, shown as the display name. */
    public record PersonChoice(String username, String displayName) {
    }
}
