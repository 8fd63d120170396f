package org.waymark.research.web;

import static org.waymark.research.web.Forms.date;
import static org.waymark.research.web.Forms.uuid;
import static org.waymark.research.web.Forms.version;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;
import org.waymark.research.ResearchValidationException;
import org.waymark.research.Studies;
import org.waymark.research.StudyConflictException;
import org.waymark.research.StudySetup;
import org.waymark.research.StudyUpdate;
import org.waymark.research.StudyUpdates;
import org.waymark.research.UpdatePart;
import org.waymark.shared.web.DateInput;

/** Study updates: past issues, drafting one with a preview, publishing it as a page and a PDF. */
@Controller
@RequiresPermission(Permission.RESEARCH)
class StudyUpdateController {

  private final Studies studies;
  private final StudyUpdates updates;

  StudyUpdateController(Studies studies, StudyUpdates updates) {
    this.studies = studies;
    this.updates = updates;
  }

  @GetMapping("/studies/{id}/updates")
  String list(@PathVariable UUID id, Model model) {
    model.addAttribute("study", studies.find(id).study());
    model.addAttribute("updates", updates.list(id));
    return "research/updates";
  }

  @PostMapping("/studies/{id}/updates")
  String start(@PathVariable UUID id, RedirectAttributes flash) {
    StudyUpdate u = updates.start(id);
    flash.addFlashAttribute(
        "success", "Draft started: check the words, then preview and publish it");
    return "redirect:/studies/" + id + "/updates/" + u.id();
  }

  @GetMapping("/studies/{id}/updates/{uid}")
  String update(@PathVariable UUID id, @PathVariable UUID uid, Model model) {
    StudyUpdate u = updates.find(id, uid);
    return page(id, u, values(u), Map.of(), model);
  }

  private String page(
      UUID id,
      StudyUpdate u,
      Map<String, String> values,
      Map<String, String> problems,
      Model model) {
    StudySetup setup = studies.find(id);
    model.addAttribute("study", setup.study());
    model.addAttribute("setup", setup);
    model.addAttribute("update", u);
    model.addAttribute("composed", updates.compose(id, u.id()));
    String photoSrc = null;
    if (u.published()) {
      photoSrc =
          updates.publicPhoto(u.id()).isPresent() ? "/study-updates/" + u.id() + "/photo" : null;
    } else if (u.featuredUserId() != null && studies.photo(id, u.featuredUserId()).isPresent()) {
      photoSrc = "/studies/" + id + "/team/" + u.featuredUserId() + "/photo";
    }
    model.addAttribute("photoSrc", photoSrc);
    model.addAttribute("values", values);
    model.addAttribute("problems", problems);
    model.addAttribute("parts", UpdatePart.values());
    return "research/update";
  }

  private static Map<String, String> values(StudyUpdate u) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("version", Long.toString(u.version()));
    v.put("title", u.title());
    DateInput from = DateInput.of(u.periodFrom());
    v.put("periodFromDay", from.day());
    v.put("periodFromMonth", from.month());
    v.put("periodFromYear", from.year());
    DateInput to = DateInput.of(u.periodTo());
    v.put("periodToDay", to.day());
    v.put("periodToMonth", to.month());
    v.put("periodToYear", to.year());
    v.put("featuredUserId", u.featuredUserId() == null ? "" : u.featuredUserId().toString());
    u.narrative().forEach((k, w) -> v.put("words-" + k, w));
    return v;
  }

  @PostMapping("/studies/{id}/updates/{uid}")
  String save(
      @PathVariable UUID id,
      @PathVariable UUID uid,
      @RequestParam Map<String, String> form,
      Model model,
      RedirectAttributes flash) {
    Map<String, String> words = new LinkedHashMap<>();
    form.forEach(
        (k, v) -> {
          if (k.startsWith("words-")) {
            words.put(k.substring("words-".length()), v);
          }
        });
    try {
      updates.save(
          id,
          uid,
          version(form.get("version")),
          form.get("title"),
          date(form, "periodFrom"),
          date(form, "periodTo"),
          uuid(form.get("featuredUserId")),
          words);
      flash.addFlashAttribute(
          "success", "Saved: the preview below shows the update as it will read");
      return "redirect:/studies/" + id + "/updates/" + uid + "#preview";
    } catch (ResearchValidationException e) {
      return page(id, updates.find(id, uid), form, e.problems(), model);
    } catch (StudyConflictException e) {
      model.addAttribute(
          "problem",
          "Someone else changed or published this update meanwhile. The page now shows it as it is.");
      return update(id, uid, model);
    }
  }

  @PostMapping("/studies/{id}/updates/{uid}/publish")
  String publish(
      @PathVariable UUID id,
      @PathVariable UUID uid,
      @RequestParam(name = "version", required = false) String version,
      Model model,
      RedirectAttributes flash) {
    try {
      updates.publish(id, uid, version(version));
      flash.addFlashAttribute("success", "Published. The page and its PDF stay as they are now.");
    } catch (StudyConflictException e) {
      flash.addFlashAttribute(
          "problem", "This update changed or was published meanwhile: check it and publish again.");
    }
    return "redirect:/studies/" + id + "/updates/" + uid;
  }

  @GetMapping("/studies/{id}/updates/{uid}/pdf")
  ResponseEntity<byte[]> pdf(@PathVariable UUID id, @PathVariable UUID uid) {
    byte[] pdf = updates.pdf(id, uid);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename("study-update.pdf").build().toString())
        .body(pdf);
  }
}
