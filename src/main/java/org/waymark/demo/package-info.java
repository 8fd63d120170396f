/**
 * Demo data for a first run on the embedded database: two PCNs with practices, VCS organisations,
 * one account per role and clearly fictional people with NHS numbers from the 999 test range.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"shared", "identity", "person", "platform", "directory"})
package org.waymark.demo;
