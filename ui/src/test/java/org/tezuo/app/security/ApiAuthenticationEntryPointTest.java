package org.tezuo.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ApiAuthenticationEntryPointTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final ApiAuthenticationEntryPoint entryPoint = new ApiAuthenticationEntryPoint(json);

    @Test
    @DisplayName("Wrong credentials get 401 with the Basic challenge")
    void wrongCredentialsGet401() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        entryPoint.commence(new MockHttpServletRequest("GET", "/api/tasks"), response,
                new BadCredentialsException("Bad credentials"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Basic realm=\"Tezuo\"");
    }

    @Test
    @DisplayName("A failed user lookup gets 503, Retry-After and a Chinese message")
    void failedLookupGets503() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        entryPoint.commence(new MockHttpServletRequest("GET", "/api/tasks"), response,
                new InternalAuthenticationServiceException("Connection refused",
                        new DataAccessResourceFailureException("Connection refused")));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getHeader("WWW-Authenticate")).isNull();
        JsonNode body = json.readTree(response.getContentAsString());
        assertThat(body.path("code").asString()).isEqualTo("api.authUnavailable");
        assertThat(body.path("message").asString()).isEqualTo(
                "身份验证暂时无法完成（数据库暂不可用），并非用户名或密码错误；请在 5 秒后重试");
    }

    @Test
    @DisplayName("The 503 message follows Accept-Language en")
    void failedLookupInEnglish() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/tasks");
        request.addHeader("Accept-Language", "en");
        request.addPreferredLocale(Locale.ENGLISH);
        MockHttpServletResponse response = new MockHttpServletResponse();

        entryPoint.commence(request, response, new InternalAuthenticationServiceException("Connection refused"));

        assertThat(json.readTree(response.getContentAsString()).path("message").asString())
                .startsWith("Your credentials could not be checked");
    }
}
