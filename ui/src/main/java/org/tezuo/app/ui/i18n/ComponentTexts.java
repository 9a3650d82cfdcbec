package org.tezuo.app.ui.i18n;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.upload.UploadI18N;
import java.util.Arrays;
import java.util.List;

/**
 * Texts of the built-in parts of Vaadin components (calendar month and weekday names, upload buttons), taken from
 * the UI bundle so a Chinese page shows no English captions.
 */
public final class ComponentTexts {

    private ComponentTexts() {
    }

    /** Returns the calendar texts of a date picker in the component's locale, weeks starting on Monday. */
    public static DatePicker.DatePickerI18n calendar(Component component) {
        return new DatePicker.DatePickerI18n()
                .setMonthNames(list(component, "calendar.months"))
                .setWeekdays(list(component, "calendar.weekdays"))
                .setWeekdaysShort(list(component, "calendar.weekdaysShort"))
                .setToday(component.getTranslation("calendar.today"))
                .setCancel(component.getTranslation("calendar.cancel"))
                .setFirstDayOfWeek(1)
                .setDateFormat("yyyy-MM-dd")
                .setBadInputErrorMessage(component.getTranslation("calendar.badInput"));
    }

    /** Returns the upload texts in the component's locale. */
    public static UploadI18N upload(Component component) {
        UploadI18N texts = new UploadI18N();
        texts.setAddFiles(new UploadI18N.AddFiles().setOne(component.getTranslation("upload.addFile"))
                .setMany(component.getTranslation("upload.addFile")));
        texts.setDropFiles(new UploadI18N.DropFiles().setOne(component.getTranslation("upload.dropFile"))
                .setMany(component.getTranslation("upload.dropFile")));
        return texts;
    }

    private static List<String> list(Component component, String key) {
        return Arrays.stream(component.getTranslation(key).split(",")).map(String::strip).toList();
    }
}
