package org.tezuo.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.tezuo.app.api.ApiError;
import org.tezuo.core.i18n.UserMessages;
import tools.jackson.databind.json.JsonMapper;

/**
 * Responds to a REST request whose credentials could not be checked. Wrong or missing credentials get 401 with the Basic
 * challenge. A check that failed inside the server, as when the user lookup finds PostgreSQL restarting, gets 503
 * with {@code Retry-After}: the credentials may be right, and a 401 would tell a phone bridge to ask for new ones.
 */
final class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private static final Logger log = LoggerFactory.getLogger(ApiAuthenticationEntryPoint.class);

    /** Seconds a client should wait before it retries; a PostgreSQL restart takes a few seconds. */
    static final int RETRY_AFTER_SECONDS = 5;

    private final BasicAuthenticationEntryPoint challenge = new BasicAuthenticationEntryPoint();
    private final JsonMapper json;

    ApiAuthenticationEntryPoint(JsonMapper json) {
        this.json = json;
        challenge.setRealmName("Tezuo");
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException failure) throws IOException {
        if (!(failure instanceof InternalAuthenticationServiceException)) {
            challenge.commence(request, response, failure);
            return;
        }
        log.warn("Credentials for {} {} could not be checked; responding with 503: {}", request.getMethod(),
                request.getRequestURI(), failure.toString());
        // Without Accept-Language the servlet container reports its own default locale, so the header decides.
        boolean english = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null
                && "en".equals(request.getLocale().getLanguage());
        Locale locale = english ? Locale.ENGLISH : UserMessages.DEFAULT_LOCALE;
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(new ApiError("api.authUnavailable",
                UserMessages.render(locale, "api.authUnavailable", RETRY_AFTER_SECONDS), List.of())));
    }
}
