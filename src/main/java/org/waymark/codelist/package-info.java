/**
 * The code lists an administrator maintains (referral sources, need domains, contact types, closure
 * reasons), each entry with an optional SNOMED CT code. Other modules read them through {@link
 * org.waymark.codelist.CodeLists}.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"shared", "identity", "audit"})
package org.waymark.codelist;
