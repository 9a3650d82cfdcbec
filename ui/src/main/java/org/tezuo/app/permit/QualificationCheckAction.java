package org.tezuo.app.permit;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.workflow.action.FlowActionContext;
import org.tezuo.workflow.action.FlowActionResult;

/**
 * 资质校验: checks the applicant and every named worker again with the gate of the permit's type (certificate for
 * the operation, no freeze, no qualification anomaly in the look-back window), at the point of the chain where
 * the flow places it. A certificate can lapse or be frozen between submission and a later step.
 */
@Component
class QualificationCheckAction extends PermitGateAction {

    static final String CODE = "qualificationCheck";

    private final PermitDrafter drafter;
    private final PermitQualification qualification;
    private final TenantDirectory tenants;

    QualificationCheckAction(PermitStore permits, PermitDrafter drafter, PermitQualification qualification,
            TenantDirectory tenants) {
        super(permits);
        this.drafter = drafter;
        this.qualification = qualification;
        this.tenants = tenants;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    FlowActionResult check(FlowActionContext context, Permit permit) {
        FormDefinition form = drafter.formOf(permit);
        ZoneId zone = tenants.require(context.tenantId()).zone();
        List<String> chinese = reasons(context, permit, form, zone, Locale.SIMPLIFIED_CHINESE);
        if (chinese.isEmpty()) {
            return FlowActionResult.pass();
        }
        List<String> english = reasons(context, permit, form, zone, Locale.ENGLISH);
        return FlowActionResult.fail(label("gate.qualification.failed", locale -> new Object[] {permitName(permit),
                join(locale == Locale.ENGLISH ? english : chinese, locale)}));
    }

    private List<String> reasons(FlowActionContext context, Permit permit, FormDefinition form, ZoneId zone,
            Locale locale) {
        return qualification.violations(context.tenantId(), permit, form, context.formData(), zone, locale).stream()
                .map(PermitRefusedException.Reason::message)
                .toList();
    }
}
