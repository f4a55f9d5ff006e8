/* bb-preferences-window.c - the rep's details and the resend templates
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Your Details" and the draft language are bound both ways to the
 * BbSettings properties, so they apply at once, as GNOME preferences do.
 *
 * Templates: the list shows the application's BbDraftStore (the one the
 * diagnosis view uses, see bb_draft_panel_get_shared_store()).  Editing
 * opens a subpage; edits go into the template as they are typed and the
 * store is saved a second after the last one, and at the latest when the
 * editor goes away.
 */

#include "config.h"

#include "bb-preferences-window.h"

#include "bb-draft-panel.h"

#include <glib/gi18n.h>

#define SAVE_DELAY_MS 1000

struct _BbPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* Template widgets */
  AdwEntryRow   *name_row;
  AdwEntryRow   *company_row;
  AdwEntryRow   *address_row;
  GtkTextView   *signature_view;
  AdwComboRow   *language_row;
  GtkSpinButton *retry_spin;
  GtkListBox    *templates_list;

  /* Owned */
  BbSettings   *settings;
  BbDraftStore *store;

  guint save_source;
};

G_DEFINE_FINAL_TYPE (BbPreferencesWindow, bb_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum
{
  PROP_0,
  PROP_SETTINGS,
  PROP_DRAFT_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The draft languages, in the order of the combo row's items. */
static const char *const languages[] = { "en", "zh_CN" };

static void
save_now (BbPreferencesWindow *self)
{
  g_autoptr (GError) error = NULL;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->store == NULL)
    return;

  if (!bb_draft_store_save (self->store, &error))
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);
      /* Translators: %s is the system's error message */
      g_autofree char *message = g_strdup_printf (_ ("Could not save the templates: %s"), escaped);

      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
    }
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  BbPreferencesWindow *self = user_data;

  self->save_source = 0;
  save_now (self);

  return G_SOURCE_REMOVE;
}

static void
save_later (BbPreferencesWindow *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

/* The template editor (a subpage) */

typedef struct
{
  BbPreferencesWindow *window; /* borrowed: the editor lives inside it */
  BbDraftTemplate *template;
  AdwWindowTitle *title;
  AdwEntryRow    *name_row;
  AdwEntryRow    *subject_row;
  GtkTextView    *body_view;
  gboolean        loading;
} Editor;

static void
editor_free (gpointer data)
{
  Editor *editor = data;

  g_clear_object (&editor->template);
  g_free (editor);
}

static void
editor_load (Editor *editor)
{
  editor->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (editor->name_row), bb_draft_template_get_name (editor->template));
  gtk_editable_set_text (GTK_EDITABLE (editor->subject_row), bb_draft_template_get_subject (editor->template));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (editor->body_view),
                            bb_draft_template_get_body (editor->template), -1);
  adw_window_title_set_subtitle (editor->title, bb_draft_template_get_name (editor->template));
  editor->loading = FALSE;
}

static void
editor_changed_cb (Editor *editor)
{
  GtkTextBuffer   *buffer;
  GtkTextIter      start, end;
  g_autofree char *body = NULL;

  if (editor->loading)
    return;

  buffer = gtk_text_view_get_buffer (editor->body_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  body = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  bb_draft_template_set_name (editor->template, gtk_editable_get_text (GTK_EDITABLE (editor->name_row)));
  bb_draft_template_set_subject (editor->template, gtk_editable_get_text (GTK_EDITABLE (editor->subject_row)));
  bb_draft_template_set_body (editor->template, body);
  adw_window_title_set_subtitle (editor->title, bb_draft_template_get_name (editor->template));

  save_later (editor->window);
}

static void
editor_back_cb (Editor *editor)
{
  adw_preferences_window_close_subpage (ADW_PREFERENCES_WINDOW (editor->window));
}

static void
editor_unmap_cb (Editor *editor)
{
  /* Closed with the back button, Escape or a swipe: save now. */
  if (editor->window->save_source != 0)
    save_now (editor->window);
}

static void
editor_reset_cb (Editor *editor)
{
  g_autofree char *id = g_strdup (bb_draft_template_get_id (editor->template));

  bb_draft_store_reset (editor->window->store, id);
  editor_load (editor);
  save_now (editor->window);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (editor->window),
                                    adw_toast_new (_ ("Template reset to its original text")));
}

