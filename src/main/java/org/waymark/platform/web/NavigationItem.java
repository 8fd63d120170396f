package org.waymark.platform.web;

/** One link in the header's navigation. */
public record NavigationItem(String label, String href, boolean current) {}
