package org.tezuo.app.ui.permit;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tezuo.app.permit.Actor;
import org.tezuo.app.permit.AreaClassLabels;
import org.tezuo.app.permit.EPermits;
import org.tezuo.app.permit.Permit;
import org.tezuo.app.permit.PermitApprovals;
import org.tezuo.app.permit.PermitStatus;
import org.tezuo.app.permit.PermitStore;
import org.tezuo.app.permit.QrCodeRenderer;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.CurrentUserProvider;
import org.tezuo.app.security.Role;
import org.tezuo.app.ui.approval.ApplicantActions;
import org.tezuo.app.ui.approval.ApprovalCommands;
import org.tezuo.app.ui.approval.InstanceHistoryList;
import org.tezuo.app.ui.flow.InstanceDiagram;
import org.tezuo.app.ui.flow.ProcessDiagrams;
import org.tezuo.app.ui.form.FieldDisplay;
import org.tezuo.app.ui.form.FormContext;
import org.tezuo.app.ui.form.FormRenderer;
import org.tezuo.app.ui.i18n.DisplayFormats;
import org.tezuo.app.ui.layout.MainLayout;
import org.tezuo.app.ui.layout.Notices;
import org.tezuo.core.file.FileStore;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.workflow.approval.ApprovalRecord;

/**
 * One permit of the user's tenant: status and summary, the risk items with each approver's confirmation and the
 * approval history with every operation. While the permit is in approval its applicant can urge or withdraw it. The data is rendered read-only with the form version the permit was created under. An
 * issued permit also shows its site phase with the steps the user may take ({@link PermitSiteSection}), and the QR
 * code of its e-permit page and the link, which the safety department and administrators may revoke.
 */
