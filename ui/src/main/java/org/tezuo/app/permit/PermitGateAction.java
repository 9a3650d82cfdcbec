package org.tezuo.app.permit;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.workflow.action.FlowAction;
import org.tezuo.workflow.action.FlowActionContext;
import org.tezuo.workflow.action.FlowActionResult;
import org.tezuo.workflow.definition.Label;

/**
 * A gate of an approval chain that checks the permit the process runs for. A process whose business key is not a
 * permit, or whose permit is missing, fails the gate: a check that cannot see its permit must not let it pass.
 */
abstract class PermitGateAction implements FlowAction {

    /** Bundle of the reasons a gate fails, {@code org/tezuo/app/permit/messages*.properties}. */
    static final String BUNDLE = "org.tezuo.app.permit.messages";

    private final PermitStore permits;

    PermitGateAction(PermitStore permits) {
        this.permits = permits;
    }

    @Override
    public final FlowActionResult execute(FlowActionContext context) {
        long permitId = PermitSubmitter.permitIdOf(context.businessKey());
        if (permitId < 0) {
            return FlowActionResult.fail(label("gate.notPermit", context.node().name().zh(), context.businessKey()));
        }
        Optional<Permit> permit = permits.find(context.tenantId(), permitId);
        if (permit.isEmpty()) {
            return FlowActionResult.fail(label("gate.permitMissing", context.node().name().zh(), permitId));
        }
        return check(context, permit.get());
    }

    /** Checks the permit; {@code context.formData()} is the data the process runs on, newer than a stale row. */
    abstract FlowActionResult check(FlowActionContext context, Permit permit);

    /** Returns the message {@code key} of {@link #BUNDLE} in Chinese and English. */
    static Label label(String key, Object... arguments) {
        return label(key, locale -> arguments);
    }

    /** Returns the message {@code key} in Chinese and English, with arguments rendered for each language. */
    static Label label(String key, Function<Locale, Object[]> arguments) {
        return new Label(UserMessages.render(BUNDLE, Locale.SIMPLIFIED_CHINESE, key,
                arguments.apply(Locale.SIMPLIFIED_CHINESE)),
                UserMessages.render(BUNDLE, Locale.ENGLISH, key, arguments.apply(Locale.ENGLISH)));
    }

    /** Returns how screens name a permit: its number once issued, otherwise {@code #id}. */
    static String permitName(Permit permit) {
        return permit.permitNumber() == null ? "#" + permit.id() : permit.permitNumber();
    }

    /** Joins reasons the way each language separates clauses. */
    static String join(List<String> reasons, Locale locale) {
        return String.join("zh".equals(locale.getLanguage()) ? "；" : "; ", reasons);
    }
}
