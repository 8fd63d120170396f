package org.waymark.research.web;

import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.waymark.research.StudyUpdates;
import org.waymark.shared.PublicEndpoint;
import org.waymark.shared.RecordNotFoundException;

/**
 * A published study update as a public page and PDF, for partners and public contributors without
 * an account: written for the public, with small numbers suppressed. Drafts are never shown.
 */
@Controller
@PublicEndpoint("Published study updates are written for partners and the public")
class PublicStudyUpdateController {

  private final StudyUpdates updates;

  PublicStudyUpdateController(StudyUpdates updates) {
    this.updates = updates;
  }

  @GetMapping("/study-updates/{id}")
  String page(@PathVariable UUID id, Model model) {
    var issue =
        updates.publicIssue(id).orElseThrow(() -> new RecordNotFoundException("study update"));
    model.addAttribute("studyTitle", issue.getKey());
    model.addAttribute("update", issue.getValue());
    model.addAttribute("composed", issue.getValue().composed());
    model.addAttribute(
        "photoSrc", updates.publicPhoto(id).isPresent() ? "/study-updates/" + id + "/photo" : null);
    return "research/public-update";
  }

  @GetMapping("/study-updates/{id}/photo")
  ResponseEntity<byte[]> photo(@PathVariable UUID id) {
    var photo = updates.publicPhoto(id).orElseThrow(() -> new RecordNotFoundException("photo"));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(photo.contentType()))
        .body(photo.bytes());
  }

  @GetMapping("/study-updates/{id}/pdf")
  ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
    byte[] pdf =
        updates.publicPdf(id).orElseThrow(() -> new RecordNotFoundException("study update"));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename("study-update.pdf").build().toString())
        .body(pdf);
  }
}
