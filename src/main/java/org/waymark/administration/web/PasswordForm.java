package org.waymark.administration.web;

import jakarta.validation.constraints.NotEmpty;

/** A new password for a user; the identity module checks it against its policy. */
class PasswordForm {

  @NotEmpty(message = "{password.tooShort}")
  private String password;

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
