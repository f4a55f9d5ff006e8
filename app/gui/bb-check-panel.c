/* bb-check-panel.c - checks on request in the diagnosis: the domain's
 * mail servers, the blocklists the bounce names, other contacts
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing here touches the network until the user presses a button; a
 * link from the bounce is shown in full and opens only on a click.
 */

#include "config.h"

#include "bb-check-panel-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bb-blocklist.h"
#include "bb-contact-finder.h"
#include "bb-domain-check.h"
#include "bb-kb.h"
#include "bb-static-resolver.h"

#define DNS_TIMEOUT_MS 5000

struct _BbCheckPanel
{
  AdwBin parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *blocklist_group;
  AdwPreferencesGroup *domain_group;
  AdwActionRow        *domain_row;
  GtkImage            *domain_icon;
  GtkSpinner          *domain_spinner;
  AdwPreferencesGroup *contacts_group;
  AdwEntryRow         *site_row;
  GtkSpinner          *contacts_spinner;

  /* Owned */
  BbBounce     *bounce;
  BbRecipient  *recipient;
  GResolver    *resolver;
  GCancellable *cancellable;
  GPtrArray    *blocklist_rows; /* rows added to blocklist_group */
  GPtrArray    *contact_rows;   /* rows added to contacts_group */
  gboolean      domain_busy;
  gboolean      dnsbl_busy;
  gboolean      contacts_busy;
};

G_DEFINE_FINAL_TYPE (BbCheckPanel, bb_check_panel, ADW_TYPE_BIN)

enum
{
  SIGNAL_USE_CONTACT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
recipient_domain (BbCheckPanel *self)
{
  const char *address = self->recipient != NULL ? bb_recipient_get_address (self->recipient) : NULL;
  const char *at = address != NULL ? strrchr (address, '@') : NULL;

  return at != NULL && at[1] != '\0' ? at + 1 : NULL;
}

static void
update_actions (BbCheckPanel *self)
{
  const char *ip = self->recipient != NULL ? bb_recipient_get_sending_ip (self->recipient) : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "check.domain",
                                 recipient_domain (self) != NULL && !self->domain_busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "check.dnsbl",
                                 bb_blocklist_ip_is_public (ip) && !self->dnsbl_busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "check.contacts",
                                 recipient_domain (self) != NULL && !self->contacts_busy);
  gtk_spinner_set_spinning (self->domain_spinner, self->domain_busy || self->dnsbl_busy);
  gtk_spinner_set_spinning (self->contacts_spinner, self->contacts_busy);
}

static void
toast (BbCheckPanel *self,
       const char   *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
}

static void
remove_rows (AdwPreferencesGroup *group,
             GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static GtkWidget *
add_row (AdwPreferencesGroup *group,
         GPtrArray           *rows,
         const char          *title,
         const char          *subtitle,
         const char          *icon_name,
         const char          *style)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (icon_name != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

      if (style != NULL)
        gtk_widget_add_css_class (icon, style);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);
  return row;
}

/* ---- links from the bounce: shown, opened only on a click ---- */

static void
open_link_cb (GtkButton *button,
              gpointer   data)
{
  const char *url = g_object_get_data (G_OBJECT (button), "bb-url");
  GtkRoot    *root = gtk_widget_get_root (GTK_WIDGET (button));

  if (url != NULL)
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, url, GDK_CURRENT_TIME);
}

static void
show_blocklists (BbCheckPanel *self)
{
  GPtrArray *hits = self->recipient != NULL ? bb_recipient_get_blocklists (self->recipient) : NULL;

  remove_rows (self->blocklist_group, self->blocklist_rows);
  gtk_widget_set_visible (GTK_WIDGET (self->blocklist_group), hits != NULL && hits->len > 0);
  for (guint i = 0; hits != NULL && i < hits->len; i++)
    {
      const BbBlocklistHit *hit = g_ptr_array_index (hits, i);
      const char           *url = hit->url != NULL ? hit->url : hit->list->lookup_url;
      g_autoptr (GString)   subtitle = g_string_new (NULL);
      GtkWidget            *row;

      if (hit->listed != NULL)
        g_string_append_printf (subtitle, _ ("Listed: %s"), hit->listed);
      if (hit->list->defunct)
        g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? "\n" : "", _ ("This list no longer exists."));
      g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? "\n" : "", bb_kb_gettext (hit->list->advice));
      if (url != NULL && !hit->list->defunct)
        g_string_append_printf (subtitle, "\n%s %s", _ ("Link:"), url);
      row = add_row (self->blocklist_group, self->blocklist_rows, bb_kb_gettext (hit->list->name), subtitle->str,
                     "action-unavailable-symbolic", "error");
      if (url != NULL && !hit->list->defunct)
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (_ ("_Open Link"));

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (button, url);
          g_object_set_data_full (G_OBJECT (button), "bb-url", g_strdup (url), g_free);
          g_signal_connect (button, "clicked", G_CALLBACK (open_link_cb), NULL);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
    }
}

