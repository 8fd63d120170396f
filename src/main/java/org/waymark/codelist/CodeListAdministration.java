package org.waymark.codelist;

import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.codelist.CodeListValidationException.Problem;
import org.waymark.codelist.internal.CodeListRules;
import org.waymark.codelist.internal.CodeListStore;
import org.waymark.identity.AccessPolicy;
import org.waymark.identity.Permission;
import org.waymark.shared.RecordNotFoundException;

/**
 * Maintaining the code lists: for administrators ({@link Permission#MAINTAIN_CODE_LISTS}, checked
 * with {@link AccessPolicy#require}, which audits and throws a refusal). Entries are added, changed
 * and deactivated, never deleted, so codes stored by other modules stay readable. Every change is
 * audited ({@code CODE_LIST_ENTRY_CREATED}, {@code CODE_LIST_ENTRY_UPDATED}) with {@code LIST:CODE}
 * as the record id. Invalid entries throw {@link CodeListValidationException} and nothing is
 * written.
 */
@Service
public class CodeListAdministration {

  static final String RECORD_TYPE = "code_list_entry";

  private final CodeListStore store;
  private final AccessPolicy access;
  private final AuditLog audit;

  CodeListAdministration(CodeListStore store, AccessPolicy access, AuditLog audit) {
    this.store = store;
    this.access = access;
    this.audit = audit;
  }

  /** Every entry of a list, active or not, with its version, in their order. */
  @Transactional(readOnly = true)
  public List<StoredCodeEntry> entries(CodeList list) {
    require(list, null);
    return store.stored(list);
  }

  /**
   * One entry with its version.
   *
   * @throws RecordNotFoundException if the list has no such code
   */
  @Transactional(readOnly = true)
  public StoredCodeEntry entry(CodeList list, String code) {
    require(list, code);
    return store.find(list, code).orElseThrow(() -> new RecordNotFoundException("code"));
  }

  /**
   * Adds an active entry. Audited as {@code CODE_LIST_ENTRY_CREATED}.
   *
   * @throws CodeListValidationException if a rule is broken, including a code or label the list
   *     already has
   */
  @Transactional
  public StoredCodeEntry add(CodeList list, NewCodeEntry entry) {
    String code = CodeListRules.clean(entry.code());
    require(list, code);
    String label = CodeListRules.clean(entry.label());
    String snomed = CodeListRules.cleanSnomed(entry.snomedCode());
    List<Problem> problems = new ArrayList<>(CodeListRules.codeProblems(code));
    if (problems.isEmpty() && store.find(list, code).isPresent()) {
      problems.add(new Problem("code", "codelist.code.taken"));
    }
    problems.addAll(CodeListRules.entryProblems(label, snomed, entry.position()));
    if (label != null
        && problems.stream().noneMatch(p -> p.field().equals("label"))
        && store.labelTaken(list, label, null)) {
      problems.add(new Problem("label", "codelist.label.taken"));
    }
    if (!problems.isEmpty()) {
      throw new CodeListValidationException(sorted(problems));
    }
    boolean inserted;
    try {
      inserted = store.insert(list, code, label, snomed, entry.position());
    } catch (DuplicateKeyException e) {
      // Another administrator added the same label after the check above.
      throw new CodeListValidationException(List.of(new Problem("label", "codelist.label.taken")));
    }
    if (!inserted) {
      throw new CodeListValidationException(List.of(new Problem("code", "codelist.code.taken")));
    }
    audit.record(
        AuditEntry.allowed("CODE_LIST_ENTRY_CREATED", RECORD_TYPE, recordId(list, code), null));
    return store.find(list, code).orElseThrow();
  }

  /**
   * Changes an entry's label, SNOMED CT code, whether it is active and its position, if it is still
   * at the version the administrator started from. Audited as {@code CODE_LIST_ENTRY_UPDATED} with
   * the names of the changed fields; a change that changes nothing is neither written nor audited.
   *
   * @throws RecordNotFoundException if the list has no such code
   * @throws CodeEntryConflictException if someone changed the entry since {@code version}
   * @throws CodeListValidationException if a rule is broken
   */
  @Transactional
  public StoredCodeEntry update(CodeList list, String code, long version, CodeEntryChange change) {
    require(list, code);
    StoredCodeEntry current =
        store.find(list, code).orElseThrow(() -> new RecordNotFoundException("code"));
    if (current.version() != version) {
      throw new CodeEntryConflictException(current);
    }
    String label = CodeListRules.clean(change.label());
    String snomed = CodeListRules.cleanSnomed(change.snomedCode());
    List<Problem> problems =
        new ArrayList<>(CodeListRules.entryProblems(label, snomed, change.position()));
    if (label != null
        && problems.stream().noneMatch(p -> p.field().equals("label"))
        && store.labelTaken(list, label, code)) {
      problems.add(new Problem("label", "codelist.label.taken"));
    }
    if (!problems.isEmpty()) {
      throw new CodeListValidationException(sorted(problems));
    }
    CodeEntry now = current.entry();
    List<String> changed = new ArrayList<>();
    if (!label.equals(now.label())) {
      changed.add("label");
    }
    if (!java.util.Objects.equals(snomed, now.snomedCode())) {
      changed.add("snomedCode");
    }
    if (change.active() != now.active()) {
      changed.add("active");
    }
    if (change.position() != now.position()) {
      changed.add("position");
    }
    if (changed.isEmpty()) {
      return current;
    }
    boolean written;
    try {
      written =
          store.update(list, code, version, label, snomed, change.active(), change.position());
    } catch (DuplicateKeyException e) {
      throw new CodeListValidationException(List.of(new Problem("label", "codelist.label.taken")));
    }
    if (!written) {
      // Another edit committed between reading and writing.
      throw new CodeEntryConflictException(store.find(list, code).orElseThrow());
    }
    audit.record(
        AuditEntry.allowed("CODE_LIST_ENTRY_UPDATED", RECORD_TYPE, recordId(list, code), null)
            .withDetail("Changed: " + String.join(", ", changed)));
    return store.find(list, code).orElseThrow();
  }

  /**
   * Deactivates ({@code active} false) or reactivates an entry, keeping everything else. Audited as
   * {@code CODE_LIST_ENTRY_UPDATED} ("Changed: active").
   *
   * @throws RecordNotFoundException if the list has no such code
   * @throws CodeEntryConflictException if someone changed the entry since {@code version}
   */
  @Transactional
  public StoredCodeEntry setActive(CodeList list, String code, long version, boolean active) {
    require(list, code);
    StoredCodeEntry current =
        store.find(list, code).orElseThrow(() -> new RecordNotFoundException("code"));
    CodeEntry e = current.entry();
    return update(
        list, code, version, new CodeEntryChange(e.label(), e.snomedCode(), active, e.position()));
  }

  private void require(CodeList list, String code) {
    access.require(
        Permission.MAINTAIN_CODE_LISTS,
        AuditLog.DEPLOYMENT,
        RECORD_TYPE,
        code == null ? list.name() : recordId(list, code),
        null);
  }

  /** The audit record id of an entry, for example {@code NEED:LONELINESS}. */
  static String recordId(CodeList list, String code) {
    return list.name() + ":" + code;
  }

  private static final List<String> FIELD_ORDER =
      List.of("code", "label", "snomedCode", "position");

  private static List<Problem> sorted(List<Problem> problems) {
    return problems.stream()
        .sorted(java.util.Comparator.comparingInt(p -> FIELD_ORDER.indexOf(p.field())))
        .toList();
  }
}
