package org.tezuo.app.permit;

import java.util.Locale;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.i18n.MessageBundle;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.form.definition.Label;

/**
 * An approver's risk confirmation that contradicts the permit, such as 已现场核查 for an item whose proving measure
 * is answered 否; no confirmation of the request is saved. The message comes from {@link PermitGateAction#BUNDLE},
 * and form labels among the arguments are rendered in the reader's language.
 */
public final class RiskConfirmationRefusedException extends LocalizedException {

    RiskConfirmationRefusedException(String messageKey, Object... arguments) {
        super(new MessageBundle(PermitGateAction.BUNDLE), messageKey, arguments);
    }

    @Override
    public String message(Locale locale) {
        Object[] arguments = arguments();
        for (int index = 0; index < arguments.length; index++) {
            if (arguments[index] instanceof Label label) {
                arguments[index] = label.text(locale);
            }
        }
        return UserMessages.render(PermitGateAction.BUNDLE, locale, messageKey(), arguments);
    }
}
