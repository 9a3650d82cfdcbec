package org.tezuo.app.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at /v3/api-docs and shown at /swagger-ui.html. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI tezuoOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Tezuo 特作 API").version("0.1")
                        .description("特种作业安全管理主流程：台账导入、证书核验与预警、动火作业票提交、资质门禁、实时风险评估、"
                                + "逐项风险再确认审批与电子作业票。错误信息按 Accept-Language 返回（默认简体中文）。")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