@Route(value = "permits/:" + PermitDetailView.PERMIT_ID + "(\\d+)/detail", layout = MainLayout.class)
@PermitAll
public class PermitDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** Route parameter holding the permit id. */
    public static final String PERMIT_ID = "permitId";

    /** Roles that may revoke a QR e-permit. */
    static final Set<Role> REVOKERS = Set.of(Role.SAFETY_ENGINEER, Role.SAFETY_DIRECTOR, Role.SYSTEM_ADMIN);

    private static final int QR_PIXELS = 240;

    private final CurrentUserProvider currentUser;
    private final PermitStore permits;
    private final PermitApprovals approvals;
    private final EPermits ePermits;
    private final QrCodeRenderer qrCodes;
    private final PermitPresentation presentation;
    private final ApprovalCommands commands;
    private final FileStore files;
    private final ProcessDiagrams diagrams;
    private final PermitSiteSections siteSections;
    private final AreaClassLabels areaClasses;
    private String title = "";

    public PermitDetailView(CurrentUserProvider currentUser, PermitStore permits, PermitApprovals approvals,
            EPermits ePermits, QrCodeRenderer qrCodes, PermitPresentation presentation, ApprovalCommands commands,
            FileStore files, ProcessDiagrams diagrams, PermitSiteSections siteSections, AreaClassLabels areaClasses) {
        this.currentUser = currentUser;
        this.permits = permits;
        this.approvals = approvals;
        this.ePermits = ePermits;
        this.qrCodes = qrCodes;
        this.presentation = presentation;
        this.commands = commands;
        this.files = files;
        this.diagrams = diagrams;
        this.siteSections = siteSections;
        this.areaClasses = areaClasses;
        addClassName("tezuo-permit-detail");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        CurrentUser user = currentUser.require();
        Optional<Permit> permit = event.getRouteParameters().getLong(PERMIT_ID)
                .flatMap(id -> permits.find(user.tenantId(), id));
        render(user, permit, baseUrl());
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void render(CurrentUser user, Optional<Permit> found, String baseUrl) {
        removeAll();
        add(new RouterLink(getTranslation("permits.back"), PermitsView.class));
        if (found.isEmpty()) {
            title = getTranslation("permit.notFound.title");
            Paragraph notFound = new Paragraph(getTranslation("permit.notFound"));
            notFound.setId("permit-not-found");
            add(notFound);
            return;
        }
        Permit permit = found.get();
        FormContext context = presentation.formContext(user.tenantId(), user.username(), getLocale());
        FieldDisplay display = presentation.display(context);
        PermitSummary summary = presentation.summary(permit, display, getLocale());
        List<ApprovalRecord> history = approvals.history(user.tenantId(), permit.id());
        title = PermitEditorView.numberOf(permit, this);

        H2 number = new H2(title);
        number.setId("permit-number");
        Badge status = new Badge(summary.status());
        status.setId("permit-status");
        status.getElement().setAttribute("data-status", permit.status().name());
        Div header = new Div(number, status);
        header.addClassName("tezuo-permit-header");
        add(header, summaryFields(permit, summary, display, context));

        if (PermitEditorView.isEditableBy(permit, user)) {
            Button edit = new Button(getTranslation(permit.status() == PermitStatus.RETURNED ? "permit.resubmit"
                    : "permit.edit"), VaadinIcon.EDIT.create(), event -> getUI().ifPresent(ui -> ui.navigate(
                            PermitEditorView.class, new RouteParameters(PERMIT_ID, String.valueOf(permit.id())))));
            edit.setId("edit-permit");
            edit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(edit);
        }
        if (ApplicantActions.appliesTo(permit, user)) {
            add(new ApplicantActions(commands, user, permit, () -> render(user,
                    permits.find(user.tenantId(), permit.id()), baseUrl)));
        }
        if (permit.status() == PermitStatus.ISSUED) {
            siteSections.forUser(user, permit, display, () -> render(user, permits.find(user.tenantId(), permit.id()),
                    baseUrl)).ifPresent(this::add);
            siteSections.presenceFor(user, permit, () -> render(user, permits.find(user.tenantId(), permit.id()),
                    baseUrl)).ifPresent(this::add);
            add(qrSection(user, permit, baseUrl));
        }
        permits.riskScore(user.tenantId(), permit.id())
                .ifPresent(score -> add(new PermitRiskScoreSection(score, context.locale(),
                        areaClasses.of(user.tenantId(), context.locale()))));
        add(new PermitRiskList(permit, permits.confirmations(user.tenantId(), permit.id()), history, display,
                context));
        add(new InstanceHistoryList(commands.history(user.tenantId(), permit), display, context.zone(),
                id -> files.find(user.tenantId(), id)));
        add(processDiagram(permit));

        H3 dataTitle = new H3(getTranslation("permit.data"));
        FormRenderer data = new FormRenderer(presentation.formOf(permit), context);
        data.setId("permit-data");
        data.read(permit.data());
        data.setReadOnly(true);
        add(dataTitle, data);
    }

    /**
     * Returns the section with the BPMN diagram of the permit's approval process, finished nodes and current
     * nodes marked; element ids {@code permit-diagram} (the section) and {@code permit-diagram-viewer}.
     */
    private Component processDiagram(Permit permit) {
        return new InstanceDiagram("permit-diagram", Optional.ofNullable(permit.processInstanceId())
                .flatMap(diagrams::of));
    }

    private FormLayout summaryFields(Permit permit, PermitSummary summary, FieldDisplay display,
            FormContext context) {
        FormLayout fields = new FormLayout();
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        field(fields, "permit.type", summary.typeName());
        field(fields, "permit.applicant", summary.applicant());
        field(fields, "permit.location", summary.location());
        field(fields, "permit.grade", summary.grade());
        field(fields, "permit.workWindow", summary.workWindow());
        field(fields, "permit.submittedAt", DisplayFormats.dateTime(permit.submittedAt(),
                context.zone()));
        field(fields, "permit.issuedAt", DisplayFormats.dateTime(permit.issuedAt(),
                context.zone()));
        return fields;
    }

    private void field(FormLayout fields, String captionKey, String value) {
        fields.addFormItem(new Span(value.isEmpty() ? getTranslation("value.none") : value),
                getTranslation(captionKey));
    }

    private Component qrSection(CurrentUser user, Permit permit, String baseUrl) {
        Div section = new Div();
        section.setId("qr-section");
        section.addClassName("tezuo-qr");
        section.add(new H3(getTranslation("permit.qr")));
        if (permit.qrRevoked()) {
            Paragraph revoked = new Paragraph(getTranslation("permit.qr.revoked"));
            revoked.setId("qr-revoked");
            section.add(revoked);
            return section;
        }
        String url = ePermits.url(baseUrl, permit);
        byte[] png = qrCodes.png(url, QR_PIXELS);
        Image image = new Image(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(png), "e-permit-" + permit.id() + ".png", "image/png", png.length)),
                getTranslation("permit.qr.alt", PermitEditorView.numberOf(permit, this)));
        image.setId("qr-image");
        image.setWidth(QR_PIXELS + "px");
        Anchor link = new Anchor(url, url, AnchorTarget.BLANK);
        link.setId("e-permit-link");
        section.add(image, new Div(link));

        if (user.roles().stream().anyMatch(REVOKERS::contains)) {
            Button revoke = new Button(getTranslation("permit.qr.revoke"), VaadinIcon.BAN.create(), event -> {
                try {
                    ePermits.revoke(new Actor(user.tenantId(), user.username(), getLocale()), permit.id());
                    Notices.success(getTranslation("permit.qr.revokedNotice", PermitEditorView.numberOf(permit,
                            this)));
                    render(user, permits.find(user.tenantId(), permit.id()), baseUrl);
                } catch (LocalizedException e) {
                    Notices.error(e.message(getLocale()));
                }
            });
            revoke.setId("revoke-qr");
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
            section.add(revoke);
        }
        return section;
    }

    /** Returns scheme, host, port and context path of the current request, for example http://host:8080. */
    private static String baseUrl() {
        if (VaadinRequest.getCurrent() instanceof VaadinServletRequest request) {
            HttpServletRequest http = request.getHttpServletRequest();
            return http.getScheme() + "://" + http.getServerName() + ":" + http.getServerPort()
                    + http.getContextPath();
        }
        return "";
    }
}
