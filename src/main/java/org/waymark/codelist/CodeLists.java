package org.waymark.codelist;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.waymark.codelist.internal.CodeListStore;

/**
 * Reading the code lists. Open to every module and needs no signed-in user: the lists hold no
 * personal data. Changing them is the administrator's (see the module's pages).
 */
@Service
public class CodeLists {

  private final CodeListStore store;

  CodeLists(CodeListStore store) {
    this.store = store;
  }

  /** The active entries of a list, in their order: what a form offers. */
  public List<CodeEntry> active(CodeList list) {
    return store.entries(list).stream().filter(CodeEntry::active).toList();
  }

  /** Every entry of a list, active or not, in their order. */
  public List<CodeEntry> all(CodeList list) {
    return store.entries(list);
  }

  public Optional<CodeEntry> find(CodeList list, String code) {
    if (code == null) {
      return Optional.empty();
    }
    return store.entries(list).stream().filter(e -> e.code().equals(code)).findFirst();
  }

  /** Whether a new record may use this code. */
  public boolean isActive(CodeList list, String code) {
    return find(list, code).map(CodeEntry::active).orElse(false);
  }

  /** The label to show for a stored code; the code itself if the list no longer has it. */
  public String label(CodeList list, String code) {
    return find(list, code).map(CodeEntry::label).orElse(code);
  }
}
