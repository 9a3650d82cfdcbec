package org.tezuo.app.org;

import org.tezuo.core.i18n.LocalizedException;

/**
 * Thrown when a change to the org structure is rejected: a broken kind hierarchy, a cycle, a duplicate code or
 * name, a unit that still has members, or a role change that would lock administrators out. Nothing is changed.
 * The message names the unit or user and the fix, from the core catalogue keys {@code org.design.*}.
 */
public final class OrgDesignException extends LocalizedException {

    public OrgDesignException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
