/* bb-draft-panel.c - the resend draft under a diagnosis
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The panel fills the chosen template (suggested by the core for the
 * bounce) with the failed recipient and the rep's own details, and lets
 * the rep edit To, Subject and the body before copying, opening or saving
 * the draft.  Everything it hands on ("Copy", "Open in Mail App", "Save as
 * Draft…") is the edited text, never the template's.
 *
 * Refilling: a new bounce or another template always refills the fields.
 * A change of the rep's details or of the template's text (in Preferences)
 * refills them only while the rep has not edited the draft yet, so typing
 * is never thrown away.
 *
 * Toasts go to the nearest AdwToastOverlay ancestor (the window's); a
 * panel outside one shows none.
 */

#include "config.h"

#include "bb-draft-panel.h"

#include <glib/gi18n.h>
#include <string.h>

struct _BbDraftPanel
{
  AdwBin parent_instance;

  /* Template widgets */
  AdwActionRow *identity_row;
  AdwComboRow  *template_row;
  AdwEntryRow  *to_row;
  AdwEntryRow  *subject_row;
  GtkTextView  *body_view;

  /* Owned */
  BbSettings           *settings;
  BbDraftStore         *store;
  BbBounce             *bounce;
  BbRecipient          *recipient;
  GSignalGroup         *template_signals;
  GtkFileChooserNative *chooser;
  BbDraft              *saving; /* the draft being saved while the chooser is up */

  gboolean filling; /* the fields are being set by the panel itself */
  gboolean edited;  /* the rep typed into the draft since the last fill */
};

G_DEFINE_FINAL_TYPE (BbDraftPanel, bb_draft_panel, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_SETTINGS,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_toast (GtkWidget  *widget,
            const char *markup)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay == NULL)
    {
      g_debug ("No toast overlay for: %s", markup);
      return;
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (markup));
}

static void
get_identity (BbDraftPanel     *self,
              BbSenderIdentity *me)
{
  memset (me, 0, sizeof *me);
  if (self->settings != NULL)
    bb_settings_get_identity (self->settings, me);
}

static BbDraftTemplate *
selected_template (BbDraftPanel *self)
{
  return BB_DRAFT_TEMPLATE (adw_combo_row_get_selected_item (self->template_row));
}

static void
update_actions (BbDraftPanel *self)
{
  gboolean ready = self->bounce != NULL && self->recipient != NULL && selected_template (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "draft.copy", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "draft.open", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "draft.save", ready && self->chooser == NULL);
}

static void
update_identity_hint (BbDraftPanel *self)
{
  BbSenderIdentity me;

  get_identity (self, &me);
  gtk_widget_set_visible (GTK_WIDGET (self->identity_row), me.name == NULL || *me.name == '\0');
}

/* Puts the filled template into the fields: the draft is "unedited" again. */
static void
fill (BbDraftPanel *self)
{
  BbDraftTemplate *tmpl = selected_template (self);
  g_autoptr (BbDraft) draft = NULL;
  BbSenderIdentity me;

  if (self->bounce != NULL && self->recipient != NULL && tmpl != NULL)
    {
      get_identity (self, &me);
      draft = bb_draft_fill (tmpl, self->bounce, self->recipient, &me);
    }

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->to_row), draft != NULL && draft->to != NULL ? draft->to : "");
  gtk_editable_set_text (GTK_EDITABLE (self->subject_row), draft != NULL && draft->subject != NULL ? draft->subject : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view),
                            draft != NULL && draft->body != NULL ? draft->body : "", -1);
  self->filling = FALSE;
  self->edited = FALSE;

  update_actions (self);
}

static void
refill_unless_edited (BbDraftPanel *self)
{
  if (!self->edited)
    fill (self);
}

static void
field_changed_cb (BbDraftPanel *self)
{
  if (!self->filling)
    self->edited = TRUE;
}

static void
settings_changed_cb (BbDraftPanel *self)
{
  update_identity_hint (self);
  refill_unless_edited (self);
}

static void
template_changed_cb (BbDraftPanel *self)
{
  refill_unless_edited (self);
}

