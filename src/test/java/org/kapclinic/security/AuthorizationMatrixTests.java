// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.kapclinic.ClinicIntegrationTest;
import org.kapclinic.patients.PatientDetails;
import org.kapclinic.patients.PatientFixtures;
import org.kapclinic.patients.PatientId;
import org.kapclinic.patients.PatientView;
import org.kapclinic.patients.Patients;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The authorization matrix: what every route answers to every role, to anonymous callers and to an API-token caller.
 * {@link #MATRIX} is the specification; every cell is one request, and {@link #everyRouteHasARowInTheMatrix()} fails
 * the build when a route has no row.
 */
@ClinicIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests {

    /** The callers, in the order of the matrix columns. */
    enum Subject { ANONYMOUS, ADMIN, INTAKE_COORDINATOR, THERAPIST, NURSE, PRESCRIBER, PATIENT, API_TOKEN }

    enum Outcome {
        /** 2xx: the handler answered. */
        OK("ok"),
        /** 3xx to a page other than sign-in: the action ran and redirected (post/redirect/get). */
        REDIRECT("redir"),
        /** 302 to /login: not signed in (a page asked for with Accept: text/html). */
        LOGIN("login"),
        /** 401 with application/problem+json and a Bearer challenge: an API call without valid credentials. */
        UNAUTHORIZED("401"),
        /** 403: refused; application/problem+json under /api. */
        FORBIDDEN("403");

        final String symbol;

        Outcome(String symbol) {
            this.symbol = symbol;
        }

        static Outcome of(String symbol) {
            return Arrays.stream(values()).filter(o -> o.symbol.equals(symbol)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Unknown outcome in the matrix: " + symbol));
        }
    }

    /**
     * One row per route (method and path as mapped; a placeholder's name says which fixture fills it) and one column
     * per {@link Subject}. Fixtures, made for each cell unless said otherwise:
     * <ul>
     * <li>{patient}: in the PATIENT column the signed-in patient's own record; elsewhere a new record.</li>
     * <li>{otherPatient}: a record that is not the PATIENT's (one for the whole class).</li>
     * <li>{user}: a newly invited staff account. {token}: a new API token. {invitation}: a set-password link.</li>
     * </ul>
     * Session callers send a CSRF token with every POST and PUT. The token column sends only
     * "Authorization: Bearer" (an intake coordinator's token) and never a CSRF token: on /api that is all it needs;
     * elsewhere the token is not a credential, so pages send it to sign-in and its POSTs fail the CSRF check.
     * Pages are asked for with Accept: text/html; /api and /actuator with application/json; /v3 with anything.
     * POST /invite sends two different passwords, so the form comes back (200) and the link stays usable.
     */
    static final String MATRIX = """
            # method and route                              anon   admin  intake therap nurse  prescr patient token
            # -- public -------------------------------------------------------------------------------------------
            GET  /login                                     ok     ok     ok     ok     ok     ok     ok     ok
            GET  /invite/{invitation}                       ok     ok     ok     ok     ok     ok     ok     ok
            POST /invite/{invitation}                       ok     ok     ok     ok     ok     ok     ok     403
            POST /logout                                    redir  redir  redir  redir  redir  redir  redir  403
            GET  /actuator/health                           ok     ok     ok     ok     ok     ok     ok     ok
            GET  /actuator/info                             ok     ok     ok     ok     ok     ok     ok     ok
            GET  /v3/api-docs                               ok     ok     ok     ok     ok     ok     ok     ok
            GET  /v3/api-docs.yaml                          ok     ok     ok     ok     ok     ok     ok     ok
            # -- the second sign-in step answers only "password right, code pending"; others: /login (?expired) (ADR 026)
            GET  /login/code                                login  login  login  login  login  login  login  login
            POST /login/code                                redir  redir  redir  redir  redir  redir  redir  403
            GET  /login/enrol                               login  login  login  login  login  login  login  login
            POST /login/enrol                               redir  redir  redir  redir  redir  redir  redir  403
            # -- your account: changes need the password (and code) again first, so they redirect to confirm ----
            GET  /account                                   login  ok     ok     ok     ok     ok     ok     login
            GET  /account/confirm                           login  ok     ok     ok     ok     ok     ok     login
            POST /account/confirm                           login  ok     ok     ok     ok     ok     ok     403
            GET  /account/password                          login  redir  redir  redir  redir  redir  redir  login
            POST /account/password                          login  redir  redir  redir  redir  redir  redir  403
            GET  /account/email                             login  redir  redir  redir  redir  redir  redir  login
            POST /account/email                             login  redir  redir  redir  redir  redir  redir  403
            GET  /account/mfa                               login  redir  redir  redir  redir  redir  redir  login
            POST /account/mfa                               login  redir  redir  redir  redir  redir  redir  403
            POST /account/mfa/recovery-codes                login  redir  redir  redir  redir  redir  redir  403
            # -- home (patients go on to their portal), the portal, the staff directory ---------------------------
            GET  /                                          login  ok     ok     ok     ok     ok     redir  login
            GET  /portal                                    login  403    403    403    403    403    ok     login
            GET  /staff                                     login  ok     ok     ok     ok     ok     403    login
            # -- patient pages: staff only (ADR 004: a patient reads their own record at /portal or on the API) ---
            GET  /patients                                  login  403    ok     ok     ok     ok     403    login
            GET  /patients/new                              login  403    ok     ok     ok     ok     403    login
            POST /patients                                  login  403    redir  redir  redir  redir  403    403
            GET  /patients/{patient}                        login  403    ok     ok     ok     ok     403    login
            GET  /patients/{otherPatient}                   login  403    ok     ok     ok     ok     403    login
            GET  /patients/{patient}/edit                   login  403    ok     ok     ok     ok     403    login
            POST /patients/{patient}                        login  403    redir  redir  redir  redir  403    403
            POST /patients/{patient}/care-team              login  403    redir  redir  403    redir  403    403
            GET  /patients/{patient}/void                   login  403    ok     403    403    ok     403    login
            POST /patients/{patient}/void                   login  403    redir  403    403    redir  403    403
            GET  /patients/{patient}/history                login  403    ok     ok     ok     ok     403    login
            POST /patients/{patient}/portal-invitation      login  403    ok     ok     ok     ok     403    403
            # -- break-glass (ADR 027): clinicians only, never a patient; in scope the form sends you to the record -
            GET  /patients/emergency-access                 login  403    403    ok     ok     ok     403    login
            POST /patients/emergency-access                 login  403    403    ok     ok     ok     403    403
            GET  /patients/{patient}/emergency-access       login  403    403    redir  redir  redir  403    login
            POST /patients/{patient}/emergency-access       login  403    403    ok     ok     ok     403    403
            # -- patient API: staff; a patient may GET their own record (another's is refused and audited) -------
            GET  /api/v1/patients                           401    403    ok     ok     ok     ok     403    ok
            POST /api/v1/patients                           401    403    ok     ok     ok     ok     403    ok
            GET  /api/v1/patients/{patient}                 401    403    ok     ok     ok     ok     ok     ok
            GET  /api/v1/patients/{otherPatient}            401    403    ok     ok     ok     ok     403    ok
            PUT  /api/v1/patients/{patient}                 401    403    ok     ok     ok     ok     403    ok
            # -- administration: admins only, and admins see no patient data (above) ----------------------------
            GET  /admin/users                               login  ok     403    403    403    403    403    login
            GET  /admin/users/new                           login  ok     403    403    403    403    403    login
            POST /admin/users                               login  ok     403    403    403    403    403    403
            GET  /admin/users/{user}                        login  ok     403    403    403    403    403    login
            POST /admin/users/{user}/roles                  login  redir  403    403    403    403    403    403
            POST /admin/users/{user}/disable                login  redir  403    403    403    403    403    403
            POST /admin/users/{user}/enable                 login  redir  403    403    403    403    403    403
            POST /admin/users/{user}/unlock                 login  redir  403    403    403    403    403    403
            POST /admin/users/{user}/invitation             login  ok     403    403    403    403    403    403
            POST /admin/users/{user}/mfa/reset              login  redir  403    403    403    403    403    403
            POST /admin/users/{user}/tokens                 login  redir  403    403    403    403    403    403
            GET  /admin/tokens                              login  ok     403    403    403    403    403    login
            POST /admin/tokens/{token}/revoke               login  redir  403    403    403    403    403    403
            GET  /admin/audit                               login  ok     403    403    403    403    403    login
            GET  /admin/audit.csv                           login  ok     403    403    403    403    403    login
            GET  /admin/export                              login  ok     403    403    403    403    403    login
            POST /admin/export                              login  ok     403    403    403    403    403    403
            GET  /admin/break-glass                         login  ok     403    403    403    403    403    login
            GET  /admin/break-glass.csv                     login  ok     403    403    403    403    403    login
            POST /admin/break-glass/{grant}/review          login  redir  403    403    403    403    403    403
            POST /admin/users/{user}/sessions/end           login  redir  403    403    403    403    403    403
            # -- session control (ADR 027): everyone signed in sees and ends their own sessions -----------------
            GET  /account/sessions                          login  ok     ok     ok     ok     ok     ok     login
            POST /account/sessions/end-all                  login  redir  redir  redir  redir  redir  redir  403
            # -- intake: the public front door (the API takes no CSRF token; the form is a session form) ----------
            GET  /inquiry                                   ok     ok     ok     ok     ok     ok     ok     ok
            POST /inquiry                                   redir  redir  redir  redir  redir  redir  redir  403
            GET  /inquiry/received                          ok     ok     ok     ok     ok     ok     ok     ok
            POST /api/v1/inquiries                          ok     ok     ok     ok     ok     ok     ok     ok
            # -- intake: coordinators run the queue; clinicians triage; admins see no inquiries (ADR 004) ----------
            GET  /intake                                    login  403    ok     403    403    403    403    login
            GET  /intake/triage                             login  403    ok     ok     ok     ok     403    login
            GET  /intake/inquiries/{inquiry}                login  403    ok     ok     ok     ok     403    login
            POST /intake/inquiries/{inquiry}/contacts       login  403    redir  redir  redir  redir  403    403
            POST /intake/inquiries/{inquiry}/triage         login  403    403    redir  redir  redir  403    403
            POST /intake/inquiries/{inquiry}/close          login  403    redir  403    403    403    403    403
            GET  /intake/inquiries/{inquiry}/matches        login  403    ok     ok     ok     ok     403    login
            POST /intake/inquiries/{inquiry}/assign         login  403    redir  403    403    403    403    403
            GET  /api/v1/inquiries/{inquiry}/matches        401    403    ok     ok     ok     ok     403    ok
            # -- instruments: catalogue and scoring for clinical staff and programs ---------------------------------
            GET  /api/v1/instruments                        401    403    ok     ok     ok     ok     403    ok
            GET  /api/v1/instruments/{instrument}           401    403    ok     ok     ok     ok     403    ok
            POST /api/v1/instruments/{instrument}/score     401    403    ok     ok     ok     ok     403    ok
            # -- therapist profiles: the therapist themself or an admin ---------------------------------------------
            GET  /staff/me/profile                          login  redir  redir  redir  redir  redir  403    login
            GET  /staff/{therapist}/profile                 login  ok     403    ok     403    403    403    login
            POST /staff/{therapist}/profile                 login  redir  403    redir  403    403    403    403
            # -- clinic settings: admins -----------------------------------------------------------------------------
            GET  /admin/calendar                            login  ok     403    403    403    403    403    login
            POST /admin/calendar                            login  redir  403    403    403    403    403    403
            POST /admin/calendar/holidays                   login  redir  403    403    403    403    403    403
            POST /admin/calendar/holidays/{holiday}/remove  login  redir  403    403    403    403    403    403
            GET  /admin/intake                              login  ok     403    403    403    403    403    login
            POST /admin/intake/on-call                      login  redir  403    403    403    403    403    403
            GET  /admin/matching                            login  ok     403    403    403    403    403    login
            POST /admin/matching                            login  redir  403    403    403    403    403    403
            # -- questionnaires by secure link or kiosk: the token in the path is the credential (sessions send CSRF)
            GET  /q/{link}                                  ok     ok     ok     ok     ok     ok     ok     ok
            POST /q/{link}                                  ok     ok     ok     ok     ok     ok     ok     403
            POST /q/{link}/answers                          ok     ok     ok     ok     ok     ok     ok     403
            # -- the portal's questionnaires: the signed-in patient's own ----------------------------------------
            GET  /portal/questionnaires                     login  403    403    403    403    403    ok     login
            GET  /portal/progress                           login  403    403    403    403    403    ok     login
            GET  /portal/questionnaires/{request}           login  403    403    403    403    403    ok     login
            POST /portal/questionnaires/{request}           login  403    403    403    403    403    ok     403
            POST /portal/questionnaires/{request}/answers   401    403    403    403    403    403    ok     403
            # -- measures and safety: clinical, so clinicians only (intake coordinators see demographics) ---------
            GET  /patients/{patient}/measures               login  403    403    ok     ok     ok     403    login
            POST /patients/{patient}/measures/links         login  403    403    redir  redir  redir  403    403
            POST /patients/{patient}/measures/kiosk         login  403    403    redir  redir  redir  403    403
            POST /patients/{patient}/measures/requests/{request}/cancel login 403 403 redir redir redir 403 403
            POST /patients/{patient}/measures/schedules     login  403    403    redir  redir  redir  403    403
            POST /patients/{patient}/measures/schedules/{schedule}/end login 403 403 redir redir redir 403 403
            GET  /patients/{patient}/measures/enter         login  403    403    ok     ok     ok     403    login
            POST /patients/{patient}/measures/enter         login  403    403    redir  redir  redir  403    403
            GET  /patients/{patient}/measures/{instrument}  login  403    403    ok     ok     ok     403    login
            GET  /patients/{patient}/safety                 login  403    403    ok     ok     ok     403    login
            GET  /patients/{patient}/timeline               login  403    403    ok     ok     ok     403    login
            GET  /api/v1/patients/{patient}/timeline        401    403    403    ok     ok     ok     403    403
            # -- clinic outcomes (ADR 022): aggregated patient data, prescribers and admins ----------------------
            GET  /outcomes                                  login  ok     403    403    403    ok     403    login
            GET  /outcomes.csv                              login  ok     403    403    403    ok     403    login
            GET  /api/v1/outcomes                           401    ok     403    403    403    ok     403    403
            POST /patients/{patient}/safety/flag            login  403    403    redir  redir  redir  403    403
            POST /patients/{patient}/safety/clearance       login  403    403    403    403    redir  403    403
            GET  /patients/{patient}/safety-plan            login  403    403    ok     ok     ok     403    login
            POST /patients/{patient}/safety-plan            login  403    403    redir  redir  redir  403    403
            GET  /patients/{patient}/safety-plan.pdf        login  403    403    ok     ok     ok     403    login
            GET  /portal/safety-plan                        login  403    403    403    403    403    ok     login
            GET  /portal/safety-plan.pdf                    login  403    403    403    403    403    ok     login
            GET  /portal/progress.pdf                       login  403    403    403    403    403    ok     login
            GET  /patients/{patient}/progress-report.pdf    login  403    403    ok     ok     ok     403    login
            GET  /safety                                    login  403    403    ok     ok     ok     403    login
            GET  /safety/alerts/{alert}                     login  403    403    ok     ok     ok     403    login
            POST /safety/alerts/{alert}/acknowledge         login  403    403    redir  redir  redir  403    403
            GET  /safety/settings                           login  ok     403    403    403    ok     403    login
            POST /safety/settings/levels                    login  redir  403    403    403    redir  403    403
            POST /safety/settings/duty                      login  redir  403    403    403    redir  403    403
            POST /api/v1/patients/{patient}/assessments     401    403    403    ok     ok     ok     403    403
            GET  /api/v1/patients/{patient}/assessments     401    403    403    ok     ok     ok     403    403
            GET  /api/v1/assessments/{assessment}           401    403    403    ok     ok     ok     403    403
            GET  /api/v1/patients/{patient}/trajectories/{instrument} 401 403 403 ok ok ok 403 403
            POST /api/v1/patients/{patient}/questionnaire-links 401 403   403    ok     ok     ok     403    403
            GET  /api/v1/patients/{patient}/safety-alerts   401    403    403    ok     ok     ok     403    403
            GET  /api/v1/patients/{patient}/dosing-clearance 401   403    403    ok     ok     ok     403    403
            GET  /api/v1/safety/alerts                      401    403    403    ok     ok     ok     403    403
            GET  /api/v1/safety/alerts/{alert}              401    403    403    ok     ok     ok     403    403
            POST /api/v1/safety/alerts/{alert}/acknowledgement 401 403    403    ok     ok     ok     403    403
            # -- evaluation and eligibility: clinicians read; prescribers evaluate; nurses and prescribers keep the
            # -- medication lists; the patient signs consents in the portal or on a tablet; admins publish consents
            GET  /patients/{patient}/evaluation             login  403    403    ok     ok     ok     403    login
            POST /patients/{patient}/evaluation             login  403    403    403    403    redir  403    403
            POST /patients/{patient}/evaluation/history     login  403    403    403    403    redir  403    403
            POST /patients/{patient}/evaluation/trials      login  403    403    403    403    redir  403    403
            POST /patients/{patient}/evaluation/trials/{trial}/void login 403 403 403 403  redir  403    403
            POST /patients/{patient}/evaluation/screening   login  403    403    403    403    redir  403    403
            POST /patients/{patient}/evaluation/decision    login  403    403    403    403    redir  403    403
            POST /patients/{patient}/evaluation/decision/{decision}/amend login 403 403 403 403 redir 403 403
            GET  /patients/{patient}/medications            login  403    403    ok     ok     ok     403    login
            POST /patients/{patient}/medications            login  403    403    403    redir  redir  403    403
            POST /patients/{patient}/medications/{medication}/stop login 403 403 403   redir  redir  403    403
            POST /patients/{patient}/medications/reconcile  login  403    403    403    redir  redir  403    403
            POST /patients/{patient}/allergies              login  403    403    403    redir  redir  403    403
            POST /patients/{patient}/allergies/{allergy}/remove login 403 403    403    redir  redir  403    403
            GET  /patients/{patient}/consents               login  403    403    ok     ok     ok     403    login
            GET  /patients/{patient}/consents/{consentKind}/tablet login 403 403 ok    ok     ok     403    login
            POST /patients/{patient}/consents/{consentKind}/tablet login 403 403 redir redir  redir  403    403
            GET  /portal/consents                           login  403    403    403    403    403    ok     login
            GET  /portal/consents/{consentKind}             login  403    403    403    403    403    ok     login
            POST /portal/consents/{consentKind}             login  403    403    403    403    403    redir  403
            GET  /admin/consents                            login  ok     403    403    403    403    403    login
            POST /admin/consents                            login  redir  403    403    403    403    403    403
            GET  /eligibility/dose-floors                   login  403    403    ok     ok     ok     403    login
            POST /eligibility/dose-floors                   login  403    403    403    403    redir  403    403
            GET  /api/v1/patients/{patient}/eligibility     401    403    403    ok     ok     ok     403    403
            # -- treatment plans: clinicians read; prescribers plan, approve and change; staff read protocols, admins edit
            GET  /patients/{patient}/plan                   login  403    403    ok     ok     ok     403    login
            POST /patients/{patient}/plan                   login  403    403    403    403    redir  403    403
            POST /patients/{patient}/plan/{draftPlan}/approve login 403  403    403    403    redir  403    403
            POST /patients/{patient}/plan/{plan}/items/{item}/move login 403 403 403  403    redir  403    403
            POST /patients/{patient}/plan/{plan}/items/{item}/cancel login 403 403 403 403   redir  403    403
            POST /patients/{patient}/plan/{plan}/doses      login  403    403    403    403    redir  403    403
            POST /patients/{patient}/plan/{plan}/end        login  403    403    403    403    redir  403    403
            GET  /protocols                                 login  ok     403    ok     ok     ok     403    login
            GET  /protocols/{protocol}                      login  ok     403    ok     ok     ok     403    login
            POST /protocols/{protocol}                      login  redir  403    403    403    403    403    403
            GET  /api/v1/patients/{patient}/treatment-plans 401    403    403    ok     ok     ok     403    403
            # -- scheduling: bookers (coordinators and clinicians); admins set up places; staff blocks by admins and coordinators
            GET  /schedule                                  login  403    ok     ok     ok     ok     403    login
            GET  /schedule/week                             login  403    ok     ok     ok     ok     403    login
            GET  /schedule/staff                            login  ok     ok     ok     ok     ok     403    login
            POST /schedule/staff                            login  redir  redir  403    403    403    403    403
            POST /schedule/staff/{block}/remove             login  redir  redir  403    403    403    403    403
            GET  /patients/{patient}/appointments           login  403    ok     ok     ok     ok     403    login
            POST /patients/{patient}/appointments           login  403    redir  redir  redir  redir  403    403
            POST /appointments/{appointment}/cancel         login  403    redir  redir  redir  redir  403    403
            POST /appointments/{appointment}/reschedule     login  403    redir  redir  redir  redir  403    403
            GET  /admin/locations                           login  ok     403    403    403    403    403    login
            POST /admin/locations                           login  redir  403    403    403    403    403    403
            POST /admin/locations/{location}/rooms          login  redir  403    403    403    403    403    403
            POST /admin/chairs/{chair}/retire               login  redir  403    403    403    403    403    403
            # -- reminders' links, the portal's appointments and calendar feeds (tokens in the path are credentials)
            GET  /portal/appointments                       login  403    403    403    403    403    ok     login
            POST /portal/appointments/{ownAppointment}/transport login 403 403  403    403    403    redir  403
            GET  /portal/appointments/{ownAppointment}.ics  login  403    403    403    403    403    ok     login
            GET  /t/{transportToken}                        ok     ok     ok     ok     ok     ok     ok     ok
            POST /t/{transportToken}                        redir  redir  redir  redir  redir  redir  redir  403
            GET  /calendar/{feedToken}.ics                  ok     ok     ok     ok     ok     ok     ok     ok
            GET  /schedule/feeds                            login  403    ok     ok     ok     ok     403    login
            POST /schedule/feeds                            login  403    redir  redir  redir  redir  403    403
            POST /schedule/feeds/{feed}/revoke              login  403    redir  redir  redir  redir  403    403
            GET  /api/v1/locations                          401    403    ok     ok     ok     ok     403    ok
            GET  /api/v1/schedule/day                       401    403    ok     ok     ok     ok     403    ok
            GET  /api/v1/patients/{patient}/appointments    401    403    ok     ok     ok     ok     403    ok
            POST /api/v1/patients/{patient}/appointments    401    403    ok     ok     ok     ok     403    ok
            # -- the dosing day: nurses and prescribers; a BP acknowledgment or override is the prescriber's (service check)
            GET  /dosing/board                              login  403    403    403    ok     ok     403    login
            GET  /dosing/board/{location}/live              login  403    403    403    ok     ok     403    login
            POST /dosing/appointments/{dosingAppointment}/session login 403 403 403 redir redir 403    403
            GET  /dosing/sessions/{session}                 login  403    403    403    ok     ok     403    login
            GET  /dosing/sessions/{session}/instructions    login  403    403    403    ok     ok     403    login
            POST /dosing/sessions/{session}/gate/{gateItem} login  403    403    403    redir  redir  403    403
            POST /dosing/sessions/{session}/gate-reconcile  login  403    403    403    redir  redir  403    403
            POST /dosing/sessions/{session}/gate-vitals     login  403    403    403    redir  redir  403    403
            POST /dosing/sessions/{session}/gate-decision   login  403    403    403    403    ok     403    403
            POST /dosing/sessions/{session}/gate-pass       login  403    403    403    ok     ok     403    403
            POST /dosing/sessions/{session}/not-dosed       login  403    403    403    redir  redir  403    403
            POST /dosing/sessions/{session}/administration  login  403    403    403    ok     ok     403    403
            POST /dosing/sessions/{session}/devices         login  403    403    403    ok     ok     403    403
            POST /dosing/sessions/{session}/devices/stop    login  403    403    403    ok     ok     403    403
            POST /dosing/sessions/{session}/start           login  403    403    403    ok     ok     403    403
            POST /dosing/sessions/{session}/infusion/end    login  403    403    403    ok     ok     403    403
            POST /dosing/sessions/{session}/checks          login  403    403    403    ok     ok     403    403
            POST /dosing/sessions/{session}/waste           login  403    403    403    ok     ok     403    403
            POST /dosing/sessions/{session}/alerts/{dosingAlert}/acknowledge login 403 403 403 ok ok 403    403
            POST /dosing/sessions/{session}/discharge       login  403    403    403    ok     ok     403    403
            POST /dosing/sessions/{session}/left-ama        login  403    403    403    ok     ok     403    403
            # -- integration due (therapists and prescribers) and reflections (the patient writes; clinicians read;
            # -- therapists and prescribers set prompts)
            GET  /therapy/integrations                      login  403    403    ok     403    ok     403    login
            POST /therapy/integrations/{integrationItem}/not-needed login 403 403 redir 403   redir  403    403
            GET  /portal/reflections                        login  403    403    403    403    403    ok     login
            POST /portal/reflections/{ownAppointment}       login  403    403    403    403    403    redir  403
            GET  /patients/{patient}/reflections            login  403    403    ok     ok     ok     403    login
            POST /patients/{patient}/reflections/prompts    login  403    403    redir  403    redir  403    403
            POST /patients/{patient}/reflections/prompts/{reflectionPrompt}/retire login 403 403 redir 403 redir 403 403
            # -- the quick re-sign-in behind a locked screen (any signed-in user, with their own password)
            POST /session/confirm                           login  ok     ok     ok     ok     ok     ok     403
            # -- controlled-substance ledger (ADR 016): nurses and prescribers record; admins read, report, add
            # -- products; a prescriber or admin resolves a discrepancy; therapists, coordinators and patients nothing
            GET  /controlled-substances                     login  ok     403    403    ok     ok     403    login
            GET  /controlled-substances/lots/{csLot}        login  ok     403    403    ok     ok     403    login
            GET  /controlled-substances/initial-inventory   login  ok     403    403    ok     ok     403    login
            POST /controlled-substances/initial-inventory   login  403    403    403    redir  redir  403    403
            POST /controlled-substances/start-empty         login  403    403    403    redir  redir  403    403
            GET  /controlled-substances/receipts            login  ok     403    403    ok     ok     403    login
            POST /controlled-substances/receipts            login  403    403    403    redir  redir  403    403
            GET  /controlled-substances/lots/{csLot}/waste  login  ok     403    403    ok     ok     403    login
            POST /controlled-substances/lots/{csLot}/waste  login  403    403    403    redir  redir  403    403
            GET  /controlled-substances/lots/{csLot}/transfer login ok    403    403    ok     ok     403    login
            POST /controlled-substances/lots/{csLot}/transfer login 403   403    403    redir  redir  403    403
            GET  /controlled-substances/lots/{csLot}/loss   login  ok     403    403    ok     ok     403    login
            POST /controlled-substances/lots/{csLot}/loss   login  403    403    403    redir  redir  403    403
            GET  /controlled-substances/counts              login  ok     403    403    ok     ok     403    login
            POST /controlled-substances/counts              login  403    403    403    redir  redir  403    403
            GET  /controlled-substances/entries/{csEntry}/correct login ok 403   403    ok     ok     403    login
            POST /controlled-substances/entries/{csEntry}/correct login 403 403  403    redir  redir  403    403
            POST /controlled-substances/discrepancies/{csDiscrepancy}/resolve login redir 403 403 403 redir 403 403
            POST /controlled-substances/losses/{csLoss}/follow-up login redir 403 403   redir  redir  403    403
            GET  /controlled-substances/reports             login  ok     403    403    ok     ok     403    login
            GET  /controlled-substances/reports/reconciliation.pdf login ok 403  403    ok     ok     403    login
            GET  /controlled-substances/reports/reconciliation.csv login ok 403  403    ok     ok     403    login
            GET  /controlled-substances/products            login  ok     403    403    ok     ok     403    login
            POST /controlled-substances/products            login  redir  403    403    403    403    403    403
            # -- REMS monitoring forms: nurses and prescribers fill, sign, submit; admins read the list and PDFs --------
            GET  /dosing/rems-forms                         login  ok     403    403    ok     ok     403    login
            GET  /dosing/sessions/{remsSession}/rems-form   login  403    403    403    ok     ok     403    login
            POST /dosing/sessions/{remsSession}/rems-form   login  403    403    403    redir  redir  403    403
            POST /dosing/sessions/{remsSession}/rems-form/sign login 403  403    403    redir  redir  403    403
            POST /dosing/sessions/{signedRemsSession}/rems-form/submission login 403 403 403 redir redir 403 403
            POST /dosing/sessions/{signedRemsSession}/rems-form/amendment login 403 403 403 redir redir 403 403
            GET  /dosing/sessions/{remsSession}/rems-form.pdf login ok    403    403    ok     ok     403    login
            GET  /admin/rems                                login  ok     403    403    403    403    403    login
            POST /admin/rems/{location}                     login  redir  403    403    403    403    403    403
            # -- therapy notes (ADR 019): clinicians read, therapists and prescribers write; a draft is its author's
            #    (the matrix prescriber's); a psychotherapy note its author's (the matrix therapist's) and supervisor's;
            #    patients read their own
            GET  /notes                                     login  403    403    ok     403    ok     403    login
            GET  /patients/{patient}/notes                  login  403    403    ok     ok     ok     403    login
            POST /patients/{patient}/notes                  login  403    403    ok     403    ok     403    403
            GET  /notes/{note}                              login  403    403    ok     ok     ok     403    login
            GET  /notes/{psychNote}                         login  403    403    ok     403    403    403    login
            POST /notes/{draftNote}                         login  403    403    403    403    ok     403    403
            POST /notes/{draftNote}/sign                    login  403    403    403    403    ok     403    403
            POST /notes/{note}/amendments                   login  403    403    ok     403    ok     403    403
            POST /notes/requests/{noteRequest}/accept       login  403    403    ok     403    ok     403    403
            POST /notes/requests/{noteRequest}/deny         login  403    403    ok     403    ok     403    403
            GET  /portal/notes                              login  403    403    403    403    403    ok     login
            GET  /portal/notes/export                       login  403    403    403    403    403    ok     login
            GET  /portal/notes/{ownNote}                    login  403    403    403    403    403    ok     login
            GET  /portal/notes/{otherNote}                  login  403    403    403    403    403    403    login
            POST /portal/notes/{ownNote}/amendment-requests login  403    403    403    403    403    ok     403
            POST /portal/notes/requests/{deniedRequest}/disagreement login 403 403 403 403   403    ok     403
            GET  /admin/notes-export                        login  ok     403    403    403    403    403    login
            POST /staff/{therapist}/supervisor              login  redir  403    403    403    403    403    403
            # -- FHIR R4 (ADR 023; every interaction x caller in FhirAuthorizationMatrixTests): metadata is public;
            #    demographics for coordinators and clinicians, clinical types for clinicians, a patient their own;
            #    bulk export for admins; admins read no patient
            GET  /fhir/metadata                             ok     ok     ok     ok     ok     ok     ok     ok
            GET  /fhir/Patient/{patient}                    401    403    ok     ok     ok     ok     ok     ok
            GET  /fhir/Patient/{otherPatient}               401    403    ok     ok     ok     ok     403    ok
            GET  /fhir/Observation?patient={patient}        401    403    403    ok     ok     ok     ok     403
            GET  /fhir/Patient/{patient}/$everything        401    403    403    ok     ok     ok     ok     403
            GET  /fhir/Practitioner                         401    ok     ok     ok     ok     ok     403    ok
            GET  /fhir/Questionnaire/phq9                   401    ok     ok     ok     ok     ok     ok     ok
            GET  /fhir/$export                              401    ok     403    403    403    403    403    403
            """;

    /** Routes in the matrix that no controller maps: Spring Security's filters and Actuator serve them. */
    static final Set<String> SERVED_OUTSIDE_CONTROLLERS = Set.of("POST /logout", "GET /actuator/health",
            "GET /actuator/info", "GET /fhir/metadata", "GET /fhir/Patient/{patient}", "GET /fhir/Patient/{otherPatient}",
            "GET /fhir/Observation?patient={patient}", "GET /fhir/Patient/{patient}/$everything",
            "GET /fhir/Practitioner", "GET /fhir/Questionnaire/phq9", "GET /fhir/$export");

    /** Public routes that deliberately take no CSRF token: no signed-in session stands behind them. */
    static final Set<String> CSRF_FREE = Set.of("POST /api/v1/inquiries");

    /** Framework mappings that are not routes of the application: the error page that other requests forward to. */
    static final Set<String> NOT_ROUTES = Set.of("/error");

    record Row(HttpMethod method, String path, Map<Subject, Outcome> expected) {

        String route() {
            return method.name() + " " + path;
        }

        /** The route with placeholder names dropped, to compare with the mapped patterns. */
        String shape() {
            return method.name() + " " + shapeOf(path);
        }

        boolean isApi() {
            return path.startsWith("/api/");
        }

        boolean isJson() {
            // the questionnaire pages' autosave endpoints answer their script in JSON
            return isApi() || path.startsWith("/v3/") || path.startsWith("/actuator/") || path.endsWith("/answers")
                    || path.startsWith("/fhir/");
        }

        boolean changesState() {
            return method != HttpMethod.GET;
        }
    }

    static List<Row> matrix() {
        var subjects = Subject.values();
        return MATRIX.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> {
                    var cells = line.split("\\s+");
                    if (cells.length != 2 + subjects.length) {
                        throw new IllegalStateException("A matrix row needs a method, a route and " + subjects.length
                                + " outcomes: " + line);
                    }
                    var expected = new EnumMap<Subject, Outcome>(Subject.class);
                    for (int i = 0; i < subjects.length; i++) {
                        expected.put(subjects[i], Outcome.of(cells[i + 2]));
                    }
                    return new Row(HttpMethod.valueOf(cells[0]), cells[1], expected);
                })
                .toList();
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");

    static String shapeOf(String path) {
        return PLACEHOLDER.matcher(path).replaceAll("{}");
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    Patients patients;

    @Autowired
    UserAccounts accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    final Map<Subject, ClinicUser> users = new EnumMap<>(Subject.class);
    ClinicUser admin;
    ClinicUser intake;
    PatientId ownRecord;
    PatientId otherRecord;
    String bearerToken;
    String invitationToken;
    String matchTherapist;

    @BeforeAll
    void createCallersAndRecords() {
        admin = TestAccounts.create(context, Role.ADMIN);
        intake = TestAccounts.create(context, Role.INTAKE_COORDINATOR);
        TestMfa.enrol(context, intake); // API tokens go only to accounts with a second factor (ADR 026)
        users.put(Subject.ADMIN, admin);
        users.put(Subject.INTAKE_COORDINATOR, intake);
        users.put(Subject.THERAPIST, TestAccounts.create(context, Role.THERAPIST));
        users.put(Subject.NURSE, TestAccounts.create(context, Role.NURSE));
        users.put(Subject.PRESCRIBER, TestAccounts.create(context, Role.PRESCRIBER));
        ownRecord = newPatient().id();
        otherRecord = newPatient().id();
        var portal = TestAccounts.runAs(intake, () -> patients.invitePortalAccount(ownRecord));
        users.put(Subject.PATIENT, TestAccounts.load(context, portal.email()));
        bearerToken = TestMfa.runAsWithCode(admin, () -> tokens.issue(intake.id(), "authorization matrix")).secret();
        invitationToken = tokenOf(newInvitation());
        matchTherapist = org.kapclinic.staff.TherapistFixtures.therapist(context, "AZ", "Aetna", "Tue 17:00-20:00", true, true)
                .id().value().toString();
    }

    /** A fresh questionnaire link (kiosk, so no email) for a new record; returns the path token. */
    private String newLink() {
        var record = newPatient().id();
        return TestAccounts.runAs(users.get(Subject.PRESCRIBER),
                () -> context.getBean(org.kapclinic.assessments.Questionnaires.class).startKiosk(record, "phq9"));
    }

    /** An open questionnaire for this record; its id. */
    private String newRequest(PatientId record) {
        TestAccounts.runAs(users.get(Subject.PRESCRIBER),
                () -> context.getBean(org.kapclinic.assessments.Questionnaires.class).startKiosk(record, "phq9"));
        return jdbc.sql("SELECT id FROM questionnaire_request WHERE patient_id = :p ORDER BY created_at DESC LIMIT 1")
                .param("p", record.value()).query(UUID.class).list().get(0).toString();
    }

    /** An open safety alert (a clinician's flag on a new record). */
    private String newAlert() {
        var record = newPatient().id();
        return TestAccounts.runAs(users.get(Subject.PRESCRIBER),
                () -> context.getBean(org.kapclinic.safety.SafetyAlerts.class).flag(record, false, "Matrix flag")).toString();
    }

    private String newSchedule(PatientId record) {
        return TestAccounts.runAs(users.get(Subject.PRESCRIBER), () -> context.getBean(
                org.kapclinic.assessments.MeasurementSchedules.class).add(record, "phq9", 7,
                java.time.LocalDate.now(java.time.ZoneId.of("America/New_York")).plusDays(1))).toString();
    }

    private String newAssessment() {
        var record = newPatient().id();
        return TestAccounts.runAs(users.get(Subject.PRESCRIBER),
                () -> context.getBean(org.kapclinic.assessments.Assessments.class).recordByClinician(record, "mood",
                        java.util.Map.of("1", 5), null, org.kapclinic.assessments.Channel.CLINICIAN)).id().toString();
    }

    /** Eligibility fixtures for a record, made by a prescriber: a trial, a signed decision, a medication, an allergy. */
    private String eligibilityFixture(PatientId record, String kind) {
        var prescriber = users.get(Subject.PRESCRIBER);
        var evaluations = context.getBean(org.kapclinic.eligibility.Evaluations.class);
        var medications = context.getBean(org.kapclinic.eligibility.Medications.class);
        return TestAccounts.runAs(prescriber, () -> switch (kind) {
            case "trial" -> evaluations.addTrial(record, new org.kapclinic.eligibility.Evaluations.TrialForm("sertraline",
                    new java.math.BigDecimal("100"), 8, org.kapclinic.eligibility.Adherence.ALL_DAYS,
                    org.kapclinic.eligibility.TrialOutcome.NO_RESPONSE, false, true, null)).id().toString();
            case "decision" -> {
                openEvaluation(record);
                yield evaluations.sign(record, org.kapclinic.eligibility.Decision.Outcome.NOT_ELIGIBLE, "Matrix decision",
                        null).id().toString();
            }
            case "medication" -> medications.add(record, "sertraline", "100 mg", List.of()).id().toString();
            default -> medications.addAllergy(record, "penicillin", "rash").id().toString();
        });
    }

    private String lastPlan;

    private UUID matrixLocation;

    /** A location with no therapy rooms, so bookings in the matrix never clash on a room. */
    private UUID matrixLocation() {
        if (matrixLocation == null) {
            matrixLocation = newLocation();
        }
        return matrixLocation;
    }

    private UUID newLocation() {
        return TestAccounts.runAs(admin, () -> context.getBean(org.kapclinic.scheduling.Locations.class)
                .addLocation("Matrix " + UUID.randomUUID().toString().substring(0, 8), "Synthetic address"));
    }

    private String newChair() {
        var locations = context.getBean(org.kapclinic.scheduling.Locations.class);
        var location = newLocation();
        TestAccounts.runAs(admin, () -> locations.addRoom(location, "Matrix treatment room",
                org.kapclinic.scheduling.Place.RoomKind.TREATMENT, 1));
        return jdbc.sql("SELECT c.id FROM treatment_chair c JOIN clinic_room r ON r.id = c.room_id WHERE r.location_id = :l")
                .param("l", location).query(UUID.class).single().toString();
    }

    private String newBlock() {
        TestAccounts.runAs(admin, () -> context.getBean(org.kapclinic.scheduling.StaffBlocks.class).add(
                users.get(Subject.NURSE).id().value(), matrixLocation(), org.kapclinic.scheduling.StaffBlock.Kind.NURSE_SHIFT,
                org.kapclinic.treatmentplans.PlanFixtures.businessDayAfter(context, 3), java.time.LocalTime.of(8, 0),
                java.time.LocalTime.of(12, 0), 1));
        return jdbc.sql("SELECT id FROM staff_block WHERE location_id = :l AND removed_at IS NULL ORDER BY created_at DESC"
                + " LIMIT 1").param("l", matrixLocation()).query(UUID.class).single().toString();
    }

    /** A booked dosing appointment for the PATIENT's own record, written directly (no chair or nurse needed). */
    private UUID ownDosingAppointment() {
        var id = UUID.randomUUID();
        var start = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusDays(3);
        jdbc.sql("""
                INSERT INTO appointment (id, patient_id, type, label, modality, location_id, starts_at, ends_at, dose_at,
                    status, created_at, created_by, updated_at, updated_by, version)
                VALUES (:id, :p, 'DOSING', 'Dosing session', 'IV_KETAMINE', :l, :s, :e, :s, 'BOOKED', :s, 'matrix', :s,
                    'matrix', 0)""")
                .param("id", id).param("p", ownRecord.value()).param("l", matrixLocation()).param("s", start)
                .param("e", start.plusHours(2)).update();
        return id;
    }

    /** An open integration-due item for a new record, written directly. */
    private UUID integrationItem() {
        var id = UUID.randomUUID();
        var now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO integration_item (id, patient_id, dosing_session_id, ended_at, due_at, window_hours,
                    window_source, status, created_at, version)
                VALUES (:id, :p, :s, :e, :d, 72, 'SETTING', 'OPEN', :e, 0)""")
                .param("id", id).param("p", newPatient().id().value()).param("s", UUID.randomUUID())
                .param("e", now.minusHours(1)).param("d", now.plusHours(71)).update();
        return id;
    }

    /** An active reflection prompt for the record, written directly. */
    private UUID reflectionPrompt(PatientId record) {
        var id = UUID.randomUUID();
        jdbc.sql("INSERT INTO reflection_prompt (id, patient_id, prompt, created_at, created_by)"
                        + " VALUES (:id, :p, 'What do you hope for?', :at, 'matrix')")
                .param("id", id).param("p", record.value())
                .param("at", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)).update();
        return id;
    }

    /** A booked esketamine dosing appointment at noon today (clinic time) at the matrix location, written directly. */
    private UUID dosingToday(PatientId record) {
        var id = UUID.randomUUID();
        var zone = context.getBean(org.kapclinic.calendar.ClinicCalendar.class).zone();
        var start = java.time.OffsetDateTime.ofInstant(java.time.LocalDate.now(zone).atTime(12, 0).atZone(zone)
                .toInstant(), java.time.ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO appointment (id, patient_id, type, label, modality, location_id, starts_at, ends_at, dose_at,
                    status, created_at, created_by, updated_at, updated_by, version)
                VALUES (:id, :p, 'DOSING', 'Dosing session', 'ESKETAMINE', :l, :s, :e, :s, 'BOOKED', :s, 'matrix', :s,
                    'matrix', 0)""")
                .param("id", id).param("p", record.value()).param("l", matrixLocation()).param("s", start)
                .param("e", start.plusHours(3)).update();
        return id;
    }

    /** A dosing session at the gate for a new record, opened by the matrix nurse; its id. */
    private UUID newDosingSession() {
        var appointment = dosingToday(newPatient().id());
        return TestAccounts.runAs(users.get(Subject.NURSE),
                () -> context.getBean(org.kapclinic.dosing.DosingSessions.class).open(appointment));
    }

    /** A transport link for a dosing appointment of the PATIENT's own record; the raw token. */
    private String transportToken() {
        var token = "t" + UUID.randomUUID().toString().replace("-", "");
        try {
            var hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            jdbc.sql("INSERT INTO transport_link (token_hash, appointment_id, created_at) VALUES (:h, :a, :at)")
                    .param("h", hash).param("a", ownDosingAppointment())
                    .param("at", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)).update();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return token;
    }

    private UUID lastRemsSession;

    private UUID remsLocation;

    /** A REMS form for a new record at a certified location, treated yesterday; signed if asked. Its session id. */
    private UUID remsSession(boolean signed) {
        if (remsLocation == null) {
            remsLocation = org.kapclinic.dosing.rems.RemsFixtures.certifiedLocation(context, admin);
        }
        var record = newPatient().id();
        var treatment = java.time.LocalDate.now(context.getBean(org.kapclinic.calendar.ClinicCalendar.class).zone())
                .minusDays(1);
        lastRemsSession = signed
                ? org.kapclinic.dosing.rems.RemsFixtures.signed(context, users.get(Subject.PRESCRIBER), record,
                        remsLocation, treatment)
                : org.kapclinic.dosing.rems.RemsFixtures.draft(context, record, remsLocation, treatment);
        return lastRemsSession;
    }

    /** A note by the matrix therapist, every section filled, signed. */
    private org.kapclinic.therapynotes.NoteId signedNote(PatientId record, String type) {
        var notes = context.getBean(org.kapclinic.therapynotes.TherapyNotes.class);
        var noteType = org.kapclinic.therapynotes.NoteType.valueOf(type);
        var sections = new java.util.HashMap<String, String>();
        noteType.sections().forEach(s -> sections.put(s.key(), s.readiness() ? "READY" : "Matrix text"));
        return TestAccounts.runAs(users.get(Subject.THERAPIST), () -> {
            var id = notes.start(record, noteType, null);
            notes.sign(id, new org.kapclinic.therapynotes.NoteDraft(sections, List.of(), null, null, 0));
            return id;
        });
    }

    /** The PATIENT's amendment request on their own signed note; denied by the matrix therapist if asked. */
    private UUID noteRequest(boolean denied) {
        var requests = context.getBean(org.kapclinic.therapynotes.AmendmentRequests.class);
        var note = signedNote(ownRecord, "PREPARATION");
        var request = TestAccounts.runAs(users.get(Subject.PATIENT), () -> requests.request(note, "Matrix: wrong",
                "Matrix: right"));
        if (denied) {
            TestAccounts.runAs(users.get(Subject.THERAPIST), () -> requests.deny(request, "Matrix denial"));
        }
        return request;
    }

    /** A calendar feed made by the prescriber; the raw token from its address. */
    private String feedToken() {
        var address = TestAccounts.runAs(users.get(Subject.PRESCRIBER),
                () -> context.getBean(org.kapclinic.scheduling.CalendarFeeds.class).create());
        return address.substring(address.lastIndexOf('/') + 1, address.length() - ".ics".length());
    }

    /** A therapy appointment for a new record at the matrix location. */
    private String newAppointment() {
        var record = newPatient().id();
        return TestAccounts.runAs(intake, () -> context.getBean(org.kapclinic.scheduling.Appointments.class).book(
                new org.kapclinic.scheduling.Appointments.NewAppointment(record,
                        org.kapclinic.scheduling.AppointmentType.THERAPY, null, matrixLocation(), null, null, null,
                        org.kapclinic.treatmentplans.PlanFixtures.businessDayAfter(context, 5), java.time.LocalTime.of(10, 0),
                        null))).id().toString();
    }

    /** A plan for the record (a fresh eligible patient when the PATIENT column reuses its own); its id. */
    private String planFixture(PatientId record, boolean approved) {
        var target = record.equals(ownRecord) ? newPatient().id() : record;
        var prescriber = users.get(Subject.PRESCRIBER);
        lastPlan = (approved ? org.kapclinic.treatmentplans.PlanFixtures.approved(context, target, prescriber)
                : org.kapclinic.treatmentplans.PlanFixtures.draft(context, target, prescriber)).toString();
        return lastPlan;
    }

    /** The first dosing session of the plan made last. */
    private String lastPlanItem() {
        return jdbc.sql("SELECT id FROM treatment_plan_item WHERE plan_id = :p AND kind = 'DOSING' ORDER BY at LIMIT 1")
                .param("p", UUID.fromString(lastPlan)).query(UUID.class).single().toString();
    }

    /** An open evaluation for the record, for the routes that change one. */
    private void openEvaluation(PatientId record) {
        try {
            TestAccounts.runAs(users.get(Subject.PRESCRIBER), () -> context.getBean(
                    org.kapclinic.eligibility.Evaluations.class).start(record, org.kapclinic.eligibility.Modality.ESKETAMINE));
        } catch (IllegalArgumentException alreadyOpen) {
            // the PATIENT column reuses one record: its evaluation may be open from an earlier cell
        }
    }

    /** A started ledger location with a well-stocked lot, a second started location, and a witness (one per class). */
    record LedgerFixture(UUID location, UUID other, UUID product, UUID lot, UUID entry, String witness) {}

    private LedgerFixture ledgerFixture;

    private LedgerFixture ledgerFixture() {
        if (ledgerFixture == null) {
            var nurse = users.get(Subject.NURSE);
            var location = newLocation();
            var other = newLocation();
            var product = TestAccounts.runAs(admin, () -> context.getBean(
                    org.kapclinic.controlledsubstances.Products.class).add(
                    org.kapclinic.controlledsubstances.Substance.KETAMINE, "Matrix ketamine 50 mg/mL " + UUID.randomUUID()
                            .toString().substring(0, 8), null, org.kapclinic.controlledsubstances.Unit.ML,
                    new java.math.BigDecimal("50"))).id();
            var ledger = context.getBean(org.kapclinic.controlledsubstances.Ledger.class);
            var entry = TestAccounts.runAs(nurse, () -> ledger.initialInventory(location,
                    new org.kapclinic.controlledsubstances.Ledger.StockLine(product, "MATRIX-1", clinicToday().plusYears(1),
                            new java.math.BigDecimal("5000"), "Safe A"), clinicToday()));
            TestAccounts.runAs(nurse, () -> ledger.startEmpty(other, clinicToday(), "Matrix"));
            var witness = TestAccounts.create(context, Role.NURSE).email();
            ledgerFixture = new LedgerFixture(location, other, product, entry.lotId(), entry.id(), witness);
        }
        return ledgerFixture;
    }

    private java.math.BigDecimal ledgerBalance() {
        return jdbc.sql("SELECT SUM(delta) FROM cs_entry WHERE lot_id = :l AND location_id = :loc")
                .param("l", ledgerFixture().lot()).param("loc", ledgerFixture().location())
                .query(java.math.BigDecimal.class).single();
    }

    /** A fresh count that found one mL less than the book. */
    private UUID ledgerDiscrepancy() {
        var f = ledgerFixture();
        return TestAccounts.runAs(users.get(Subject.NURSE), () -> context.getBean(
                org.kapclinic.controlledsubstances.Ledger.class).count(f.location(),
                org.kapclinic.controlledsubstances.CountKind.PERIODIC,
                java.util.Map.of(f.lot(), ledgerBalance().subtract(java.math.BigDecimal.ONE)), Set.of(), "Matrix"))
                .get(0).id();
    }

    private UUID ledgerLoss() {
        var f = ledgerFixture();
        return TestAccounts.runAs(users.get(Subject.NURSE), () -> context.getBean(
                org.kapclinic.controlledsubstances.Ledger.class).reportLoss(f.lot(), f.location(),
                new org.kapclinic.controlledsubstances.Ledger.LossReport(clinicToday(),
                        org.kapclinic.controlledsubstances.LossType.OTHER, "Matrix", new java.math.BigDecimal("0.01"),
                        null, null))).id();
    }

    private LocalDate clinicToday() {
        return LocalDate.now(context.getBean(org.kapclinic.calendar.ClinicCalendar.class).zone());
    }

    /** A new inquiry through the public API, from its own client address. */
    private String newInquiry() {
        try {
            var body = mvc.perform(MockMvcRequestBuilders.post("/api/v1/inquiries")
                            .with(org.kapclinic.intake.IntakeFixtures.fromNewAddress()).contentType(MediaType.APPLICATION_JSON)
                            .content(org.kapclinic.intake.IntakeFixtures.json(PatientFixtures.uniqueFamily(), "matrix")))
                    .andReturn().getResponse().getContentAsString();
            return com.jayway.jsonpath.JsonPath.read(body, "$.id");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyRouteHasARowInTheMatrix() {
        var covered = matrix().stream().map(Row::shape).collect(Collectors.toSet());
        var missing = new TreeSet<String>();
        for (var route : mappedRoutes()) {
            if (!covered.contains(shapeOf(route))) {
                missing.add(route);
            }
        }
        assertThat(missing)
                .as("Routes without a row in AuthorizationMatrixTests.MATRIX (add one: what does each caller get?)")
                .isEmpty();
    }

    @Test
    void everyRowInTheMatrixIsARouteTheApplicationServes() {
        var mapped = mappedRoutes().stream().map(AuthorizationMatrixTests::shapeOf)
                .collect(Collectors.toSet());
        var stale = matrix().stream()
                .filter(row -> !mapped.contains(row.shape()) && !SERVED_OUTSIDE_CONTROLLERS.contains(row.route()))
                .map(Row::route).toList();
        assertThat(stale).as("Rows in the matrix for routes that nothing serves any more").isEmpty();
    }

    @TestFactory
    Stream<DynamicContainer> eachCallerGetsTheExpectedOutcomeOnEveryRoute() {
        return matrix().stream().map(row -> DynamicContainer.dynamicContainer(row.route(),
                Arrays.stream(Subject.values()).map(subject -> DynamicTest.dynamicTest(
                        subject + " gets " + row.expected().get(subject).symbol,
                        () -> assertOutcome(row, subject, row.expected().get(subject),
                                withSecurityHeaders(row, subject, send(row, subject, true)))))));
    }

    /** Every cell's answer carries the security headers too (ADR 029; SecurityHeadersTests covers new routes). */
    private static MockHttpServletResponse withSecurityHeaders(Row row, Subject subject, MockHttpServletResponse response) {
        SecurityHeaders.assertPresent(row.route() + " as " + subject, response, false);
        return response;
    }

    @Test
    void aPatientAskingForAnotherPatientsRecordIsRefusedAndTheRefusalIsAudited() throws Exception {
        var patient = users.get(Subject.PATIENT);
        var record = newPatient();
        var someoneElse = record.id();
        var theirName = record.details().legalFamilyName();

        // The staff page is closed to patients by URL, before any record is read.
        var page = mvc.perform(MockMvcRequestBuilders.get("/patients/{id}", someoneElse.value())
                .accept(MediaType.TEXT_HTML).with(TestAccounts.as(patient))).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(403);
        assertThat(page.getContentAsString()).doesNotContain(theirName);

        // The API lets a patient ask for a record; Patients refuses anyone else's and audits the refusal.
        long deniedBefore = deniedAccessAudited(someoneElse, patient);
        var api = mvc.perform(MockMvcRequestBuilders.get("/api/v1/patients/{id}", someoneElse.value())
                .accept(MediaType.APPLICATION_JSON).with(TestAccounts.as(patient))).andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(403);
        assertThat(isProblemJson(api)).isTrue();
        assertThat(api.getContentAsString()).doesNotContain(theirName);
        assertThat(deniedAccessAudited(someoneElse, patient)).isEqualTo(deniedBefore + 1);

        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM audit_entry
                WHERE patient_id = :id AND action = 'PATIENT_VIEWED' AND username = :user""")
                .param("id", someoneElse.value()).param("user", patient.email()).query(Long.class).single()).isZero();
    }

    /** For each state-changing route: a caller the matrix lets in, from a session, but without the CSRF token. */
    @TestFactory
    Stream<DynamicTest> aSessionPostWithoutACsrfTokenIsRefused() {
        return matrix().stream().filter(Row::changesState).filter(row -> !CSRF_FREE.contains(row.route())).map(row -> {
            var subject = Stream.of(Subject.ADMIN, Subject.INTAKE_COORDINATOR, Subject.PRESCRIBER, Subject.PATIENT,
                            Subject.ANONYMOUS)
                    .filter(s -> row.expected().get(s) == Outcome.OK || row.expected().get(s) == Outcome.REDIRECT)
                    .findFirst().orElseThrow(() -> new IllegalStateException("Nobody may call " + row.route()));
            return DynamicTest.dynamicTest(row.route() + " as " + subject + " without a CSRF token is refused",
                    () -> assertOutcome(row, subject, Outcome.FORBIDDEN, send(row, subject, false)));
        });
    }

    @Test
    void aBearerHeaderDoesNotExcuseASessionPageFromItsCsrfToken() throws Exception {
        var record = newPatient().id();
        var response = mvc.perform(MockMvcRequestBuilders.post("/patients/{id}/void", record.value())
                .param("reason", "Registered twice").accept(MediaType.TEXT_HTML)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken)
                .with(TestAccounts.as(intake))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(TestAccounts.runAs(intake, () -> patients.get(record)).voided()).isFalse();
    }

    @Test
    void anUnknownOrRevokedBearerTokenIsUnauthorized() throws Exception {
        var issued = TestMfa.runAsWithCode(admin, () -> tokens.issue(intake.id(), "soon revoked"));
        TestAccounts.runAs(admin, () -> tokens.revoke(issued.id()));
        for (var secret : List.of(issued.secret(), ApiTokens.PREFIX + "not-a-token-that-was-ever-issued")) {
            var response = mvc.perform(MockMvcRequestBuilders.get("/api/v1/patients").accept(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + secret)).andReturn().getResponse();
            assertThat(response.getStatus()).isEqualTo(401);
            assertThat(isProblemJson(response)).isTrue();
            assertThat(response.getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        }
    }

    /** Every "METHOD /pattern" the MVC handler mapping serves; a mapping without methods needs a row per method. */
    private Set<String> mappedRoutes() {
        var routes = new TreeSet<String>();
        handlerMapping.getHandlerMethods().keySet().forEach(info -> {
            var methods = info.getMethodsCondition().getMethods().isEmpty()
                    ? Set.of(RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH,
                            RequestMethod.DELETE)
                    : info.getMethodsCondition().getMethods();
            for (var pattern : info.getPatternValues()) {
                if (!NOT_ROUTES.contains(pattern)) {
                    methods.forEach(method -> routes.add(method.name() + " " + pattern));
                }
            }
        });
        return routes;
    }

    // --- one cell -------------------------------------------------------------------------------------------

    private MockHttpServletResponse send(Row row, Subject subject, boolean withCsrf) throws Exception {
        PatientView record = null;
        var uri = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(row.path());
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "patient" -> {
                    record = subject == Subject.PATIENT ? view(ownRecord) : newPatient();
                    yield record.id().toString();
                }
                case "otherPatient" -> otherRecord.toString();
                case "user" -> newInvitation().userId().value().toString();
                case "token" -> TestMfa.runAsWithCode(admin, () -> tokens.issue(intake.id(), "to revoke")).id().toString();
                case "invitation" -> invitationToken;
                case "inquiry" -> newInquiry();
                case "therapist" -> subject == Subject.THERAPIST ? users.get(Subject.THERAPIST).id().value().toString()
                        : TestAccounts.create(context, Role.THERAPIST).id().value().toString();
                case "holiday" -> "2032-02-03";
                case "instrument" -> "phq9";
                case "link" -> newLink();
                case "request" -> newRequest(record == null ? ownRecord : record.id());
                case "alert" -> newAlert();
                case "assessment" -> newAssessment();
                case "schedule" -> newSchedule(record.id());
                case "trial" -> eligibilityFixture(record.id(), "trial");
                case "decision" -> eligibilityFixture(record.id(), "decision");
                case "medication" -> eligibilityFixture(record.id(), "medication");
                case "allergy" -> eligibilityFixture(record.id(), "allergy");
                case "consentKind" -> "treatment";
                case "draftPlan" -> planFixture(record.id(), false);
                case "plan" -> planFixture(record.id(), true);
                case "item" -> lastPlanItem();
                case "protocol" -> "maintenance";
                case "block" -> newBlock();
                case "appointment" -> newAppointment();
                case "dosingAppointment" -> dosingToday(newPatient().id()).toString();
                case "session" -> newDosingSession().toString();
                case "gateItem" -> "identity";
                case "dosingAlert" -> UUID.randomUUID().toString();
                case "grant" -> UUID.randomUUID().toString();
                case "location" -> newLocation().toString();
                case "chair" -> newChair();
                case "ownAppointment" -> ownDosingAppointment().toString();
                case "integrationItem" -> integrationItem().toString();
                case "reflectionPrompt" -> reflectionPrompt(record.id()).toString();
                case "transportToken" -> transportToken();
                case "feedToken" -> feedToken();
                case "csLot" -> ledgerFixture().lot().toString();
                case "csEntry" -> ledgerFixture().entry().toString();
                case "csDiscrepancy" -> ledgerDiscrepancy().toString();
                case "csLoss" -> ledgerLoss().toString();
                case "remsSession" -> remsSession(false).toString();
                case "signedRemsSession" -> remsSession(true).toString();
                case "note" -> signedNote(newPatient().id(), "PREPARATION").toString();
                case "psychNote" -> signedNote(newPatient().id(), "PSYCHOTHERAPY").toString();
                case "draftNote" -> TestAccounts.runAs(users.get(Subject.PRESCRIBER), () -> context.getBean(
                        org.kapclinic.therapynotes.TherapyNotes.class).start(newPatient().id(),
                        org.kapclinic.therapynotes.NoteType.PREPARATION, null)).toString();
                case "ownNote" -> signedNote(ownRecord, "PREPARATION").toString();
                case "otherNote" -> signedNote(otherRecord, "PREPARATION").toString();
                case "noteRequest" -> noteRequest(false).toString();
                case "deniedRequest" -> noteRequest(true).toString();
                case "feed" -> jdbc.sql("SELECT id FROM calendar_feed ORDER BY created_at DESC LIMIT 1").query(UUID.class)
                        .optional().orElseGet(() -> {
                            feedToken();
                            return jdbc.sql("SELECT id FROM calendar_feed ORDER BY created_at DESC LIMIT 1")
                                    .query(UUID.class).single();
                        }).toString();
                default -> throw new IllegalStateException("No fixture for {" + m.group(1) + "} in " + row.route());
            };
            m.appendReplacement(uri, Matcher.quoteReplacement(value));
        }
        m.appendTail(uri);

        if (row.path().startsWith("/fhir/")) {
            // HAPI's servlet is not behind MockMvc's DispatcherServlet: through the security filters to it directly
            return org.kapclinic.fhir.FhirRequests.send(context, row.method().name(), uri.toString(),
                    subject == Subject.ANONYMOUS || subject == Subject.API_TOKEN ? null : users.get(subject),
                    subject == Subject.API_TOKEN ? bearerToken : null, Map.of("Prefer", "respond-async"));
        }
        var request = MockMvcRequestBuilders.request(row.method(), URI.create(uri.toString()))
                .accept(row.path().startsWith("/v3/") ? MediaType.ALL
                        : row.isJson() ? MediaType.APPLICATION_JSON : MediaType.TEXT_HTML);
        addBody(request, row, record);
        switch (subject) {
            case ANONYMOUS -> { }
            case API_TOKEN -> request.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken);
            default -> request.with(TestAccounts.as(users.get(subject)));
        }
        if (row.changesState() && withCsrf && subject != Subject.API_TOKEN) {
            request.with(csrf());
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    /** What each state-changing route is sent: a request that succeeds for a caller who may make it. */
    private void addBody(MockHttpServletRequestBuilder request, Row row, PatientView record) {
        switch (row.route()) {
            case "POST /invite/{invitation}" -> request.param("password", "matrix-password-one")
                    .param("confirmation", "matrix-password-two");
            case "POST /patients" -> form(request, newDetails());
            case "POST /patients/{patient}" -> form(request, record.details())
                    .param("version", String.valueOf(record.version()));
            case "POST /patients/{patient}/void" -> request.param("reason", "Registered twice (authorization matrix)");
            case "POST /api/v1/patients" -> request.contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(newDetails()));
            case "PUT /api/v1/patients/{patient}" -> request.contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(record.details()));
            case "POST /admin/users" -> request.param("email", uniqueEmail())
                    .param("displayName", "Invited by the matrix (synthetic)").param("roles", Role.THERAPIST.name());
            case "POST /admin/users/{user}/roles" -> request.param("roles", Role.THERAPIST.name());
            case "POST /admin/users/{user}/tokens" -> request.param("name", "matrix");
            case "POST /inquiry" -> request.with(org.kapclinic.intake.IntakeFixtures.fromNewAddress())
                    .param("firstName", "Matrix").param("lastName", PatientFixtures.uniqueFamily())
                    .param("email", "matrix@example.test").param("preferredContact", "email").param("state", "AZ")
                    .param("dateOfBirth", "1980-01-01").param("consentToContact", "true")
                    .param("submissionToken", UUID.randomUUID().toString());
            case "POST /api/v1/inquiries" -> request.with(org.kapclinic.intake.IntakeFixtures.fromNewAddress())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(org.kapclinic.intake.IntakeFixtures.json(PatientFixtures.uniqueFamily(), "matrix"));
            case "POST /api/v1/instruments/{instrument}/score" -> request.contentType(MediaType.APPLICATION_JSON)
                    .content("{\"answers\":{\"1\":0,\"2\":1,\"3\":0,\"4\":0,\"5\":0,\"6\":0,\"7\":0,\"8\":0,\"9\":0}}");
            case "POST /intake/inquiries/{inquiry}/contacts" -> request.param("method", "phone").param("outcome", "reached");
            case "POST /intake/inquiries/{inquiry}/triage" -> request.param("note", "Reviewed by the matrix");
            case "POST /intake/inquiries/{inquiry}/close" -> request.param("outcome", "CLOSED").param("reason", "matrix");
            case "POST /intake/inquiries/{inquiry}/assign" -> request.param("therapistId", matchTherapist);
            case "POST /staff/{therapist}/profile" -> request.param("credentials", "LMFT").param("licensedStates", "AZ")
                    .param("languages", "English").param("telehealth", "true").param("caseloadLimit", "10")
                    .param("version", "0");
            case "POST /admin/calendar" -> request.param("timeZone", "America/New_York")
                    .param("businessDays", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")
                    .param("opens", "08:00").param("closes", "17:00").param("usFederalHolidays", "true")
                    .param("counting", "BUSINESS_DAYS").param("version", String.valueOf(jdbc.sql(
                            "SELECT version FROM clinic_calendar WHERE id = 1").query(Long.class).optional().orElse(0L)));
            case "POST /admin/calendar/holidays" -> request.param("date", "2032-02-02").param("name", "Matrix day");
            case "POST /q/{link}", "POST /q/{link}/answers", "POST /portal/questionnaires/{request}",
                    "POST /portal/questionnaires/{request}/answers" -> request.param("item-1", "1");
            case "POST /patients/{patient}/measures/links", "POST /patients/{patient}/measures/kiosk" ->
                    request.param("instrument", "phq9");
            case "GET /patients/{patient}/measures/enter" -> request.param("instrument", "madrs");
            case "POST /patients/{patient}/measures/schedules" -> request.param("instrument", "gad7")
                    .param("everyDays", "7");
            case "POST /patients/{patient}/measures/enter" -> {
                request.param("instrument", "mood").param("item-1", "6");
            }
            case "POST /patients/{patient}/safety/flag" -> request.param("note", "Matrix concern");
            case "POST /therapy/integrations/{integrationItem}/not-needed" -> request.param("reason", "Matrix: declined");
            case "POST /portal/reflections/{ownAppointment}" -> request.param("phase", "BEFORE")
                    .param("text", "Curious and a little nervous (matrix).");
            case "POST /patients/{patient}/reflections/prompts" -> request.param("prompt", "What do you hope for?");
            case "POST /patients/{patient}/safety-plan" -> request.param("warningSigns", "Not sleeping")
                    .param("professionals", "988");
            case "POST /patients/{patient}/safety/clearance" -> request.param("note", "Matrix clearance");
            case "POST /safety/alerts/{alert}/acknowledge" -> request.param("action", "CALLED_PATIENT");
            case "POST /safety/settings/levels" -> request.param("level-suicidal-ideation", "SAME_DAY");
            case "POST /safety/settings/duty" -> request.param("prescriberOnDuty", "");
            case "POST /api/v1/patients/{patient}/assessments" -> request.contentType(MediaType.APPLICATION_JSON)
                    .content("{\"instrument\":\"mood\",\"answers\":{\"1\":5}}");
            case "POST /api/v1/patients/{patient}/questionnaire-links" -> request.contentType(MediaType.APPLICATION_JSON)
                    .content("{\"instrument\":\"phq9\"}");
            case "POST /api/v1/safety/alerts/{alert}/acknowledgement" -> request.contentType(MediaType.APPLICATION_JSON)
                    .content("{\"action\":\"CALLED_PATIENT\"}");
            case "POST /admin/matching" -> request.param("specialty", "30").param("preferences", "15")
                    .param("insurance", "20").param("language", "10").param("availability", "15").param("caseload", "10");
            case "POST /patients/{patient}/evaluation" -> request.param("modality", "ESKETAMINE");
            case "POST /patients/{patient}/evaluation/history" -> {
                openEvaluation(record.id());
                request.param("modality", "ESKETAMINE").param("ect", "NONE").param("tms", "NONE")
                        .param("episodeStart", "2025-01-10").param("severity", "SEVERE").param("version", "0");
            }
            case "POST /patients/{patient}/evaluation/trials" -> request.param("drug", "sertraline")
                    .param("maxDailyMg", "100").param("weeksAtDose", "8").param("adherence", "ALL_DAYS")
                    .param("outcome", "NO_RESPONSE").param("currentEpisode", "true");
            case "POST /patients/{patient}/evaluation/trials/{trial}/void" -> request.param("reason", "Entered twice");
            case "POST /patients/{patient}/evaluation/screening" -> {
                openEvaluation(record.id());
                for (var item : org.kapclinic.eligibility.ScreeningItem.values()) {
                    request.param(item.code(), "absent");
                }
            }
            case "POST /patients/{patient}/evaluation/decision" -> {
                openEvaluation(record.id());
                request.param("outcome", "NOT_ELIGIBLE").param("reasons", "Matrix reasons").param("confirm", "true");
            }
            case "POST /patients/{patient}/evaluation/decision/{decision}/amend" -> request.param("outcome", "NOT_ELIGIBLE")
                    .param("reasons", "Matrix reasons").param("amendmentReason", "Matrix amendment");
            case "POST /patients/{patient}/medications" -> request.param("name", "lisinopril").param("dose", "10 mg");
            case "POST /patients/{patient}/medications/{medication}/stop",
                    "POST /patients/{patient}/allergies/{allergy}/remove" -> request.param("reason", "Entered in error");
            case "POST /patients/{patient}/allergies" -> request.param("substance", "latex").param("reaction", "rash");
            case "POST /patients/{patient}/consents/{consentKind}/tablet", "POST /portal/consents/{consentKind}" ->
                    request.param("agreed", "true").param("signerName", "Matrix Signer").param("version", String.valueOf(
                            jdbc.sql("SELECT MAX(version) FROM consent_document WHERE kind = 'TREATMENT'")
                                    .query(Integer.class).single()));
            case "POST /admin/consents" -> request.param("kind", "telehealth").param("title", "Telehealth")
                    .param("body", "Matrix telehealth text, revision " + UUID.randomUUID());
            case "POST /eligibility/dose-floors" -> request.param("drug", "matrix-" + UUID.randomUUID().toString()
                    .substring(0, 8)).param("drugClass", "SSRI").param("minDailyMg", "10").param("source", "Matrix");
            case "GET /api/v1/patients/{patient}/eligibility" -> openEvaluation(record.id());
            case "POST /patients/{patient}/plan" -> request.param("templateCode", "iv-ketamine-series")
                    .param("start", org.kapclinic.treatmentplans.PlanFixtures.businessDayAfter(context, 7).toString());
            case "POST /patients/{patient}/plan/{plan}/items/{item}/move" -> request.param("date",
                    org.kapclinic.treatmentplans.PlanFixtures.businessDayAfter(context, 60).toString())
                    .param("time", "10:00").param("reason", "Matrix move");
            case "POST /patients/{patient}/plan/{plan}/items/{item}/cancel" -> request.param("reason", "Matrix cancel");
            case "POST /patients/{patient}/plan/{plan}/doses" -> request.param("date",
                    org.kapclinic.treatmentplans.PlanFixtures.businessDayAfter(context, 60).toString())
                    .param("reason", "Matrix dose");
            case "POST /patients/{patient}/plan/{plan}/end" -> request.param("endDecision", "STOP")
                    .param("endNote", "Matrix end");
            case "POST /schedule/staff" -> request.param("kind", "NURSE_SHIFT")
                    .param("account", users.get(Subject.NURSE).id().value().toString())
                    .param("location", matrixLocation().toString())
                    .param("date", org.kapclinic.treatmentplans.PlanFixtures.businessDayAfter(context, 4).toString())
                    .param("starts", "08:00").param("ends", "12:00");
            case "POST /patients/{patient}/appointments" -> request.param("type", "THERAPY")
                    .param("location", matrixLocation().toString())
                    .param("date", org.kapclinic.treatmentplans.PlanFixtures.businessDayAfter(context, 6).toString())
                    .param("time", "11:00");
            case "POST /appointments/{appointment}/cancel" -> request.param("reason", "Matrix cancel");
            case "POST /dosing/sessions/{session}/gate/{gateItem}" -> request.param("value", "Name and birth date match.");
            case "POST /dosing/sessions/{session}/gate-vitals" -> request.param("systolic", "124").param("diastolic", "80")
                    .param("heartRate", "70").param("spo2", "98");
            case "POST /dosing/sessions/{session}/gate-decision" -> request.param("kind", "ACKNOWLEDGE")
                    .param("reason", "Matrix acknowledgment");
            case "POST /dosing/sessions/{session}/not-dosed" -> request.param("notDosedReason", "Matrix: declined today");
            case "POST /session/confirm" -> request.param("password", TestAccounts.PASSWORD);
            case "POST /appointments/{appointment}/reschedule" -> request.param("date",
                    org.kapclinic.treatmentplans.PlanFixtures.businessDayAfter(context, 8).toString())
                    .param("time", "15:00").param("reason", "Matrix reschedule");
            case "POST /admin/locations" -> request.param("name", "Matrix place").param("address", "Synthetic");
            case "GET /controlled-substances/initial-inventory", "GET /controlled-substances/receipts",
                    "GET /controlled-substances/lots/{csLot}/waste", "GET /controlled-substances/lots/{csLot}/transfer",
                    "GET /controlled-substances/lots/{csLot}/loss", "GET /controlled-substances/counts",
                    "POST /controlled-substances/losses/{csLoss}/follow-up" ->
                    request.param("location", ledgerFixture().location().toString()).param("deaNotifiedOn",
                            clinicToday().toString());
            case "GET /controlled-substances/reports/reconciliation.pdf",
                    "GET /controlled-substances/reports/reconciliation.csv" ->
                    request.param("location", ledgerFixture().location().toString())
                            .param("from", clinicToday().minusDays(7).toString()).param("to", clinicToday().toString());
            case "POST /controlled-substances/initial-inventory", "POST /controlled-substances/receipts" ->
                    request.param("location", row.route().endsWith("receipts") ? ledgerFixture().location().toString()
                                    : newLocation().toString())
                            .param("productId", ledgerFixture().product().toString())
                            .param("lotNumber", "M-" + UUID.randomUUID().toString().substring(0, 8))
                            .param("expiry", clinicToday().plusYears(1).toString()).param("quantity", "5")
                            .param("storage", "Safe A").param("openedOn", clinicToday().toString())
                            .param("supplier", "Synthetic Specialty Distributor (matrix)").param("invoiceNumber", "M-1")
                            .param("receivedOn", clinicToday().toString());
            case "POST /controlled-substances/start-empty" -> request.param("location", newLocation().toString())
                    .param("openedOn", clinicToday().toString());
            case "POST /controlled-substances/lots/{csLot}/waste" -> request
                    .param("location", ledgerFixture().location().toString()).param("quantity", "0.01")
                    .param("reason", "Matrix remainder").param("witnessEmail", ledgerFixture().witness())
                    .param("witnessPassword", TestAccounts.PASSWORD);
            case "POST /controlled-substances/lots/{csLot}/transfer" -> request
                    .param("location", ledgerFixture().location().toString())
                    .param("destination", ledgerFixture().other().toString()).param("quantity", "0.01")
                    .param("storage", "Safe B");
            case "POST /controlled-substances/lots/{csLot}/loss" -> request
                    .param("location", ledgerFixture().location().toString())
                    .param("discoveredOn", clinicToday().toString()).param("type", "OTHER")
                    .param("description", "Matrix loss").param("quantity", "0.01");
            case "POST /controlled-substances/counts" -> request.param("location", ledgerFixture().location().toString())
                    .param("kind", "PERIODIC").param("counted-" + ledgerFixture().lot(), ledgerBalance().toPlainString());
            case "POST /controlled-substances/entries/{csEntry}/correct" -> request.param("adjustment", "0")
                    .param("reason", "Matrix correction of a detail");
            case "POST /controlled-substances/discrepancies/{csDiscrepancy}/resolve" -> request
                    .param("reason", "Matrix resolution");
            case "POST /controlled-substances/products" -> request.param("substance", "KETAMINE")
                    .param("name", "Matrix ketamine " + UUID.randomUUID().toString().substring(0, 8))
                    .param("unit", "ML").param("mgPerUnit", "50");
            case "POST /dosing/sessions/{remsSession}/rems-form" -> request.param("was.session.lot", "LOT-1")
                    .param("session.lot", "LOT-2").param("overrideReason", "Matrix: the lot was misread");
            case "POST /dosing/sessions/{remsSession}/rems-form/sign" -> request.param("version",
                    String.valueOf(org.kapclinic.dosing.rems.RemsFixtures.version(context, lastRemsSession)));
            case "POST /dosing/sessions/{signedRemsSession}/rems-form/submission" -> request.param("submittedOn",
                    java.time.LocalDate.now(context.getBean(org.kapclinic.calendar.ClinicCalendar.class).zone()).toString())
                    .param("method", "PORTAL").param("confirmation", "MATRIX-1");
            case "POST /dosing/sessions/{signedRemsSession}/rems-form/amendment" -> request.param("version",
                    String.valueOf(org.kapclinic.dosing.rems.RemsFixtures.version(context, lastRemsSession)))
                    .param("was.session.lot", "LOT-1").param("session.lot", "LOT-9")
                    .param("amendmentReason", "Matrix amendment");
            case "POST /admin/rems/{location}" -> request.param("certificationId", "MATRIX-REMS-1")
                    .param("certifiedOn", "2025-02-01").param("settingName", "Matrix setting").param("address1", "1 Way")
                    .param("city", "Phoenix").param("state", "AZ").param("zip", "85016").param("phone", "602-555-0100")
                    .param("authorizedRepresentative", "Matrix Rep").param("version", "0");
            case "GET /api/v1/schedule/day" -> request.param("location", matrixLocation().toString())
                    .param("date", org.kapclinic.treatmentplans.PlanFixtures.businessDayAfter(context, 5).toString());
            case "POST /api/v1/patients/{patient}/appointments" -> request.contentType(MediaType.APPLICATION_JSON)
                    .content("{\"type\":\"THERAPY\",\"location\":\"" + matrixLocation() + "\",\"date\":\""
                            + org.kapclinic.treatmentplans.PlanFixtures.businessDayAfter(context, 9) + "\",\"time\":\"16:00\"}");
            case "POST /admin/locations/{location}/rooms" -> request.param("roomName", "Matrix room")
                    .param("kind", "TREATMENT").param("chairs", "2");
            case "POST /protocols/{protocol}" -> {
                var row2 = jdbc.sql("SELECT version, definition FROM protocol_template WHERE code = 'maintenance'")
                        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).single();
                request.param("name", "Maintenance (IV ketamine), configurable interval")
                        .param("description", "Maintenance infusions at an interval set when the plan is made.")
                        .param("evidence", "Matrix").param("active", "true").param("definition", row2[1])
                        .param("version", row2[0]);
            }
            default -> { }
        }
    }

    private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, PatientDetails details) {
        request.contentType(MediaType.APPLICATION_FORM_URLENCODED);
        for (var component : PatientDetails.class.getRecordComponents()) {
            try {
                var value = component.getAccessor().invoke(details);
                if (value != null) {
                    request.param(component.getName(), value.toString());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return request;
    }

    private static void assertOutcome(Row row, Subject subject, Outcome expected, MockHttpServletResponse response)
            throws Exception {
        var location = response.getRedirectedUrl();
        var actual = outcomeOf(response);
        assertThat(actual == null ? "status " + response.getStatus() : actual.symbol)
                .as("%s as %s: status %d%s", row.route(), subject, response.getStatus(),
                        location == null ? "" : ", Location " + location)
                .isEqualTo(expected.symbol);
        if (expected == Outcome.UNAUTHORIZED || (expected == Outcome.FORBIDDEN && row.isApi())) {
            assertThat(isProblemJson(response))
                    .as("%s as %s answers application/problem+json, not %s", row.route(), subject,
                            response.getContentType())
                    .isTrue();
        }
        if (expected == Outcome.FORBIDDEN && !row.isJson()) {
            assertThat(isProblemJson(response))
                    .as("%s as %s: a page refusal is the error page, not problem+json", row.route(), subject)
                    .isFalse();
        }
        if (expected == Outcome.UNAUTHORIZED) {
            assertThat(response.getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        }
    }

    private static boolean isProblemJson(MockHttpServletResponse response) {
        return response.getContentType() != null
                && MediaType.parseMediaType(response.getContentType())
                        .isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static Outcome outcomeOf(MockHttpServletResponse response) {
        int status = response.getStatus();
        if (status >= 200 && status < 300) {
            return Outcome.OK;
        }
        if (status >= 300 && status < 400) {
            var location = response.getRedirectedUrl();
            var target = location == null ? null : URI.create(location);
            boolean toSignIn = target != null && "/login".equals(target.getPath()) && target.getQuery() == null;
            return toSignIn && status == 302 ? Outcome.LOGIN : Outcome.REDIRECT;
        }
        return switch (status) {
            case 401 -> Outcome.UNAUTHORIZED;
            case 403 -> Outcome.FORBIDDEN;
            default -> null;
        };
    }

    // --- fixtures ---------------------------------------------------------------------------------------------

    private static PatientDetails newDetails() {
        // The given name is unique too: it makes the email unique, so a portal invitation can be sent for each record.
        return PatientFixtures.details(PatientFixtures.uniqueFamily(), PatientFixtures.uniqueFamily(),
                LocalDate.of(1988, 6, 15));
    }

    private PatientView newPatient() {
        var id = TestAccounts.runAs(intake, () -> patients.register(newDetails()));
        return view(id);
    }

    private PatientView view(PatientId id) {
        return TestAccounts.runAs(intake, () -> patients.get(id));
    }

    private Invitation newInvitation() {
        return TestAccounts.runAs(admin, () -> accounts.inviteStaff(uniqueEmail(), "Matrix target (synthetic)",
                Set.of(Role.NURSE)));
    }

    private static String tokenOf(Invitation invitation) {
        return invitation.link().substring(invitation.link().lastIndexOf("/invite/") + "/invite/".length());
    }

    private static String uniqueEmail() {
        return "matrix-" + UUID.randomUUID().toString().substring(0, 8) + "@test.kapclinic.test";
    }

    private long deniedAccessAudited(PatientId record, ClinicUser by) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM audit_entry
                WHERE patient_id = :id AND action = 'PATIENT_ACCESS_DENIED' AND outcome = 'DENIED'
                    AND username = :user""")
                .param("id", record.value()).param("user", by.email()).query(Long.class).single();
    }
}
