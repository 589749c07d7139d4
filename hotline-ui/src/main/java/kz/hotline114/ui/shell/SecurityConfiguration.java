package kz.hotline114.ui.shell;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

import kz.hotline114.security.LoginThrottle;

/**
 * Three doors: the wall-board (a static page and a socket that checks its read-only token itself), the REST API
 * ({@code /api/**}) with HTTP Basic and no session, and the console with a sign-in page. Health and Prometheus
 * metrics are open (no personal data); everything else needs a user. In front of both sign-ins, {@link LoginGuard}
 * (throttle, login CSRF); on every answer, the security headers; API errors — even those of the filters — are JSON.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfiguration {

    /**
     * What the console's pages may load: only this site's own scripts, styles, images and connections (Vaadin's
     * client needs inline scripts and {@code eval} for the server's JavaScript calls); never framed by another site.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
            + "media-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    private final LoginThrottle throttle;

    SecurityConfiguration(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    /** The wall-board: a static page, its labels and its WebSocket, which checks the read-only token itself. */
    @Bean
    @Order(0)
    SecurityFilterChain wallboard(HttpSecurity http) throws Exception {
        headers(http);
        return http.securityMatcher("/wallboard.html", "/wallboard.js", "/wallboard.css", "/wallboard/**", "/ws/wallboard")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .csrf(c -> c.disable())
                .build();
    }

    /**
     * The PBX's look-up before the menu ({@code /pbx/misdialer}): no user, no session; the controller checks the
     * look-up token itself (a read-only yes/no).
     */
    @Bean
    @Order(0)
    SecurityFilterChain pbxLookup(HttpSecurity http) throws Exception {
        headers(http);
        return http.securityMatcher("/pbx/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .csrf(c -> c.disable())
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        headers(http);
        return http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint((request, response, e) ->
                        ApiError.write(response, HttpStatus.UNAUTHORIZED, "sign in with HTTP Basic: user name and password")))
                .exceptionHandling(x -> x
                        .authenticationEntryPoint((request, response, e) ->
                                ApiError.write(response, HttpStatus.UNAUTHORIZED, "sign in with HTTP Basic: user name and password"))
                        .accessDeniedHandler((request, response, e) ->
                                ApiError.write(response, HttpStatus.FORBIDDEN, "not allowed for your role")))
                .addFilterBefore(new ApiRequestGuard(), BasicAuthenticationFilter.class)
                .addFilterBefore(LoginGuard.forApi(throttle), BasicAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain console(HttpSecurity http) throws Exception {
        headers(http);
        http.addFilterBefore(LoginGuard.forConsole(throttle), UsernamePasswordAuthenticationFilter.class);
        // an address that is no route (typed, bookmarked) must reach Vaadin, which shows "this page does not exist or
        // is not yours" in the layout: the configurer's default (deny what is not allowed) answered a bare HTTP 403.
        // Signed in is enough here — each view's own @RolesAllowed still decides, and the API has its own chain.
        return http.with(VaadinSecurityConfigurer.vaadin(), c -> c.loginView(LoginView.class)
                .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated)).build();
    }

    /**
     * The headers of every answer: no sniffing, no framing by others, no referrer to other sites, the CSP, HSTS on HTTPS.
     * Written before the request is handled: the console's pages are forwarded to the Vaadin servlet, which commits
     * the response past Spring Security's wrapper — written on commit, as by default, they never reached the browser.
     */
    private static void headers(HttpSecurity http) throws Exception {
        http.headers(h -> h.addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
            @Override
            public <O extends HeaderWriterFilter> O postProcess(O filter) {
                filter.setShouldWriteHeadersEagerly(true);
                return filter;
            }
        }));
        http.headers(h -> h
                .frameOptions(f -> f.sameOrigin())
                .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                .httpStrictTransportSecurity(s -> s.maxAgeInSeconds(31_536_000).includeSubDomains(true))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                        "camera=(), geolocation=(), payment=(), usb=()")));
    }
}
