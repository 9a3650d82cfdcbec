package org.tezuo.app.ui.designer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The option text of a select column: one option a line, written as {@code value|中文|English}. */
class ColumnEditorTest {

    @Test
    void optionLinesBecomeOptions() {
        assertThat(ColumnEditor.parseOptions("""
                %LEL|%LEL（爆炸下限百分比）|%LEL

                ppm|百万分之一
                  o2  \
                """)).containsExactly(
                new OptionDesign("%LEL", new DesignLabel("%LEL（爆炸下限百分比）", "%LEL")),
                new OptionDesign("ppm", new DesignLabel("百万分之一", "")),
                new OptionDesign("o2", new DesignLabel("o2", "")));
    }

    @Test
    void emptyTextHasNoOptions() {
        assertThat(ColumnEditor.parseOptions(" \n ")).isEmpty();
    }
}