static void
selected_changed_cb (BbDraftPanel *self)
{
  BbDraftTemplate *now = selected_template (self);
  g_autoptr (BbDraftTemplate) before = g_signal_group_dup_target (self->template_signals);

  /* The position also moves when a template before it is added or
   * removed: only another template refills the draft. */
  if (now == before)
    {
      update_actions (self);
      return;
    }

  g_signal_group_set_target (self->template_signals, now);
  fill (self);
}

static guint
find_template (BbDraftPanel *self,
               const char   *id)
{
  GListModel *model;
  guint       n;

  if (self->store == NULL || id == NULL)
    return GTK_INVALID_LIST_POSITION;

  model = G_LIST_MODEL (self->store);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (BbDraftTemplate) tmpl = g_list_model_get_item (model, i);

      if (g_strcmp0 (bb_draft_template_get_id (tmpl), id) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* Selects @id (or the first template) and fills the fields once. */
static void
select_template (BbDraftPanel *self,
                 const char   *id)
{
  guint position = find_template (self, id);

  if (position == GTK_INVALID_LIST_POSITION && self->store != NULL &&
      g_list_model_get_n_items (G_LIST_MODEL (self->store)) > 0)
    position = 0;

  g_signal_handlers_block_by_func (self->template_row, selected_changed_cb, self);
  adw_combo_row_set_selected (self->template_row, position);
  g_signal_handlers_unblock_by_func (self->template_row, selected_changed_cb, self);

  g_signal_group_set_target (self->template_signals, selected_template (self));
  fill (self);
}

static void
store_items_changed_cb (BbDraftPanel *self)
{
  /* Runs after the combo row has followed the change. */
  if (selected_template (self) == NULL && self->store != NULL &&
      g_list_model_get_n_items (G_LIST_MODEL (self->store)) > 0)
    select_template (self, self->recipient != NULL
                               ? bb_draft_suggest_template (self->bounce, self->recipient)
                               : NULL);
  else
    update_actions (self);
}

/**
 * bb_draft_panel_dup_draft:
 * @self: a #BbDraftPanel
 *
 * Returns: (transfer full) (nullable): the draft as the rep edited it, or
 *   %NULL when there is nothing to resend
 */
BbDraft *
bb_draft_panel_dup_draft (BbDraftPanel *self)
{
  BbDraft    *draft;
  GtkTextIter start, end;

  g_return_val_if_fail (BB_IS_DRAFT_PANEL (self), NULL);

  if (self->bounce == NULL || self->recipient == NULL)
    return NULL;

  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (self->body_view), &start, &end);
  draft = g_new0 (BbDraft, 1);
  draft->to = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->to_row)));
  draft->subject = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->subject_row)));
  draft->body = gtk_text_buffer_get_text (gtk_text_view_get_buffer (self->body_view), &start, &end, FALSE);

  return draft;
}

/**
 * bb_draft_panel_copy:
 * @self: a #BbDraftPanel
 *
 * Puts the edited draft on the clipboard as plain text and says so in a
 * toast.
 *
 * Returns: %TRUE if there was a draft to copy
 */
gboolean
bb_draft_panel_copy (BbDraftPanel *self)
{
  g_autoptr (BbDraft) draft = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (BB_IS_DRAFT_PANEL (self), FALSE);

  draft = bb_draft_panel_dup_draft (self);
  if (draft == NULL)
    return FALSE;

  text = bb_draft_to_text (draft);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  show_toast (GTK_WIDGET (self), _ ("Draft copied"));

  return TRUE;
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  bb_draft_panel_copy (BB_DRAFT_PANEL (widget));
}

static void
show_uri_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (BbDraftPanel) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);
      /* Translators: %s is the system's error message */
      g_autofree char *message = g_strdup_printf (_ ("Could not open your mail app: %s"), escaped);

      show_toast (GTK_WIDGET (self), message);
    }
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BbDraftPanel *self = BB_DRAFT_PANEL (widget);
  g_autoptr (BbDraft) draft = bb_draft_panel_dup_draft (self);
  g_autofree char *uri = NULL;
  GtkRoot         *root = gtk_widget_get_root (widget);

  if (draft == NULL)
    return;

  uri = bb_draft_to_mailto (draft);
  gtk_show_uri_full (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME,
                     NULL, show_uri_cb, g_object_ref (self));
}

