package org.tezuo.app.ui.form;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.BigDecimalField;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;
import org.tezuo.form.definition.FormField;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A position as {@code {"lat": …, "lon": …}} in WGS 84 degrees. Latitude must lie in [-90, 90] and longitude in
 * [-180, 180]; a value outside is marked at once and left out of the data. "Use my location" asks the browser's
 * geolocation API and is hidden where the browser has none. Browsers offer it only on HTTPS pages and on
 * localhost, and the user must allow it.
 */
final class GeoPointInput implements FieldInput {

    /** Decimal places stored: six places are about 0.1 m, finer than a phone's fix. */
    private static final int SCALE = 6;
    private static final BigDecimal MAX_LATITUDE = BigDecimal.valueOf(90);
    private static final BigDecimal MAX_LONGITUDE = BigDecimal.valueOf(180);

    private final Div root = new Div();
    private final Span label;
    private final BigDecimalField latitude = new BigDecimalField();
    private final BigDecimalField longitude = new BigDecimalField();
    private final Button locate;
    private final InputMessage error = new InputMessage();

    GeoPointInput(FormField field, FieldPath path, InputFactory factory) {
        root.addClassNames("tezuo-form-group", "tezuo-form-geo");
        label = factory.heading(field);
        latitude.setLabel(root.getTranslation("form.geo.latitude"));
        longitude.setLabel(root.getTranslation("form.geo.longitude"));
        latitude.setId(path.elementId("field") + "-lat");
        longitude.setId(path.elementId("field") + "-lon");
        latitude.addValueChangeListener(event -> checkRange(latitude, MAX_LATITUDE));
        longitude.addValueChangeListener(event -> checkRange(longitude, MAX_LONGITUDE));
        locate = new Button(root.getTranslation("form.geo.locate"), VaadinIcon.CROSSHAIRS.create(),
                event -> locate());
        locate.addThemeVariants(ButtonVariant.LUMO_SMALL);
        locate.setId(path.elementId("locate"));
        Div inputs = new Div(latitude, longitude);
        inputs.addClassName("tezuo-form-geo-inputs");
        root.add(label, inputs, locate);
        factory.addHelp(root, field);
        root.add(error);
        root.addAttachListener(this::hideLocateWithoutGeolocation);
    }

    private void hideLocateWithoutGeolocation(AttachEvent event) {
        root.getElement().executeJs("return !!(navigator.geolocation && window.isSecureContext);")
                .then(Boolean.class, available -> locate.setVisible(available && !latitude.isReadOnly()));
    }

    /** Requests the position from the browser, which returns "lat,lon", or "error:" followed by its reason. */
    private void locate() {
        root.getElement().executeJs("""
                return new Promise(resolve => navigator.geolocation.getCurrentPosition(
                    position => resolve(position.coords.latitude + ',' + position.coords.longitude),
                    failure => resolve('error:' + failure.message),
                    {enableHighAccuracy: true, timeout: 15000, maximumAge: 60000}));""")
                .then(String.class, this::located);
    }

    private void located(String answer) {
        if (answer.startsWith("error:")) {
            error.show(root.getTranslation("form.geo.unavailable", answer.substring("error:".length())));
            return;
        }
        String[] parts = answer.split(",");
        latitude.setValue(new BigDecimal(parts[0]).setScale(SCALE, RoundingMode.HALF_UP));
        longitude.setValue(new BigDecimal(parts[1]).setScale(SCALE, RoundingMode.HALF_UP));
        error.clear();
    }

    /** Marks a value outside [-max, max]; returns whether the value is empty or in range. */
    private boolean checkRange(BigDecimalField input, BigDecimal max) {
        BigDecimal value = input.getValue();
        boolean inRange = value == null || value.abs().compareTo(max) <= 0;
        input.setInvalid(!inRange);
        input.setErrorMessage(inRange ? null : root.getTranslation("form.geo.outOfRange", input.getLabel(),
                max.negate().toPlainString(), max.toPlainString(), value.toPlainString()));
        return inRange;
    }

    @Override
    public Component component() {
        return root;
    }

    @Override
    public void read(JsonNode value) {
        latitude.setValue(value.path("lat").isNumber() ? value.path("lat").decimalValue() : null);
        longitude.setValue(value.path("lon").isNumber() ? value.path("lon").decimalValue() : null);
    }

    /** Returns both coordinates, or null when either is missing or out of range. */
    @Override
    public @Nullable JsonNode write() {
        BigDecimal lat = latitude.getValue();
        BigDecimal lon = longitude.getValue();
        if (lat == null || lon == null || !checkRange(latitude, MAX_LATITUDE)
                || !checkRange(longitude, MAX_LONGITUDE)) {
            return null;
        }
        ObjectNode point = JsonNodeFactory.instance.objectNode();
        point.put("lat", lat);
        point.put("lon", lon);
        return point;
    }

    @Override
    public boolean showError(FieldPath path, String message) {
        if (error.showAt(path, message)) {
            return true;
        }
        BigDecimalField input = "lat".equals(path.first()) ? latitude : "lon".equals(path.first()) ? longitude : null;
        if (input == null) {
            return false;
        }
        input.setErrorMessage(message);
        input.setInvalid(true);
        return true;
    }

    @Override
    public void clearErrors() {
        error.clear();
        checkRange(latitude, MAX_LATITUDE);
        checkRange(longitude, MAX_LONGITUDE);
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        latitude.setReadOnly(readOnly);
        longitude.setReadOnly(readOnly);
        locate.setVisible(!readOnly);
    }

    @Override
    public void setRequired(boolean required) {
        label.setClassName("tezuo-required", required);
    }
}
