package org.waymark.notification.web;

import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.identity.AccessPolicy;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;
import org.waymark.notification.InAppNotification;
import org.waymark.notification.Notifications;
import org.waymark.shared.RecordNotFoundException;

/**
 * The signed-in user's in-app notifications: the list (newest first, unread marked), opening one
 * (marks it read and goes to its link) and marking all read. A user only ever reaches their own:
 * anyone else's answers 404.
 */
@Controller
@RequestMapping("/notifications")
@RequiresPermission(Permission.SIGNED_IN)
class NotificationController {

  static final int PAGE_SIZE = 20;

  private final Notifications notifications;
  private final AccessPolicy access;

  NotificationController(Notifications notifications, AccessPolicy access) {
    this.notifications = notifications;
    this.access = access;
  }

  @GetMapping
  String list(@RequestParam(name = "page", defaultValue = "0") int page, Model model) {
    UUID user = userId();
    model.addAttribute("notificationPage", notifications.inbox(user, page, PAGE_SIZE));
    model.addAttribute("unread", notifications.unreadCount(user));
    return "notification/list";
  }

  @GetMapping("/{id}")
  String open(@PathVariable("id") UUID id) {
    InAppNotification n =
        notifications
            .open(userId(), id)
            .orElseThrow(() -> new RecordNotFoundException("notification"));
    String link = n.link();
    // Only ever a path inside Waymark (checked when written); never somewhere else.
    if (link == null || !link.startsWith("/") || link.startsWith("//")) {
      return "redirect:/notifications";
    }
    return "redirect:" + link;
  }

  @PostMapping("/read")
  String markAllRead(RedirectAttributes flash) {
    int marked = notifications.markAllRead(userId());
    flash.addFlashAttribute(
        "success",
        marked == 1 ? "1 notification marked as read" : marked + " notifications marked as read");
    return "redirect:/notifications";
  }

  private UUID userId() {
    return access.currentUser().orElseThrow().userId();
  }
}
