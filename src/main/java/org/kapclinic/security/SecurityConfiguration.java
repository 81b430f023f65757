// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One filter chain for pages, the JSON API and (later) FHIR. Pages use form sign-in and a database session with CSRF;
 * programs send a bearer token, which skips CSRF. API callers get 401/403 as problem+json, never a redirect.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

    /** No inline script anywhere: every script is a file under /js or /webjars. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    static final RequestMatcher API = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/fhir/**"));

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(12);
    }

    @Bean
    UserDetailsService userDetailsService(UserAccountRepository accounts) {
        return email -> accounts.findForSignIn(email).orElseThrow(() -> new UsernameNotFoundException("unknown"));
    }

    @Bean
    AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder encoder,
            SignInThrottle throttle, AuditTrail audit, UserAccountRepository accounts, Clock clock, MfaEnrolments mfa) {
        var passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        var manager = new ProviderManager(new SecondFactorStep(
                new ThrottlingAuthenticationProvider(passwords, throttle, audit, accounts, clock), mfa));
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }

    /** Only in the web server: the command-line verbs (CommandLineVerbs) run without one and have no HttpSecurity. */
    @Bean
    @ConditionalOnWebApplication
    SecurityFilterChain filterChain(HttpSecurity http, AuthenticationManager authenticationManager, ApiTokens tokens,
            ProblemResponses problems, AuditTrail audit) throws Exception {
        http.authenticationManager(authenticationManager)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/invite/**", "/css/**", "/js/**", "/webjars/**", "/favicon.ico",
                                "/error", "/actuator/health", "/actuator/info", "/v3/api-docs", "/v3/api-docs/**",
                                "/v3/api-docs.yaml", "/inquiry", "/inquiry/received")
                        .permitAll()
                        // The second sign-in step (ADR 026): the controller answers only a pending sign-in.
                        .requestMatchers(SecondFactorFilter.CODE_PAGE, SecondFactorFilter.ENROL_PAGE).permitAll()
                        // Questionnaire links and kiosk: the unguessable single-use token in the path is the credential.
                        .requestMatchers("/q/*", "/q/*/answers").permitAll()
                        // transport confirmation and calendar feeds: the token in the path is the credential
                        .requestMatchers("/t/*", "/calendar/*").permitAll()
                        // The public front door: the inquiry form above and its JSON twin need no sign-in.
                        .requestMatchers(HttpMethod.POST, "/api/v1/inquiries").permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        // FHIR R4 (ADR 023): the CapabilityStatement is public; bulk export is the admins'; every other
                        // interaction is checked per type and per patient inside the fhir module, as the pages do.
                        .requestMatchers(HttpMethod.GET, "/fhir/metadata").permitAll()
                        .requestMatchers("/fhir/$export", "/fhir/$export-poll-status", "/fhir/$export-file")
                        .hasRole("ADMIN")
                        .requestMatchers("/fhir", "/fhir/**")
                        .hasAnyRole("ADMIN", "INTAKE_COORDINATOR", "THERAPIST", "NURSE", "PRESCRIBER", "PATIENT")
                        // The Schedule III ledger: nurses and prescribers record, admins read and report (ADR 016).
                        .requestMatchers("/controlled-substances", "/controlled-substances/**")
                        .hasAnyRole("ADMIN", "NURSE", "PRESCRIBER")
                        // REMS monitoring forms: nurses and prescribers fill, sign and submit; admins read the list and PDFs
                        .requestMatchers("/dosing/rems-forms", "/dosing/sessions/*/rems-form.pdf")
                        .hasAnyRole("ADMIN", "NURSE", "PRESCRIBER")
                        .requestMatchers("/dosing/sessions/*/rems-form", "/dosing/sessions/*/rems-form/**")
                        .hasAnyRole("NURSE", "PRESCRIBER")
                        // The care timeline (ADR 021): clinicians only; care-team-only access is checked in the service.
                        .requestMatchers("/patients/*/timeline", "/api/v1/patients/*/timeline")
                        .hasAnyRole("THERAPIST", "NURSE", "PRESCRIBER")
                        .requestMatchers("/safety/settings", "/safety/settings/**").hasAnyRole("ADMIN", "PRESCRIBER")
                        // The clinic outcomes dashboard (ADR 022): aggregated patient data, prescribers and admins.
                        .requestMatchers("/outcomes", "/outcomes.csv", "/api/v1/outcomes").hasAnyRole("ADMIN", "PRESCRIBER")
                        // Measures and safety are clinical: clinicians only (intake coordinators see demographics).
                        .requestMatchers("/safety", "/safety/**", "/patients/*/measures", "/patients/*/measures/**",
                                "/patients/*/safety", "/patients/*/safety/**", "/patients/*/safety-plan", "/patients/*/safety-plan.pdf", "/api/v1/safety/**",
                                "/patients/*/progress-report.pdf",
                                "/api/v1/patients/*/assessments", "/api/v1/patients/*/trajectories/*",
                                "/api/v1/patients/*/questionnaire-links", "/api/v1/patients/*/safety-alerts",
                                "/api/v1/patients/*/dosing-clearance", "/api/v1/assessments/*",
                                "/patients/*/evaluation", "/patients/*/evaluation/**", "/patients/*/medications",
                                "/patients/*/medications/**", "/patients/*/allergies", "/patients/*/allergies/**",
                                "/patients/*/consents", "/patients/*/consents/**", "/patients/*/plan", "/patients/*/plan/**",
                                "/eligibility/**", "/api/v1/patients/*/eligibility", "/api/v1/patients/*/treatment-plans")
                        .hasAnyRole("THERAPIST", "NURSE", "PRESCRIBER")
                        // Therapy notes: clinicians; TherapyNotes filters psychotherapy notes and drafts (ADR 019).
                        .requestMatchers("/notes", "/notes/**", "/patients/*/notes", "/patients/*/notes/**")
                        .hasAnyRole("THERAPIST", "NURSE", "PRESCRIBER")
                        // Integration due (issue 7): therapists and prescribers; patients' reflections: clinicians.
                        .requestMatchers("/therapy/integrations", "/therapy/integrations/**").hasAnyRole("THERAPIST", "PRESCRIBER")
                        .requestMatchers("/patients/*/reflections", "/patients/*/reflections/**")
                        .hasAnyRole("THERAPIST", "NURSE", "PRESCRIBER")
                        .requestMatchers("/protocols", "/protocols/**").hasAnyRole("ADMIN", "THERAPIST", "NURSE", "PRESCRIBER")
                        .requestMatchers("/schedule/staff", "/schedule/staff/**")
                        .hasAnyRole("ADMIN", "INTAKE_COORDINATOR", "THERAPIST", "NURSE", "PRESCRIBER")
                        .requestMatchers("/schedule", "/schedule/**", "/appointments/**", "/api/v1/schedule/**",
                                "/api/v1/locations")
                        .hasAnyRole("INTAKE_COORDINATOR", "THERAPIST", "NURSE", "PRESCRIBER")
                        .requestMatchers("/dosing", "/dosing/**").hasAnyRole("NURSE", "PRESCRIBER")
                        .requestMatchers("/portal/**").hasRole("PATIENT")
                        .requestMatchers("/staff/**")
                        .hasAnyRole("ADMIN", "INTAKE_COORDINATOR", "THERAPIST", "NURSE", "PRESCRIBER")
                        // A patient reads their own record through /portal or GET /api/v1/patients/{id}; staff pages are staff-only.
                        .requestMatchers(HttpMethod.GET, "/api/v1/patients/*")
                        .hasAnyRole("INTAKE_COORDINATOR", "THERAPIST", "NURSE", "PRESCRIBER", "PATIENT")
                        .requestMatchers("/patients/*/void").hasAnyRole("INTAKE_COORDINATOR", "PRESCRIBER")
                        .requestMatchers("/intake", "/intake/inquiries/*/assign", "/intake/inquiries/*/close")
                        .hasRole("INTAKE_COORDINATOR")
                        .requestMatchers("/api/v1/instruments", "/api/v1/instruments/**")
                        .hasAnyRole("INTAKE_COORDINATOR", "THERAPIST", "NURSE", "PRESCRIBER")
                        .requestMatchers("/intake/**", "/api/v1/inquiries/*/matches")
                        .hasAnyRole("INTAKE_COORDINATOR", "THERAPIST", "NURSE", "PRESCRIBER")
                        .requestMatchers("/patients", "/patients/**", "/api/v1/patients", "/api/v1/patients/**")
                        .hasAnyRole("INTAKE_COORDINATOR", "THERAPIST", "NURSE", "PRESCRIBER")
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .usernameParameter("email")
                        .defaultSuccessUrl("/", false)
                        .failureHandler(failureHandler())
                        .permitAll())
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .addLogoutHandler((request, response, auth) -> {
                            if (auth != null) {
                                audit.record(new AuditRecord("SIGN_OUT", AuditRecord.Outcome.SUCCESS, null,
                                        "UserAccount", null, null));
                            }
                        })
                        .logoutSuccessUrl("/login?signedOut"))
                // Only where the bearer token is the credential: elsewhere a session signs the request in.
                .csrf(csrf -> csrf.ignoringRequestMatchers(
                        request -> API.matches(request) && ApiTokenAuthenticationFilter.hasBearer(request),
                        // FHIR is read-only here: no interaction changes data, so there is nothing to forge
                        PathPatternRequestMatcher.withDefaults().matcher("/fhir/**"),
                        // public and sessionless: there is no signed-in session a forged request could ride on
                        request -> "POST".equals(request.getMethod()) && "/api/v1/inquiries".equals(request.getRequestURI())))
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, problems), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new SecondFactorFilter(), AuthorizationFilter.class)
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor((request, response, e) -> problems.write(response, 401,
                                "Unauthorized", "Sign in, or send an API token as 'Authorization: Bearer ...'.",
                                request.getRequestURI()), API)
                        // A page fragment fetched by htmx must not follow a redirect to the sign-in page and swap it in.
                        .defaultAuthenticationEntryPointFor((request, response, e) -> response.sendError(401),
                                request -> request.getHeader("HX-Request") != null)
                        .defaultAccessDeniedHandlerFor((request, response, e) -> {
                            auditDenied(audit, request);
                            problems.write(response, 403, "Forbidden", "Your role does not allow this.",
                                    request.getRequestURI());
                        }, API)
                        // Pages get the error page. Needed: with a single mapping, the API handler served every path.
                        .defaultAccessDeniedHandlerFor((request, response, e) -> {
                            auditDenied(audit, request);
                            new AccessDeniedHandlerImpl().handle(request, response, e);
                        }, AnyRequestMatcher.INSTANCE))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(ref -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** Every refused request leaves an entry (ONC 170.315(d)(2) records denied access as well as granted). */
    private static void auditDenied(AuditTrail audit, HttpServletRequest request) {
        audit.recordIndependently(new AuditRecord("ACCESS_DENIED", AuditRecord.Outcome.DENIED, null, "Route",
                request.getMethod() + " " + request.getRequestURI().replaceFirst("^/q/[^/]+", "/q/{link}"), null));
    }

    /** Keeps the typed email for the next render of the form, and never says whether the account exists. */
    private static AuthenticationFailureHandler failureHandler() {
        return (HttpServletRequest request, HttpServletResponse response,
                org.springframework.security.core.AuthenticationException e) -> {
            var session = request.getSession(true);
            session.setAttribute(LoginController.TYPED_EMAIL, String.valueOf(request.getParameter("email")));
            if (e instanceof SignInThrottled throttled) {
                response.sendRedirect(request.getContextPath() + "/login?throttled=" + throttled.retryAfterSeconds());
            } else {
                response.sendRedirect(request.getContextPath() + "/login?error");
            }
        };
    }
}