/* ---- the resolver ---- */

static GResolver *
get_resolver (BbCheckPanel *self,
              GError      **error)
{
  if (self->resolver == NULL)
    self->resolver = bb_resolver_for_environment (error);
  return self->resolver;
}

/* The resolver for a look-up about to start, which *busy marks as
 * running; NULL (said in a toast) when there is none. */
static GResolver *
start_lookup (BbCheckPanel *self,
              gboolean     *busy)
{
  g_autoptr (GError) error = NULL;
  GResolver *resolver = get_resolver (self, &error);

  if (resolver == NULL)
    {
      toast (self, error->message);
      return NULL;
    }
  *busy = TRUE;
  update_actions (self);
  return resolver;
}

/* ---- the domain ---- */

/* The verdict's icon, coloured by @style ("success", "warning", "error"
 * or NULL for none). */
static void
set_domain_icon (BbCheckPanel *self,
                 const char   *icon,
                 const char   *style)
{
  static const char *const styles[] = { "success", "warning", "error" };

  gtk_image_set_from_icon_name (self->domain_icon, icon);
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->domain_icon), styles[i]);
  if (style != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->domain_icon), style);
}

static void
domain_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr (BbCheckPanel) self = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (BbDomainReport) report = bb_domain_check_finish (result, &error);
  const char *icon = "dialog-warning-symbolic";
  const char *style = "warning";

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->domain_busy = FALSE;
  update_actions (self);
  if (report == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->domain_row), error->message);
      adw_action_row_set_subtitle (self->domain_row, "");
      set_domain_icon (self, icon, style);
      return;
    }
  switch (report->status)
    {
    case BB_DOMAIN_STATUS_OK:
      icon = "emblem-ok-symbolic";
      style = "success";
      break;
    case BB_DOMAIN_STATUS_OFFLINE:
    case BB_DOMAIN_STATUS_NOT_CHECKED:
      icon = "network-offline-symbolic";
      break;
    case BB_DOMAIN_STATUS_NO_MX:
    case BB_DOMAIN_STATUS_NULL_MX:
    case BB_DOMAIN_STATUS_NO_MAIL_SERVER:
    case BB_DOMAIN_STATUS_NO_SUCH_DOMAIN:
    default:
      icon = "dialog-error-symbolic";
      style = "error";
      break;
    }
  set_domain_icon (self, icon, style);
  if (report->status == BB_DOMAIN_STATUS_OK && self->recipient != NULL &&
      bb_recipient_get_category (self->recipient) == BB_CATEGORY_ADDRESS)
    {
      g_autofree char *title = g_strdup_printf ("%s %s", bb_domain_status_describe (report->status),
                                                _ ("So the domain is fine: the part before @ is what the server refused."));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->domain_row), title);
    }
  else
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->domain_row), bb_domain_status_describe (report->status));
  if (report->mx != NULL && report->mx[0] != NULL)
    {
      g_autofree char *hosts = g_strjoinv (", ", report->mx);
      g_autofree char *subtitle = g_strdup_printf (_ ("Mail servers of %s: %s"), report->domain, hosts);

      adw_action_row_set_subtitle (self->domain_row, subtitle);
    }
  else
    adw_action_row_set_subtitle (self->domain_row, report->error != NULL ? report->error : report->domain);
}

static void
check_domain_action (GtkWidget  *widget,
                     const char *action,
                     GVariant   *parameter)
{
  BbCheckPanel *self = BB_CHECK_PANEL (widget);
  GResolver    *resolver = start_lookup (self, &self->domain_busy);

  if (resolver == NULL)
    return;
  bb_domain_check_async (resolver, recipient_domain (self), NULL, DNS_TIMEOUT_MS, self->cancellable,
                         domain_done_cb, g_object_ref (self));
}

/* ---- the sending IP on the public lists ---- */

