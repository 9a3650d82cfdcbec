package org.tezuo.app.ui.designer;

/**
 * One choice of a select field.
 *
 * @param value the value stored in the data (an entry of the property's {@code enum})
 * @param label the text shown for it (its {@code x-enumLabels} entry)
 */
public record OptionDesign(String value, DesignLabel label) {

    public OptionDesign {
        value = value.strip();
    }
}
