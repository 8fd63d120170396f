package org.waymark.directory.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An ORUK 3.0 API to harvest, and how often. */
public class DirectoryImportSourceForm {

  @NotBlank(message = "{directory.import.baseUrl.required}")
  @Size(max = 500, message = "{directory.import.baseUrl.tooLong}")
  private String baseUrl;

  @Size(max = 200, message = "{directory.import.name.tooLong}")
  private String name;

  /** Text, so that anything typed is answered with this form's own message. */
  @NotBlank(message = "{directory.import.everyHours.required}")
  private String everyHours = "24";

  public String getBaseUrl() {
    return baseUrl;
  }

  public void setBaseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getEveryHours() {
    return everyHours;
  }

  public void setEveryHours(String everyHours) {
    this.everyHours = everyHours;
  }

  /** The hours typed, or null if they are not a whole number from 1 to 720. */
  Integer hours() {
    try {
      int h = Integer.parseInt(everyHours == null ? "" : everyHours.strip());
      return h >= 1 && h <= 720 ? h : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