static void
dnsbl_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr (BbCheckPanel) self = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) results = bb_dnsbl_check_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->dnsbl_busy = FALSE;
  update_actions (self);
  if (results == NULL)
    {
      add_row (self->blocklist_group, self->blocklist_rows, error->message, NULL, "dialog-warning-symbolic", "warning");
      return;
    }
  for (guint i = 0; i < results->len; i++)
    {
      BbDnsblResult     *r = g_ptr_array_index (results, i);
      const BbBlocklist *list = bb_blocklist_lookup (r->list_id);
      g_autofree char   *title = g_strdup_printf ("%s · %s", list != NULL ? list->name : r->zone,
                                                  r->status == BB_DNSBL_LISTED  ? _ ("listed")
                                                  : r->status == BB_DNSBL_CLEAN ? _ ("not listed")
                                                                                : _ ("unknown"));

      add_row (self->blocklist_group, self->blocklist_rows, title, r->zone,
               r->status == BB_DNSBL_LISTED  ? "dialog-error-symbolic"
               : r->status == BB_DNSBL_CLEAN ? "emblem-ok-symbolic"
                                             : "dialog-question-symbolic",
               r->status == BB_DNSBL_LISTED  ? "error"
               : r->status == BB_DNSBL_CLEAN ? "success"
                                             : NULL);
    }
}

static void
check_dnsbl_action (GtkWidget  *widget,
                    const char *action,
                    GVariant   *parameter)
{
  BbCheckPanel *self = BB_CHECK_PANEL (widget);
  GResolver    *resolver = start_lookup (self, &self->dnsbl_busy);

  if (resolver == NULL)
    return;
  bb_dnsbl_check_async (resolver, bb_recipient_get_sending_ip (self->recipient), DNS_TIMEOUT_MS, self->cancellable,
                        dnsbl_done_cb, g_object_ref (self));
}

/* ---- other contacts ---- */

static void
copy_contact_cb (GtkButton    *button,
                 BbCheckPanel *self)
{
  const char *address = g_object_get_data (G_OBJECT (button), "bb-address");

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), address);
  toast (self, _ ("Address copied"));
}

static void
use_contact_cb (GtkButton    *button,
                BbCheckPanel *self)
{
  g_signal_emit (self, signals[SIGNAL_USE_CONTACT], 0, g_object_get_data (G_OBJECT (button), "bb-address"));
}

static void
add_contact_row (BbCheckPanel    *self,
                 const BbContact *contact)
{
  g_autofree char *subtitle = contact->role ? g_strdup_printf (_ ("General address · found on %s"), contact->page)
                                            : g_strdup_printf (_ ("Found on %s"), contact->page);
  GtkWidget *row = add_row (self->contacts_group, self->contact_rows, contact->address, subtitle,
                            contact->same_domain ? "mail-unread-symbolic" : "mail-forward-symbolic", NULL);
  GtkWidget *copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  GtkWidget *use = gtk_button_new_with_mnemonic (_ ("_Use in Draft"));

  gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (copy, "flat");
  gtk_widget_set_tooltip_text (copy, _ ("Copy address"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (copy), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Copy address"), -1);
  g_object_set_data_full (G_OBJECT (copy), "bb-address", g_strdup (contact->address), g_free);
  g_signal_connect (copy, "clicked", G_CALLBACK (copy_contact_cb), self);
  gtk_widget_set_valign (use, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (use, _ ("Write the alternate-contact draft to this address"));
  g_object_set_data_full (G_OBJECT (use), "bb-address", g_strdup (contact->address), g_free);
  g_signal_connect (use, "clicked", G_CALLBACK (use_contact_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), copy);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), use);
}

static void
contacts_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  g_autoptr (BbCheckPanel) self = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (BbContactsResult) found = bb_contacts_find_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->contacts_busy = FALSE;
  update_actions (self);
  remove_rows (self->contacts_group, self->contact_rows);
  if (found == NULL)
    {
      add_row (self->contacts_group, self->contact_rows, error->message, NULL, "dialog-warning-symbolic", "warning");
      return;
    }
  for (guint i = 0; i < found->contacts->len; i++)
    add_contact_row (self, g_ptr_array_index (found->contacts, i));
  if (found->contacts->len == 0)
    {
      g_autofree char *errors = NULL;

      g_ptr_array_add (found->errors, NULL);
      errors = g_strjoinv ("\n", (char **) found->errors->pdata);
      add_row (self->contacts_group, self->contact_rows, _ ("No addresses found on the web site."),
               *errors != '\0' ? errors : NULL, "dialog-information-symbolic", NULL);
    }
}

