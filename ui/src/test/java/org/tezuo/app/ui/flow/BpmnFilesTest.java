package org.tezuo.app.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BpmnFilesTest {

    @Test
    void dispositionEncodesChineseName() {
        String header = BpmnFiles.contentDisposition("受限空间𠀀审批.bpmn");

        assertThat(header).startsWith("attachment;");
        assertThat(header).contains("filename*=UTF-8''%E5%8F%97%E9%99%90%E7%A9%BA%E9%97%B4%F0%A0%80%80"
                + "%E5%AE%A1%E6%89%B9.bpmn");
    }

    @Test
    void fileNameReplacesForbiddenCharacters() {
        assertThat(BpmnFiles.fileName("动火/作业:审批", "hot-work")).isEqualTo("动火_作业_审批.bpmn");
        assertThat(BpmnFiles.fileName("  ", "hot-work")).isEqualTo("hot-work.bpmn");
    }
}
