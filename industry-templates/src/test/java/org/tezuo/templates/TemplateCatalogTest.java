package org.tezuo.templates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class TemplateCatalogTest {

    @Test
    @DisplayName("LNG template declares the certificate items its posts require")
    void lngTemplateDeclaresPostRequirements() {
        IndustryTemplate template = new TemplateCatalog(JsonMapper.builder().build()).template("lng-terminal");

        IndustryTemplate.PostSeed welder = template.posts().stream().filter(post -> post.name().equals("焊工"))
                .findFirst().orElseThrow();
        IndustryTemplate.PostSeed electrician = template.posts().stream()
                .filter(post -> post.name().equals("电工")).findFirst().orElseThrow();
        assertThat(welder.code()).isEqualTo("WELDER");
        assertThat(welder.requiredItems()).containsExactly("熔化焊接与热切割作业");
        assertThat(welder.source()).startsWith("GB 30871-2022 4.9");
        assertThat(electrician.requiredItems()).containsExactly("低压电工作业", "高压电工作业", "防爆电气作业");
        assertThat(template.posts()).allSatisfy(post -> assertThat(post.requiredItems()).isNotEmpty());
    }
}