static void
editor_remove_cb (Editor *editor)
{
  BbPreferencesWindow *self = editor->window;
  g_autofree char     *id = g_strdup (bb_draft_template_get_id (editor->template));
  g_autofree char     *name = g_markup_escape_text (bb_draft_template_get_name (editor->template), -1);
  /* Translators: %s is the name of a template */
  g_autofree char *message = g_strdup_printf (_ ("“%s” removed"), name);

  adw_preferences_window_close_subpage (ADW_PREFERENCES_WINDOW (self));
  bb_draft_store_remove (self->store, id);
  save_now (self);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

static GtkWidget *
placeholder_row_new (const char *placeholder,
                     const char *meaning)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), placeholder);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), meaning);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "bb-placeholder-row");

  return row;
}

static GtkWidget *
placeholders_row_new (void)
{
  static const struct
  {
    const char *placeholder;
    const char *meaning;
  } items[] = {
    { "{greeting}", N_ ("“Dear …,” with the client’s name, or “Dear Sir or Madam,”; in Chinese drafts “尊敬的…：” or “您好：”") },
    { "{client_name}", N_ ("The client’s name, when the email named one") },
    { "{failed_address}", N_ ("The address that bounced") },
    { "{corrected_address}", N_ ("The corrected address, when the old one looks misspelt") },
    { "{to_address}", N_ ("The address the draft goes to") },
    { "{original_subject}", N_ ("The subject of the email that bounced") },
    { "{original_date}", N_ ("When that email was sent") },
    { "{attachments}", N_ ("The names of its attachments") },
    { "{key_points}", N_ ("A place for the key points of your email") },
    { "{cloud_link}", N_ ("A place for a download link") },
    { "{reason}", N_ ("Why the email bounced, in plain words") },
    { "{my_name}", N_ ("Your name") },
    { "{my_company}", N_ ("Your company") },
    { "{signature}", N_ ("Your signature") },
  };
  GtkWidget *expander = adw_expander_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _ ("Placeholders"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), _ ("Words in braces that are filled in for you"));
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                              placeholder_row_new (items[i].placeholder, _ (items[i].meaning)));

  return expander;
}

static GtkWidget *
editor_new (BbPreferencesWindow *self,
            BbDraftTemplate     *tmpl)
{
  Editor    *editor = g_new0 (Editor, 1);
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *back = gtk_button_new_from_icon_name ("go-previous-symbolic");
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *body_group = adw_preferences_group_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *help_group = adw_preferences_group_new ();
  GtkWidget *help_list = gtk_list_box_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *reset = gtk_button_new_with_label (_ ("Reset to Default"));
  GtkWidget *remove = gtk_button_new_with_label (_ ("Remove Template"));

  editor->window = self;
  editor->template = g_object_ref (tmpl);
  editor->title = ADW_WINDOW_TITLE (adw_window_title_new (_ ("Edit Template"), NULL));
  editor->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  editor->subject_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  editor->body_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  g_object_set_data_full (G_OBJECT (page), "bb-editor", editor, editor_free);

  gtk_widget_set_tooltip_text (back, _ ("Back"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (back), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Back"), -1);
  g_signal_connect_swapped (back, "clicked", G_CALLBACK (editor_back_cb), editor);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), back);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (editor->title));
  gtk_box_append (GTK_BOX (page), header);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (editor->name_row), _ ("Template Name"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (editor->subject_row), _ ("Subject"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (editor->name_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (editor->subject_row));
  gtk_box_append (GTK_BOX (content), group);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (body_group), _ ("Message"));
  gtk_text_view_set_wrap_mode (editor->body_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (editor->body_view, 12);
  gtk_text_view_set_bottom_margin (editor->body_view, 12);
  gtk_text_view_set_left_margin (editor->body_view, 12);
  gtk_text_view_set_right_margin (editor->body_view, 12);
  gtk_text_view_set_accepts_tab (editor->body_view, FALSE);
  gtk_widget_set_size_request (GTK_WIDGET (editor->body_view), -1, 280);
  gtk_accessible_update_property (GTK_ACCESSIBLE (editor->body_view), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Message"), -1);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (editor->body_view));
  gtk_widget_add_css_class (frame, "bb-draft-body");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (body_group), frame);
  gtk_box_append (GTK_BOX (content), body_group);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (help_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (help_list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (help_list), placeholders_row_new ());
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (help_group), help_list);
  gtk_box_append (GTK_BOX (content), help_group);

  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (reset, "pill");
  gtk_widget_add_css_class (remove, "pill");
  gtk_widget_add_css_class (remove, "destructive-action");
  g_object_bind_property (tmpl, "modified", reset, "visible", G_BINDING_SYNC_CREATE);
  gtk_widget_set_visible (remove, !bb_draft_template_get_builtin (tmpl));
  g_signal_connect_swapped (reset, "clicked", G_CALLBACK (editor_reset_cb), editor);
  g_signal_connect_swapped (remove, "clicked", G_CALLBACK (editor_remove_cb), editor);
  gtk_box_append (GTK_BOX (buttons), reset);
  gtk_box_append (GTK_BOX (buttons), remove);
  gtk_box_append (GTK_BOX (content), buttons);

  gtk_widget_set_margin_top (content, 24);
  gtk_widget_set_margin_bottom (content, 24);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (page), scroller);

  editor_load (editor);
  g_signal_connect_swapped (editor->name_row, "changed", G_CALLBACK (editor_changed_cb), editor);
  g_signal_connect_swapped (editor->subject_row, "changed", G_CALLBACK (editor_changed_cb), editor);
  g_signal_connect_swapped (gtk_text_view_get_buffer (editor->body_view), "changed",
                            G_CALLBACK (editor_changed_cb), editor);
  g_signal_connect_swapped (page, "unmap", G_CALLBACK (editor_unmap_cb), editor);

  return page;
}