static void
find_contacts_action (GtkWidget  *widget,
                      const char *action,
                      GVariant   *parameter)
{
  BbCheckPanel *self = BB_CHECK_PANEL (widget);
  g_autofree char *site = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->site_row))));

  self->contacts_busy = TRUE;
  update_actions (self);
  bb_contacts_find_async (NULL, *site != '\0' ? site : NULL, recipient_domain (self), 0, self->cancellable,
                          contacts_done_cb, g_object_ref (self));
}

/* ---- the target ---- */

/**
 * bb_check_panel_set_target:
 * @bounce: (nullable): the analysed bounce
 * @recipient: (nullable): the recipient to check
 *
 * Shows the blocklists the bounce names and resets the checks (a check
 * still running is cancelled).
 */
void
bb_check_panel_set_target (BbCheckPanel *self,
                           BbBounce     *bounce,
                           BbRecipient  *recipient)
{
  const char *domain;

  g_return_if_fail (BB_IS_CHECK_PANEL (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->domain_busy = self->dnsbl_busy = self->contacts_busy = FALSE;
  g_set_object (&self->bounce, bounce);
  g_set_object (&self->recipient, recipient);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->domain_row),
                                 _ ("Not checked yet: press Check to look the domain up."));
  adw_action_row_set_subtitle (self->domain_row, recipient_domain (self) != NULL ? recipient_domain (self) : "");
  set_domain_icon (self, "network-server-symbolic", NULL);
  remove_rows (self->contacts_group, self->contact_rows);
  domain = recipient_domain (self);
  if (domain != NULL)
    {
      g_autofree char *site = bb_contacts_site_for (domain);
      gtk_editable_set_text (GTK_EDITABLE (self->site_row), site);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (self->site_row), "");
  show_blocklists (self);
  update_actions (self);
}

AdwActionRow *
_bb_check_panel_get_domain_row (BbCheckPanel *self)
{
  return self->domain_row;
}

AdwPreferencesGroup *
_bb_check_panel_get_blocklist_group (BbCheckPanel *self)
{
  return self->blocklist_group;
}

AdwPreferencesGroup *
_bb_check_panel_get_contacts_group (BbCheckPanel *self)
{
  return self->contacts_group;
}

AdwEntryRow *
_bb_check_panel_get_site_row (BbCheckPanel *self)
{
  return self->site_row;
}

GtkWidget *
bb_check_panel_new (void)
{
  return g_object_new (BB_TYPE_CHECK_PANEL, NULL);
}

static void
bb_check_panel_dispose (GObject *object)
{
  BbCheckPanel *self = BB_CHECK_PANEL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->bounce);
  g_clear_object (&self->recipient);
  g_clear_object (&self->resolver);
  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_CHECK_PANEL);
  G_OBJECT_CLASS (bb_check_panel_parent_class)->dispose (object);
}

static void
bb_check_panel_finalize (GObject *object)
{
  BbCheckPanel *self = BB_CHECK_PANEL (object);

  g_clear_pointer (&self->blocklist_rows, g_ptr_array_unref);
  g_clear_pointer (&self->contact_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (bb_check_panel_parent_class)->finalize (object);
}

static void
bb_check_panel_class_init (BbCheckPanelClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_check_panel_dispose;
  object_class->finalize = bb_check_panel_finalize;

  /**
   * BbCheckPanel::use-contact:
   * @address: the address the user picked
   *
   * The user wants the alternate-contact draft written to @address.
   */
  signals[SIGNAL_USE_CONTACT] = g_signal_new ("use-contact", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                              NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/bounceback/Bounceback/bb-check-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, BbCheckPanel, blocklist_group);
  gtk_widget_class_bind_template_child (widget_class, BbCheckPanel, domain_group);
  gtk_widget_class_bind_template_child (widget_class, BbCheckPanel, domain_row);
  gtk_widget_class_bind_template_child (widget_class, BbCheckPanel, domain_icon);
  gtk_widget_class_bind_template_child (widget_class, BbCheckPanel, domain_spinner);
  gtk_widget_class_bind_template_child (widget_class, BbCheckPanel, contacts_group);
  gtk_widget_class_bind_template_child (widget_class, BbCheckPanel, site_row);
  gtk_widget_class_bind_template_child (widget_class, BbCheckPanel, contacts_spinner);

  gtk_widget_class_install_action (widget_class, "check.domain", NULL, check_domain_action);
  gtk_widget_class_install_action (widget_class, "check.dnsbl", NULL, check_dnsbl_action);
  gtk_widget_class_install_action (widget_class, "check.contacts", NULL, find_contacts_action);
}

static void
bb_check_panel_init (BbCheckPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->blocklist_rows = g_ptr_array_new ();
  self->contact_rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
  update_actions (self);
}
