package org.tezuo.app.security;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.tezuo.app.ui.login.LoginView;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three filter chains, tried in order:
 * <ol>
 *   <li>{@code /api/**}: HTTP Basic or an existing login session, never creates a session. A write that relies on
 *       the login session needs the session's CSRF token, so another site cannot post with a signed-in user's
 *       cookie; a request with an {@code Authorization} header needs none. Credentials that could not be checked
 *       because the database failed get 503, not 401 ({@link ApiAuthenticationEntryPoint});</li>
 *   <li>{@code /stub/**}: the loopback stand-ins of external systems, public and without CSRF because the
 *       application's own connectors call them;</li>
 *   <li>everything else: Vaadin views with the login page at {@code /login}, CSRF on, a few public paths.</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {

    /** Paths served without login by the Vaadin chain. */
    static final String[] PUBLIC_PATHS = {
        "/e-permit/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
        "/actuator/health", "/actuator/health/**", "/styles/**",
        // Plain custom elements served from META-INF/resources/js, such as the signature pad.
        "/js/**",
        // Third-party browser libraries the ui build copies to META-INF/resources/vendor, such as bpmn-js.
        "/vendor/**",
        // The error page renders the 401 or 403 that a chain already chose. Securing it turns that into a redirect.
        "/error"
    };

    /**
     * Encodes new passwords as {@code {bcrypt}…} and still reads hashes stored with another encoder's prefix. A
     * successful check is remembered for {@code tezuo.security.verified-password-ttl} (default 5 minutes), so that
     * HTTP Basic clients do not pay for bcrypt on every request.
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${tezuo.security.verified-password-ttl:5m}") Duration verifiedTtl) {
        return new VerifiedPasswordCache(PasswordEncoderFactories.createDelegatingPasswordEncoder(), verifiedTtl);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, JsonMapper json) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(new ApiAuthenticationEntryPoint(json)))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::isSessionWrite))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .build();
    }

    /** Tells whether a request changes state and carries no credentials of its own, only the session cookie. */
    private static boolean isSessionWrite(HttpServletRequest request) {
        boolean safeMethod = switch (request.getMethod()) {
            case "GET", "HEAD", "OPTIONS", "TRACE" -> true;
            default -> false;
        };
        return !safeMethod && request.getHeader(HttpHeaders.AUTHORIZATION) == null;
    }

    @Bean
    @Order(2)
    SecurityFilterChain stubFilterChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/stub/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /**
     * Vaadin's chain. An address that no view serves is open to signed-in users, so that the Vaadin servlet shows
     * the localized not-found page for it. Vaadin's own default denies it, which ends on an English 403 page.
     * Actuator endpoints other than health stay closed.
     */
    @Bean
    @Order(3)
    SecurityFilterChain vaadinFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC_PATHS).permitAll()
                .requestMatchers("/actuator/**").denyAll());
        return http.with(vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                .anyRequest(rule -> rule.authenticated())).build();
    }
}