static void
present_editor (BbPreferencesWindow *self,
                BbDraftTemplate     *tmpl)
{
  adw_preferences_window_present_subpage (ADW_PREFERENCES_WINDOW (self), editor_new (self, tmpl));
}

/**
 * bb_preferences_window_edit_template:
 * @self: a #BbPreferencesWindow
 * @id: the id of a template in the store
 *
 * Opens the editor on that template.
 */
void
bb_preferences_window_edit_template (BbPreferencesWindow *self,
                                     const char          *id)
{
  BbDraftTemplate *tmpl;

  g_return_if_fail (BB_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (id != NULL);

  if (self->store == NULL)
    return;

  tmpl = bb_draft_store_lookup (self->store, id);
  if (tmpl != NULL)
    present_editor (self, tmpl);
}

/* The template list */

static gboolean
template_kind_transform (GBinding     *binding,
                         const GValue *from,
                         GValue       *to,
                         gpointer      user_data)
{
  BbDraftTemplate *tmpl = BB_DRAFT_TEMPLATE (g_binding_dup_source (binding));

  if (tmpl == NULL)
    return FALSE;

  if (!bb_draft_template_get_builtin (tmpl))
    g_value_set_string (to, _ ("Your own template"));
  else if (g_value_get_boolean (from))
    g_value_set_string (to, _ ("Built-in, changed by you"));
  else
    g_value_set_string (to, _ ("Built-in"));

  g_object_unref (tmpl);
  return TRUE;
}

static void
template_edit_cb (GtkWidget *button)
{
  BbPreferencesWindow *self = BB_PREFERENCES_WINDOW (gtk_widget_get_root (button));
  BbDraftTemplate     *tmpl = g_object_get_data (G_OBJECT (button), "bb-template");

  present_editor (self, tmpl);
}

static GtkWidget *
template_row_new (gpointer item,
                  gpointer user_data)
{
  BbDraftTemplate *tmpl = item;
  GtkWidget       *row = adw_action_row_new ();
  GtkWidget       *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_bind_property (tmpl, "name", row, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property_full (tmpl, "modified", row, "subtitle", G_BINDING_SYNC_CREATE,
                               template_kind_transform, NULL, NULL, NULL);

  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (edit, "flat");
  gtk_widget_set_tooltip_text (edit, _ ("Edit Template"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Edit Template"), -1);
  g_object_set_data_full (G_OBJECT (edit), "bb-template", g_object_ref (tmpl), g_object_unref);
  g_signal_connect (edit, "clicked", G_CALLBACK (template_edit_cb), NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), edit);

  return row;
}

static void
add_template_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BbPreferencesWindow *self = BB_PREFERENCES_WINDOW (widget);
  BbDraftTemplate     *tmpl;

  if (self->store == NULL)
    return;

  /* Translators: name of a template the rep just added */
  tmpl = bb_draft_store_add (self->store, _ ("New Template"));
  if (tmpl == NULL)
    return;

  save_now (self);
  present_editor (self, tmpl);
}

/* Settings */

static gboolean
language_to_index (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  const char *language = g_value_get_string (from);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (language, languages[i]) == 0)
      {
        g_value_set_uint (to, i);
        return TRUE;
      }

  g_value_set_uint (to, 0);
  return TRUE;
}

static gboolean
index_to_language (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  guint i = g_value_get_uint (from);

  if (i >= G_N_ELEMENTS (languages))
    return FALSE;

  g_value_set_string (to, languages[i]);
  return TRUE;
}

static void
bind_settings (BbPreferencesWindow *self)
{
  const GBindingFlags flags = G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE;

  if (self->settings == NULL)
    return;

  g_object_bind_property (self->settings, "sender-name", self->name_row, "text", flags);
  g_object_bind_property (self->settings, "sender-company", self->company_row, "text", flags);
  g_object_bind_property (self->settings, "sender-address", self->address_row, "text", flags);
  g_object_bind_property (self->settings, "sender-signature",
                          gtk_text_view_get_buffer (self->signature_view), "text", flags);
  g_object_bind_property_full (self->settings, "draft-language", self->language_row, "selected", flags,
                               language_to_index, index_to_language, NULL, NULL);
  g_object_bind_property (self->settings, "retry-after-hours",
                          gtk_spin_button_get_adjustment (self->retry_spin), "value", flags);
}

BbDraftStore *
bb_preferences_window_get_draft_store (BbPreferencesWindow *self)
{
  g_return_val_if_fail (BB_IS_PREFERENCES_WINDOW (self), NULL);

  return self->store;
}

static void
bb_preferences_window_constructed (GObject *object)
{
  BbPreferencesWindow *self = BB_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (bb_preferences_window_parent_class)->constructed (object);

  if (self->store == NULL && self->settings != NULL)
    self->store = g_object_ref (bb_draft_panel_get_shared_store (self->settings));

  bind_settings (self);
  gtk_list_box_bind_model (self->templates_list, G_LIST_MODEL (self->store), template_row_new, self, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preferences.add-template", self->store != NULL);
}

static void
bb_preferences_window_dispose (GObject *object)
{
  BbPreferencesWindow *self = BB_PREFERENCES_WINDOW (object);

  if (self->save_source != 0)
    save_now (self);

  if (self->templates_list != NULL)
    gtk_list_box_bind_model (self->templates_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_PREFERENCES_WINDOW);

  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bb_preferences_window_parent_class)->dispose (object);
}

static void
bb_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  BbPreferencesWindow *self = BB_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_DRAFT_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  BbPreferencesWindow *self = BB_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_DRAFT_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_preferences_window_class_init (BbPreferencesWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bb_preferences_window_constructed;
  object_class->dispose = bb_preferences_window_dispose;
  object_class->get_property = bb_preferences_window_get_property;
  object_class->set_property = bb_preferences_window_set_property;

  properties[PROP_SETTINGS] =
      g_param_spec_object ("settings", NULL, NULL, BB_TYPE_SETTINGS,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DRAFT_STORE] =
      g_param_spec_object ("draft-store", NULL, NULL, BB_TYPE_DRAFT_STORE,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/bounceback/Bounceback/bb-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, retry_spin);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, company_row);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, address_row);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, signature_view);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, templates_list);

  gtk_widget_class_install_action (widget_class, "preferences.add-template", NULL, add_template_action);
}

static void
bb_preferences_window_init (BbPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * bb_preferences_window_new:
 * @settings: (nullable): the application's settings
 *
 * Returns: (transfer full): a new #BbPreferencesWindow; the caller sets
 *   its transient parent and presents it
 */
GtkWidget *
bb_preferences_window_new (BbSettings *settings)
{
  g_return_val_if_fail (settings == NULL || BB_IS_SETTINGS (settings), NULL);

  return g_object_new (BB_TYPE_PREFERENCES_WINDOW, "settings", settings, NULL);
}
