// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.kapclinic.vocabulary.CrisisResource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The questionnaire a patient answers: by secure link or kiosk ({@code /q/{token}}, no sign-in) and in the portal
 * ({@code /portal/questionnaires}). Each answer is saved as it is given (a small script posts it; without scripts the
 * "Save" button does the same), and any positive safety answer brings up crisis resources at once.
 */
@Controller
class QuestionnaireController {

    /** What the page's script gets back after saving an answer. */
    record Saved(boolean crisis, int answered) {}

    private final Questionnaires questionnaires;
    private final InstrumentCatalogue catalogue;
    private final ZoneId zone;
    private final Assessments assessments;
    private final tools.jackson.databind.json.JsonMapper json;

    QuestionnaireController(Questionnaires questionnaires, InstrumentCatalogue catalogue,
            @Value("${kap.clinic.time-zone}") String zone, Assessments assessments,
            tools.jackson.databind.json.JsonMapper json) {
        this.assessments = assessments;
        this.json = json;
        this.questionnaires = questionnaires;
        this.catalogue = catalogue;
        this.zone = ZoneId.of(zone);
    }

    // --- secure link and kiosk -------------------------------------------------------------------------------

    @GetMapping("/q/{token}")
    String open(@PathVariable String token, Model model) {
        var answering = questionnaires.open(token);
        return page(answering, "/q/" + token, answering.request().draft(), Map.of(), Map.of(),
                !answering.request().flagsRaised().isEmpty(), model);
    }

    @PostMapping("/q/{token}")
    String post(@PathVariable String token, @RequestParam Map<String, String> params, Model model) {
        var form = AnswerForm.parse(params);
        boolean submit = "submit".equals(params.get("action"));
        var outcome = submit ? questionnaires.submit(token, form.answers()) : questionnaires.save(token, form.answers());
        if (outcome.submitted()) {
            return done(outcome, outcome.assessment().channel() == Channel.KIOSK, model);
        }
        var answering = questionnaires.open(token);
        return page(answering, "/q/" + token, form.answers(), submit ? form.withProblems(outcome.problems()) : form.errors(),
                params, outcome.crisis(), model);
    }

    /** The page's script saves each answer as it is given. */
    @PostMapping(path = "/q/{token}/answers", produces = "application/json")
    @ResponseBody
    Saved autosave(@PathVariable String token, @RequestParam Map<String, String> params) {
        var form = AnswerForm.parse(params);
        var outcome = questionnaires.save(token, form.answers());
        return new Saved(outcome.crisis(), form.answers().size());
    }

    // --- portal ----------------------------------------------------------------------------------------------

    @GetMapping("/portal/questionnaires")
    String due(Model model) {
        model.addAttribute("due", questionnaires.due().stream().map(a -> new DueRow(a.request().id().value(),
                Instruments.shortName(a.instrument()), !a.request().draft().isEmpty(),
                Dates.dateTime(a.request().expiresAt(), zone))).toList());
        model.addAttribute("resources", CrisisResource.ALL);
        return "assessments/portal-due";
    }

    /** The patient's own scores over time, in plain language, with the same charts and tables clinicians see. */
    @GetMapping("/portal/progress")
    String progress(Model model) {
        var trajectories = assessments.ownTrajectories();
        model.addAttribute("trajectories", trajectories);
        model.addAttribute("charts", trajectories.stream().map(t -> TrajectoryChart.json(json, t)).toList());
        model.addAttribute("zone", zone);
        model.addAttribute("resources", CrisisResource.ALL);
        return "assessments/portal-progress";
    }

    @GetMapping("/portal/questionnaires/{id}")
    String openOwn(@PathVariable UUID id, Model model) {
        var answering = questionnaires.openOwn(new RequestId(id));
        return page(answering, "/portal/questionnaires/" + id, answering.request().draft(), Map.of(), Map.of(),
                !answering.request().flagsRaised().isEmpty(), model);
    }

    @PostMapping("/portal/questionnaires/{id}")
    String postOwn(@PathVariable UUID id, @RequestParam Map<String, String> params, Model model) {
        var form = AnswerForm.parse(params);
        boolean submit = "submit".equals(params.get("action"));
        var request = new RequestId(id);
        var outcome = submit ? questionnaires.submitOwn(request, form.answers())
                : questionnaires.saveOwn(request, form.answers());
        if (outcome.submitted()) {
            return done(outcome, false, model);
        }
        var answering = questionnaires.openOwn(request);
        return page(answering, "/portal/questionnaires/" + id, form.answers(),
                submit ? form.withProblems(outcome.problems()) : form.errors(), params, outcome.crisis(), model);
    }

    @PostMapping(path = "/portal/questionnaires/{id}/answers", produces = "application/json")
    @ResponseBody
    Saved autosaveOwn(@PathVariable UUID id, @RequestParam Map<String, String> params) {
        var form = AnswerForm.parse(params);
        var outcome = questionnaires.saveOwn(new RequestId(id), form.answers());
        return new Saved(outcome.crisis(), form.answers().size());
    }

    // --- shared ----------------------------------------------------------------------------------------------

    private String page(Questionnaires.Answering answering, String action, Map<String, Integer> answers,
            Map<String, String> errors, Map<String, String> raw, boolean crisis, Model model) {
        model.addAttribute("instrument", answering.instrument());
        model.addAttribute("request", answering.request());
        model.addAttribute("kiosk", answering.request().channel() == Channel.KIOSK);
        model.addAttribute("action", action);
        model.addAttribute("answers", answers);
        model.addAttribute("errors", errors);
        model.addAttribute("raw", raw);
        model.addAttribute("crisis", crisis);
        model.addAttribute("resources", CrisisResource.ALL);
        model.addAttribute("shortName", Instruments.shortName(answering.instrument()));
        model.addAttribute("optionsByItem", Instruments.optionsByItem(answering.instrument()));
        return "assessments/questionnaire";
    }

    private String done(QuestionnaireOutcome outcome, boolean kiosk, Model model) {
        model.addAttribute("crisis", outcome.crisis());
        model.addAttribute("kiosk", kiosk);
        model.addAttribute("resources", CrisisResource.ALL);
        model.addAttribute("shortName", Instruments.shortName(catalogue.get(outcome.assessment().instrument())));
        return "assessments/questionnaire-done";
    }

    @ExceptionHandler(LinkUnusable.class)
    String unusable(LinkUnusable e, HttpServletResponse response, Model model) {
        response.setStatus(e.reason() == LinkUnusable.Reason.UNKNOWN ? 404 : 410);
        model.addAttribute("reason", e.reason().name());
        model.addAttribute("resources", CrisisResource.ALL);
        return "assessments/questionnaire-unusable";
    }

    @ExceptionHandler(QuestionnaireChanged.class)
    String changed(HttpServletResponse response, Model model) {
        response.setStatus(409);
        model.addAttribute("reason", "CHANGED");
        model.addAttribute("resources", CrisisResource.ALL);
        return "assessments/questionnaire-unusable";
    }

    /** A row of the portal's list of questionnaires due. */
    record DueRow(UUID id, String name, boolean started, String dueBy) {}
}
