-- OpenID Connect sign-in binds an account to the identity provider's subject. A subject is unique only
-- within its issuer (OpenID Connect Core 1.0, section 2), so the issuer is kept beside it: after a change
-- of identity provider no old subject can match a new provider's user. One account per issuer and subject.
ALTER TABLE user_account ADD COLUMN oidc_issuer TEXT;
ALTER TABLE user_account ADD CONSTRAINT user_account_oidc_binding_ck
  CHECK ((oidc_issuer IS NULL) = (oidc_subject IS NULL));
CREATE UNIQUE INDEX user_account_oidc_subject_uq ON user_account (oidc_issuer, oidc_subject)
  WHERE oidc_subject IS NOT NULL;
