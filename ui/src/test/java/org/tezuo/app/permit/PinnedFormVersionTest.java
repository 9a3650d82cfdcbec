package org.tezuo.app.permit;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.textfield.TextField;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tezuo.app.ui.form.FormContext;
import org.tezuo.app.ui.form.FormRenderer;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.validation.FieldError;
import org.tezuo.form.validation.FormValidator;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.templates.TemplateInstaller;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A permit drafted under version 1 of the hot-work form keeps rendering and validating with version 1 after
 * version 2, which relabels a field and adds a required one, is published.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PinnedFormVersionTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String FORM = "hot-work-permit";
    private static final String NEW_FIELD = "fireWatchPhone";

    @Autowired
    TemplateInstaller installer;

    @Autowired
    MetadataStore metadata;

    @Autowired
    PermitDrafter drafter;

    @Autowired
    FormValidator validator;

    @Autowired
    JsonMapper json;

    private long tenantId;
    private Permit permit;

    @BeforeEach
    void draftPermitThenPublishSecondFormVersion() {
        tenantId = installer.createTenant("pin-" + UUID.randomUUID(), "版本固定测试化工", "lng-terminal", SHANGHAI,
                "test").tenant().id();
        Actor applicant = new Actor(tenantId, "welder-1", Locale.SIMPLIFIED_CHINESE);
        ObjectNode data = drafter.initialData(applicant, "hot-work");
        data.put("location", "1 号储罐区东侧管廊");
        permit = drafter.create(applicant, "hot-work", data);

        ObjectNode form = (ObjectNode) metadata.requirePublished(tenantId, MetadataKind.FORM, FORM).body().deepCopy();
        ObjectNode properties = (ObjectNode) form.path("schema").path("properties");
        ((ObjectNode) properties.path("location").path("x-label")).put("zh", "动火部位").put("en", "Hot-work part");
        ObjectNode phone = properties.putObject(NEW_FIELD);
        phone.put("type", "string");
        phone.put("minLength", 1);
        phone.putObject("x-label").put("zh", "监火人电话").put("en", "Fire watch phone");
        ((ArrayNode) form.path("schema").path("required")).add(NEW_FIELD);
        ((ArrayNode) form.path("layout").path("sections").get(0).path("fields")).add(NEW_FIELD);
        metadata.saveAndPublish(tenantId, MetadataKind.FORM, FORM, form, "admin");

        UI ui = new UI();
        ui.setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.setCurrent(ui);
    }

    @AfterEach
    void clearUi() {
        UI.setCurrent(null);
    }

    @Test
    void permitKeepsFormVersionItWasDraftedUnder() {
        FormDefinition pinned = drafter.formOf(permit);
        FormDefinition current = drafter.currentForm(tenantId, "hot-work");

        assertThat(permit.formVersion()).isEqualTo(1);
        assertThat(pinned.version()).isEqualTo(1);
        assertThat(current.version()).isEqualTo(2);
        assertThat(pinned.field(NEW_FIELD)).isEmpty();
        assertThat(current.field(NEW_FIELD)).isPresent();
    }

    @Test
    void permitValidatesAgainstPinnedVersion() {
        List<FieldError> pinnedErrors = validator.validate(drafter.formOf(permit), permit.data(),
                Locale.SIMPLIFIED_CHINESE, SHANGHAI);
        List<FieldError> currentErrors = validator.validate(drafter.currentForm(tenantId, "hot-work"), permit.data(),
                Locale.SIMPLIFIED_CHINESE, SHANGHAI);

        assertThat(pinnedErrors).extracting(FieldError::path).doesNotContain("$." + NEW_FIELD);
        assertThat(currentErrors).extracting(FieldError::path).contains("$." + NEW_FIELD);
    }

    @Test
    void permitRendersWithPinnedVersion() {
        FormContext context = new FormContext(Locale.SIMPLIFIED_CHINESE, SHANGHAI, List.of());

        FormRenderer pinned = new FormRenderer(drafter.formOf(permit), context);
        FormRenderer current = new FormRenderer(drafter.currentForm(tenantId, "hot-work"), context);

        assertThat(find(pinned, "field-" + NEW_FIELD)).isEmpty();
        assertThat(((TextField) find(pinned, "field-location").orElseThrow()).getLabel()).isEqualTo("动火地点及动火部位");
        assertThat(find(current, "field-" + NEW_FIELD)).isPresent();
        assertThat(((TextField) find(current, "field-location").orElseThrow()).getLabel()).isEqualTo("动火部位");
    }

    private static Optional<Component> find(Component root, String id) {
        if (root.getId().filter(id::equals).isPresent()) {
            return Optional.of(root);
        }
        return root.getChildren().map(child -> find(child, id)).flatMap(Optional::stream).findFirst();
    }
}
