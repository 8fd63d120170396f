package org.waymark.casework.web;

import org.waymark.casework.CaseFile;

/**
 * What the plan and closure pages show above their content: whose case it is and its referral's
 * reference.
 */
record PlanHeader(CaseFile caseFile, String personName, String reference) {}