/* "<subject>.eml" with the characters file systems refuse replaced. */
static char *
file_name_for (const BbDraft *draft)
{
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;

  base = g_strstrip (g_strdup (draft->subject != NULL ? draft->subject : ""));
  if (*base == '\0')
    {
      g_free (base);
      /* Translators: file name of a saved draft that has no subject */
      base = g_strdup (_ ("Draft"));
    }
  g_strdelimit (base, "/\\:*?\"<>|\t\r\n", '-');
  if (g_utf8_strlen (base, -1) > 80)
    {
      char *cut = g_utf8_substring (base, 0, 80);

      g_free (base);
      base = cut;
    }

  name = g_strconcat (base, ".eml", NULL);
  return g_steal_pointer (&name);
}

static void
chooser_response_cb (BbDraftPanel    *self,
                     int              response,
                     GtkNativeDialog *dialog)
{
  g_autoptr (BbDraft) draft = g_steal_pointer (&self->saving);
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  BbSenderIdentity me;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_clear_object (&self->chooser);
  update_actions (self);

  if (file == NULL || draft == NULL)
    return;

  path = g_file_get_path (file);
  get_identity (self, &me);
  if (path == NULL)
    {
      show_toast (GTK_WIDGET (self), _ ("Could not save the draft: choose a folder on this computer"));
    }
  else if (!bb_draft_write_eml (draft, &me, path, &error))
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);
      /* Translators: %s is the system's error message */
      g_autofree char *message = g_strdup_printf (_ ("Could not save the draft: %s"), escaped);

      show_toast (GTK_WIDGET (self), message);
    }
  else
    {
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *escaped = g_markup_escape_text (basename, -1);
      /* Translators: %s is a file name; the draft can be opened in a mail program */
      g_autofree char *message = g_strdup_printf (_ ("Draft saved as “%s”"), escaped);

      show_toast (GTK_WIDGET (self), message);
    }
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BbDraftPanel *self = BB_DRAFT_PANEL (widget);
  g_autoptr (GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;
  GtkRoot         *root = gtk_widget_get_root (widget);

  if (self->chooser != NULL)
    return;

  g_clear_pointer (&self->saving, bb_draft_free);
  self->saving = bb_draft_panel_dup_draft (self);
  if (self->saving == NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_ ("Save Draft"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _ ("_Save"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  filter = gtk_file_filter_new ();
  /* Translators: file type in the save dialog */
  gtk_file_filter_set_name (filter, _ ("Email drafts (.eml)"));
  gtk_file_filter_add_pattern (filter, "*.eml");
  gtk_file_filter_add_mime_type (filter, "message/rfc822");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  name = file_name_for (self->saving);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  update_actions (self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/**
 * bb_draft_panel_set_target:
 * @self: a #BbDraftPanel
 * @bounce: (nullable): the analysed bounce
 * @recipient: (nullable): the failed recipient to write about
 *
 * Selects the template the core suggests for this failure and fills it.
 */
void
bb_draft_panel_set_target (BbDraftPanel *self,
                           BbBounce     *bounce,
                           BbRecipient  *recipient)
{
  g_return_if_fail (BB_IS_DRAFT_PANEL (self));
  g_return_if_fail (bounce == NULL || BB_IS_BOUNCE (bounce));
  g_return_if_fail (recipient == NULL || BB_IS_RECIPIENT (recipient));

  if (bounce == NULL)
    recipient = NULL;

  g_set_object (&self->bounce, bounce);
  g_set_object (&self->recipient, recipient);

  select_template (self, recipient != NULL ? bb_draft_suggest_template (bounce, recipient) : NULL);
}

/**
 * bb_draft_panel_use_contact:
 * @self: a #BbDraftPanel
 * @address: another address at the client's company (info@, sales@ …)
 *
 * Switches to the alternate-contact draft, written to @address.
 */
void
bb_draft_panel_use_contact (BbDraftPanel *self,
                            const char   *address)
{
  g_return_if_fail (BB_IS_DRAFT_PANEL (self));
  g_return_if_fail (address != NULL);

  select_template (self, BB_DRAFT_ALTERNATE_CONTACT);
  gtk_editable_set_text (GTK_EDITABLE (self->to_row), address);
}

/**
 * bb_draft_panel_get_template_id:
 * @self: a #BbDraftPanel
 *
 * Returns: (nullable): the id of the selected template
 */
const char *
bb_draft_panel_get_template_id (BbDraftPanel *self)
{
  BbDraftTemplate *tmpl;

  g_return_val_if_fail (BB_IS_DRAFT_PANEL (self), NULL);

  tmpl = selected_template (self);
  return tmpl != NULL ? bb_draft_template_get_id (tmpl) : NULL;
}

BbSettings *
bb_draft_panel_get_settings (BbDraftPanel *self)
{
  g_return_val_if_fail (BB_IS_DRAFT_PANEL (self), NULL);

  return self->settings;
}

/**
 * bb_draft_panel_set_settings:
 * @self: a #BbDraftPanel
 * @settings: (nullable): where the rep's name, company, address and
 *   signature come from; %NULL leaves them empty
 */
void
bb_draft_panel_set_settings (BbDraftPanel *self,
                             BbSettings   *settings)
{
  g_return_if_fail (BB_IS_DRAFT_PANEL (self));
  g_return_if_fail (settings == NULL || BB_IS_SETTINGS (settings));

  if (self->settings == settings)
    return;

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_set_object (&self->settings, settings);
  if (settings != NULL)
    {
      static const char *const keys[] = {
        "notify::sender-name",
        "notify::sender-company",
        "notify::sender-address",
        "notify::sender-signature",
        "notify::draft-language",
      };

      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        g_signal_connect_swapped (settings, keys[i], G_CALLBACK (settings_changed_cb), self);
    }

  settings_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SETTINGS]);
}

BbDraftStore *
bb_draft_panel_get_store (BbDraftPanel *self)
{
  g_return_val_if_fail (BB_IS_DRAFT_PANEL (self), NULL);

  return self->store;
}

/**
 * bb_draft_panel_set_store:
 * @self: a #BbDraftPanel
 * @store: (nullable): the templates to offer
 */
void
bb_draft_panel_set_store (BbDraftPanel *self,
                          BbDraftStore *store)
{
  g_return_if_fail (BB_IS_DRAFT_PANEL (self));
  g_return_if_fail (store == NULL || BB_IS_DRAFT_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);

  g_signal_handlers_block_by_func (self->template_row, selected_changed_cb, self);
  adw_combo_row_set_model (self->template_row, G_LIST_MODEL (store));
  g_signal_handlers_unblock_by_func (self->template_row, selected_changed_cb, self);

  /* Connected after the combo row's own handler, so it sees the result. */
  if (store != NULL)
    g_signal_connect_swapped (store, "items-changed", G_CALLBACK (store_items_changed_cb), self);

  select_template (self, self->recipient != NULL ? bb_draft_suggest_template (self->bounce, self->recipient) : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/* The templates live in $XDG_DATA_HOME/bounceback/templates.ini.  There is
 * one BbDraftStore per application: it hangs on the application's single
 * BbSettings, which the shell hands to the diagnosis view and to the
 * preferences window alike, so both see the same templates and an edit in
 * Preferences shows in the open draft at once.  No global state. */
#define SHARED_STORE_KEY "bb-draft-panel-shared-store"

/**
 * bb_draft_panel_get_shared_store:
 * @settings: the application's settings
 *
 * Returns: (transfer none): the application's templates, loaded on first
 *   use, in the language of the "draft-language" setting
 */
BbDraftStore *
bb_draft_panel_get_shared_store (BbSettings *settings)
{
  BbDraftStore *store;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (BB_IS_SETTINGS (settings), NULL);

  store = g_object_get_data (G_OBJECT (settings), SHARED_STORE_KEY);
  if (store != NULL)
    return store;

  path = g_build_filename (g_get_user_data_dir (), "bounceback", "templates.ini", NULL);
  store = bb_draft_store_new (path);
  /* The built-ins the rep has not rewritten follow Preferences ▸ Draft
   * Language.  The binding goes when the settings go, and they own the
   * store. */
  g_object_bind_property (settings, "draft-language", store, "language", G_BINDING_SYNC_CREATE);
  if (!bb_draft_store_load (store, &error) &&
      !g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_warning ("Could not read the templates in %s: %s", path, error->message);

  g_object_set_data_full (G_OBJECT (settings), SHARED_STORE_KEY, store, g_object_unref);
  return store;
}

static void
bb_draft_panel_dispose (GObject *object)
{
  BbDraftPanel *self = BB_DRAFT_PANEL (object);

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->template_signals != NULL)
    g_signal_group_set_target (self->template_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_DRAFT_PANEL);

  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->bounce);
  g_clear_object (&self->recipient);
  g_clear_object (&self->template_signals);
  g_clear_pointer (&self->saving, bb_draft_free);

  G_OBJECT_CLASS (bb_draft_panel_parent_class)->dispose (object);
}

static void
bb_draft_panel_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BbDraftPanel *self = BB_DRAFT_PANEL (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_draft_panel_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BbDraftPanel *self = BB_DRAFT_PANEL (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      bb_draft_panel_set_settings (self, g_value_get_object (value));
      break;
    case PROP_STORE:
      bb_draft_panel_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_draft_panel_class_init (BbDraftPanelClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_draft_panel_dispose;
  object_class->get_property = bb_draft_panel_get_property;
  object_class->set_property = bb_draft_panel_set_property;

  properties[PROP_SETTINGS] =
      g_param_spec_object ("settings", NULL, NULL, BB_TYPE_SETTINGS,
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STORE] =
      g_param_spec_object ("store", NULL, NULL, BB_TYPE_DRAFT_STORE,
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/bounceback/Bounceback/bb-draft-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, BbDraftPanel, identity_row);
  gtk_widget_class_bind_template_child (widget_class, BbDraftPanel, template_row);
  gtk_widget_class_bind_template_child (widget_class, BbDraftPanel, to_row);
  gtk_widget_class_bind_template_child (widget_class, BbDraftPanel, subject_row);
  gtk_widget_class_bind_template_child (widget_class, BbDraftPanel, body_view);

  gtk_widget_class_install_action (widget_class, "draft.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "draft.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "draft.save", NULL, save_action);
}

static void
bb_draft_panel_init (BbDraftPanel *self)
{
  g_autoptr (GtkExpression) name = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  name = gtk_property_expression_new (BB_TYPE_DRAFT_TEMPLATE, NULL, "name");
  adw_combo_row_set_expression (self->template_row, name);

  self->template_signals = g_signal_group_new (BB_TYPE_DRAFT_TEMPLATE);
  g_signal_group_connect_swapped (self->template_signals, "notify::subject", G_CALLBACK (template_changed_cb), self);
  g_signal_group_connect_swapped (self->template_signals, "notify::body", G_CALLBACK (template_changed_cb), self);

  g_signal_connect_swapped (self->template_row, "notify::selected", G_CALLBACK (selected_changed_cb), self);
  g_signal_connect_swapped (self->to_row, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (self->subject_row, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->body_view), "changed",
                            G_CALLBACK (field_changed_cb), self);

  update_identity_hint (self);
  update_actions (self);
}

/**
 * bb_draft_panel_new:
 * @settings: (nullable): the application's settings (the rep's details)
 * @store: (nullable): the templates; %NULL takes the application's
 *   shared store when @settings is given
 *
 * Returns: (transfer floating): a new #BbDraftPanel
 */
GtkWidget *
bb_draft_panel_new (BbSettings   *settings,
                    BbDraftStore *store)
{
  g_return_val_if_fail (settings == NULL || BB_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (store == NULL || BB_IS_DRAFT_STORE (store), NULL);

  if (store == NULL && settings != NULL)
    store = bb_draft_panel_get_shared_store (settings);

  return g_object_new (BB_TYPE_DRAFT_PANEL, "settings", settings, "store", store, NULL);
}
