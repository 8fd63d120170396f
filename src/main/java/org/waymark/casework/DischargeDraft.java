package org.waymark.casework;

import java.util.List;

/**
 * A discharge summary generated from a case, for the link worker to edit before sending.
 *
 * @param closureReason the chosen {@code CLOSURE_REASON} code
 * @param text the generated text
 * @param codes the GP-facing coded part; the referral's concept first
 */
public record DischargeDraft(
    CaseFile caseFile, String closureReason, String text, List<CodedEntry> codes) {}
