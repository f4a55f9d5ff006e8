/* test-gui-window.c - the main window, the loader and the settings, under Xvfb
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Without a display every test is skipped (TAP "1..0 # SKIP").  Drops are
 * simulated by emitting the window's GtkDropTarget "drop" signal (real
 * pointer-driven DnD cannot be simulated under Xvfb), pasting goes
 * through the same function as the clipboard.
 */

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bb-application.h"
#include "bb-core.h"
#include "bb-diagnosis-view-private.h"
#include "bb-draft-panel.h"
#include "bb-loader.h"
#include "bb-result-item.h"
#include "bb-settings.h"
#include "bb-window-private.h"
#include "bb-window.h"

#define TIMEOUT_S 60

#include "test-gui-util.h"

static char *
corpus_path (const char *first,
             ...)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (parts, (char *) g_test_get_dir (G_TEST_DIST));
  g_ptr_array_add (parts, "data");
  g_ptr_array_add (parts, "corpus");
  va_start (args, first);
  for (const char *p = first; p != NULL; p = va_arg (args, const char *))
    g_ptr_array_add (parts, (char *) p);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **) parts->pdata);
}

static gboolean
window_idle (gpointer data)
{
  return _bb_window_get_n_running (data) == 0;
}

static gboolean
window_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    {
      g_string_append (out, gtk_label_get_label (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

/* The text of the rows the list view has made */
static char *
list_text (BbWindow *window)
{
  GString *out = g_string_new (NULL);

  collect_labels (_bb_window_get_list_view (window), out);
  return g_string_free (out, FALSE);
}

typedef struct
{
  BbWindow   *window;
  const char *needle;
} ListWait;

static gboolean
list_shows (gpointer data)
{
  ListWait        *wait = data;
  g_autofree char *text = list_text (wait->window);

  return strstr (text, wait->needle) != NULL;
}

static void
assert_list_shows (BbWindow   *window,
                   const char *needle)
{
  ListWait wait = { window, needle };

  iterate_until (list_shows, &wait);
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
widget_visible (gpointer data)
{
  return gtk_widget_get_visible (data);
}

static gboolean
results_page (gpointer data)
{
  return g_strcmp0 (_bb_window_get_page (data), "results") == 0;
}

static gboolean
loading_page_or_done (gpointer data)
{
  return !_bb_window_get_loading (data) || g_strcmp0 (_bb_window_get_page (data), "loading") == 0;
}

static BbWindow *
new_window (int width,
            int height)
{
  g_autoptr (BbSettings) settings = bb_settings_new_for_settings (NULL);
  BbWindow *window;

  bb_settings_set_window_state (settings, width, height, FALSE);
  window = bb_window_new (NULL, settings);
  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  iterate_until (window_mapped, window);
  return window;
}

static void
destroy_window (BbWindow *window)
{
  iterate_until (window_idle, window);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate_for (50);
  g_assert_finalize_object (window);
}

static void
drop_value (BbWindow     *window,
            const GValue *value)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (_bb_window_get_drop_target (window), "drop", value, 10.0, 10.0, &handled);
  g_assert_true (handled);
}

static void
drop_files (BbWindow   *window,
            const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  GSList *files = g_slist_append (NULL, file);
  GValue  value = G_VALUE_INIT;

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  drop_value (window, &value);
  g_value_unset (&value);
  g_slist_free (files);
}

static void
test_empty (void)
{
  BbWindow *window = new_window (1000, 720);

  g_assert_cmpstr (_bb_window_get_page (window), ==, "empty");
  g_assert_false (_bb_window_get_loading (window));
  g_assert_cmpuint (g_list_model_get_n_items (_bb_window_get_results (window)), ==, 0);
  destroy_window (window);
}

static void
test_drop_file (void)
{
  BbWindow        *window = new_window (1000, 720);
  g_autofree char *path = corpus_path ("bounces", "lhost-postfix-31.eml", NULL);
  g_autoptr (BbResultItem) item = NULL;
  GdkDragAction action = 0;
  GtkWidget    *draft;

  /* Dragging over the window highlights it */
  g_signal_emit_by_name (_bb_window_get_drop_target (window), "enter", 10.0, 10.0, &action);
  g_assert_cmpint (action, ==, GDK_ACTION_COPY);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "drop-active"));
  g_signal_emit_by_name (_bb_window_get_drop_target (window), "leave");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "drop-active"));

  /* (however slow this machine: the progress page would come later) */
  _bb_window_set_loading_page_delay (window, 60 * 1000);
  drop_files (window, path);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "drop-active"));
  g_assert_true (_bb_window_get_loading (window));
  /* A load from the empty page shows no progress page at once (a quick
   * one would only flash it)... */
  g_assert_cmpstr (_bb_window_get_page (window), ==, "empty");
  iterate_until (results_page, window);
  /* ...and its results come at once, not faded in */
  g_assert_false (gtk_stack_get_transition_running (_bb_window_get_stack (window)));
  /* The first frame lays out the top of the diagnosis; the sections
   * below it (here the resend draft) follow once it is on screen. */
  draft = find_widget (_bb_window_get_diagnosis_view (window), BB_TYPE_DRAFT_PANEL);
  g_assert_nonnull (draft);
  g_assert_false (gtk_widget_get_visible (draft));
  iterate_until (widget_visible, draft);
  iterate_until (window_idle, window);

  g_assert_false (_bb_window_get_loading (window));
  g_assert_cmpstr (_bb_window_get_page (window), ==, "results");
  g_assert_cmpuint (g_list_model_get_n_items (_bb_window_get_results (window)), ==, 1);
  item = g_list_model_get_item (_bb_window_get_results (window), 0);
  g_assert_cmpint (bb_result_item_get_badge (item), ==, BB_RESULT_BADGE_HARD);
  assert_list_shows (window, "kijitora@gmail.com");
  assert_list_shows (window, "Hard bounce");
  g_assert_true (_bb_window_get_content_shown (window));

  destroy_window (window);
}

static void
test_paste_fragment (void)
{
  BbWindow *window = new_window (1000, 720);

  _bb_window_analyse_text (window, "550 5.1.1 <john@company.com>: Recipient address rejected: User unknown");
  iterate_until (window_idle, window);

  g_assert_cmpstr (_bb_window_get_page (window), ==, "results");
  g_assert_cmpuint (g_list_model_get_n_items (_bb_window_get_results (window)), >=, 1);
  assert_list_shows (window, "john@company.com");

  /* Nothing to analyse: the page stays, a toast says why */
  _bb_window_analyse_text (window, "  \n ");
  g_assert_false (_bb_window_get_loading (window));
  g_assert_cmpstr (_bb_window_get_page (window), ==, "results");

  destroy_window (window);
}

static void
test_drop_text (void)
{
  BbWindow *window = new_window (1000, 720);
  GValue    value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "550 5.1.1 <mary@example.org>: Recipient address rejected: User unknown");
  drop_value (window, &value);
  g_value_unset (&value);
  iterate_until (window_idle, window);

  g_assert_cmpstr (_bb_window_get_page (window), ==, "results");
  assert_list_shows (window, "mary@example.org");

  destroy_window (window);
}

static void
test_not_bounce (void)
{
  BbWindow        *window = new_window (1000, 720);
  g_autofree char *path = corpus_path ("not-bounces", "is-not-bounce-01.eml", NULL);
  g_autoptr (BbResultItem) item = NULL;

  drop_files (window, path);
  iterate_until (window_idle, window);

  g_assert_cmpstr (_bb_window_get_page (window), ==, "results");
  g_assert_cmpuint (g_list_model_get_n_items (_bb_window_get_results (window)), ==, 1);
  item = g_list_model_get_item (_bb_window_get_results (window), 0);
  g_assert_cmpint (bb_result_item_get_badge (item), ==, BB_RESULT_BADGE_NOT_BOUNCE);
  assert_list_shows (window, "Not a bounce");
  assert_list_shows (window, "This message is not a bounce");

  destroy_window (window);
}

static void
test_unreadable (void)
{
  BbWindow   *window = new_window (1000, 720);
  const char *paths[] = { "/nonexistent/bounceback/missing.eml", NULL };

  _bb_window_open_paths (window, paths);
  iterate_until (window_idle, window);

  g_assert_cmpstr (_bb_window_get_page (window), ==, "results");
  assert_list_shows (window, "missing.eml");
  assert_list_shows (window, "Unreadable");

  destroy_window (window);
}

static void
test_cancel (void)
{
  BbWindow        *window = new_window (1000, 720);
  g_autofree char *corpus = corpus_path (NULL, NULL);
  g_autofree char *path = corpus_path ("bounces", "lhost-postfix-31.eml", NULL);
  const char      *paths[] = { corpus, NULL };
  const char      *page;

  /* A load that lasts shows its progress page after a moment */
  _bb_window_set_loading_page_delay (window, 1);
  _bb_window_open_paths (window, paths);
  g_assert_true (_bb_window_get_loading (window));
  g_assert_cmpstr (_bb_window_get_page (window), ==, "empty");
  iterate_until (loading_page_or_done, window);
  g_assert_true (_bb_window_get_loading (window));
  g_assert_cmpstr (_bb_window_get_page (window), ==, "loading");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel", NULL));

  /* At once: no longer loading, on a page that makes sense */
  g_assert_false (_bb_window_get_loading (window));
  page = _bb_window_get_page (window);
  g_assert_true (g_strcmp0 (page, "empty") == 0 || g_strcmp0 (page, "results") == 0);
  iterate_until (window_idle, window);
  g_assert_cmpstr (_bb_window_get_page (window), ==, page);

  /* And the window still works */
  drop_files (window, path);
  iterate_until (window_idle, window);
  g_assert_cmpstr (_bb_window_get_page (window), ==, "results");
  g_assert_cmpuint (g_list_model_get_n_items (_bb_window_get_results (window)), ==, 1);

  /* A new load replaces a running one */
  _bb_window_open_paths (window, paths);
  drop_files (window, path);
  iterate_until (window_idle, window);
  g_assert_cmpuint (g_list_model_get_n_items (_bb_window_get_results (window)), ==, 1);

  destroy_window (window);
}

static void
test_samples (void)
{
  BbWindow *window = new_window (1000, 720);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.try-sample", NULL));
  iterate_until (window_idle, window);

  g_assert_cmpstr (_bb_window_get_page (window), ==, "results");
  g_assert_cmpuint (g_list_model_get_n_items (_bb_window_get_results (window)), >=, 3);

  destroy_window (window);
}

static gboolean
leaflet_folded (gpointer data)
{
  return adw_leaflet_get_folded (_bb_window_get_leaflet (data));
}

/* 360 px wide: the leaflet folds; one result goes straight to its
 * diagnosis, and back goes to the list. */
static void
test_narrow (void)
{
  BbWindow        *window = new_window (360, 640);
  g_autofree char *path = corpus_path ("bounces", "lhost-postfix-31.eml", NULL);

  drop_files (window, path);
  iterate_until (window_idle, window);
  /* folded is known once the results page has been allocated */
  iterate_until (leaflet_folded, window);

  g_assert_true (_bb_window_get_content_shown (window));
  adw_leaflet_navigate (_bb_window_get_leaflet (window), ADW_NAVIGATION_DIRECTION_BACK);
  g_assert_false (_bb_window_get_content_shown (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-content", NULL));
  g_assert_true (_bb_window_get_content_shown (window));

  destroy_window (window);
}

/* The focus when the results appear: the list, never a label (GTK
 * selects all of a focused selectable label's text), and the keyboard
 * still reaches the address's Copy button. */
static gboolean
stack_settled (gpointer data)
{
  return !gtk_stack_get_transition_running (_bb_window_get_stack (data));
}

static gboolean
diagnosis_mapped (gpointer data)
{
  return gtk_widget_get_mapped (_bb_window_get_diagnosis_view (data)) &&
         !adw_leaflet_get_folded (_bb_window_get_leaflet (data)) &&
         !gtk_stack_get_transition_running (_bb_window_get_stack (data));
}

/* Narrow: folded, on the diagnosis, its slide over (a loaded machine
 * folds the leaflet well before it has shown the diagnosis). */
static gboolean
narrow_settled (gpointer data)
{
  AdwLeaflet *leaflet = _bb_window_get_leaflet (data);

  return adw_leaflet_get_folded (leaflet) && !adw_leaflet_get_child_transition_running (leaflet) &&
         gtk_widget_get_mapped (_bb_window_get_diagnosis_view (data)) &&
         !gtk_stack_get_transition_running (_bb_window_get_stack (data));
}

/* The diagnosis is laid out whole: its recipient shown, and its last
 * sections (filled once the first frame is on screen) allocated.  Tab
 * orders widgets by where they are: one not laid out yet sits at the top
 * left, and a loaded machine is caught there by the test. */
static gboolean
diagnosis_laid_out (gpointer data)
{
  GtkWidget *view = data;
  GtkWidget *address = _bb_diagnosis_view_get_part (BB_DIAGNOSIS_VIEW (view), BB_DIAGNOSIS_PART_ADDRESS);
  GtkWidget *checks = _bb_diagnosis_view_get_part (BB_DIAGNOSIS_VIEW (view), BB_DIAGNOSIS_PART_CHECK_PANEL);

  return *gtk_label_get_text (GTK_LABEL (address)) != '\0' &&
         (!gtk_widget_get_visible (checks) || gtk_widget_get_width (checks) > 0);
}

static void
test_initial_focus (void)
{
  const int sizes[][2] = { { 1000, 720 }, { 360, 720 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      BbWindow        *window = new_window (sizes[i][0], sizes[i][1]);
      g_autofree char *path = corpus_path ("bounces", "lhost-postfix-31.eml", NULL);
      GtkWidget       *view = _bb_window_get_diagnosis_view (window);
      GtkWidget       *address = _bb_diagnosis_view_get_part (BB_DIAGNOSIS_VIEW (view), BB_DIAGNOSIS_PART_ADDRESS);
      GtkWidget       *focus;
      int              start = 0, end = 0;
      gboolean         wide = sizes[i][0] > 360;
      g_autoptr (GString) visited = g_string_new (NULL);

      g_test_message ("%d x %d", sizes[i][0], sizes[i][1]);
      drop_files (window, path);
      iterate_until (window_idle, window);
      /* (past the stack's 200 ms crossfade, which keeps the loading page
       * in the focus chain while it runs; wide, until the diagnosis is on
       * screen next to the list, which a loaded machine takes a while to
       * lay out) */
      iterate_for (400);
      iterate_until (stack_settled, window);
      if (wide)
        iterate_until (diagnosis_mapped, window);
      else
        iterate_until (narrow_settled, window);
      iterate_until (diagnosis_laid_out, view);

      /* Wide: the list.  Narrow, straight on the one diagnosis: nothing,
       * the back button once the leaflet folds, or the page switcher at
       * the bottom (it comes first in the focus chain there); never a
       * widget inside the diagnosis, which would scroll it */
      focus = gtk_root_get_focus (GTK_ROOT (window));
      for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
        g_test_message ("focus in %s", G_OBJECT_TYPE_NAME (w));
      if (wide)
        g_assert_true (focus != NULL && (focus == _bb_window_get_list_view (window) ||
                                         gtk_widget_is_ancestor (focus, _bb_window_get_list_view (window))));
      else
        g_assert_true (focus == NULL ||
                       (GTK_IS_BUTTON (focus) &&
                        g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (focus)), "go-previous-symbolic") == 0) ||
                       gtk_widget_get_ancestor (focus, ADW_TYPE_VIEW_SWITCHER) != NULL);
      g_assert_true (gtk_label_get_selectable (GTK_LABEL (address)));
      g_assert_false (gtk_widget_get_can_focus (address));
      g_assert_false (gtk_label_get_selection_bounds (GTK_LABEL (address), &start, &end));

      /* Tab from there reaches the address's Copy (wide: right after the
       * header bar's page switcher), never the address */
      g_string_truncate (visited, 0);
      for (guint tab = 0; tab < 40; tab++)
        {
          g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
          focus = gtk_root_get_focus (GTK_ROOT (window));
          g_assert_true (focus != address);
          if (GTK_IS_BUTTON (focus) &&
              g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)), "diagnosis.copy-address") == 0)
            break;
          g_test_message ("tab %u: %s (%s)", tab, G_OBJECT_TYPE_NAME (focus),
                          GTK_IS_BUTTON (focus) ? gtk_button_get_icon_name (GTK_BUTTON (focus)) : "");
          g_string_append_printf (visited, " %s(%s)", G_OBJECT_TYPE_NAME (focus),
                                  GTK_IS_BUTTON (focus) ? gtk_button_get_icon_name (GTK_BUTTON (focus)) : "");
          /* wide: only header bars (the page switcher) lie between, or
           * the list again after the focus went round the window (seen
           * at HEAD too on a loaded machine) */
          if (wide && gtk_widget_get_ancestor (focus, ADW_TYPE_HEADER_BAR) == NULL &&
              focus != _bb_window_get_list_view (window) &&
              !gtk_widget_is_ancestor (focus, _bb_window_get_list_view (window)))
            {
              GString *chain = g_string_new (NULL);

              for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
                g_string_append_printf (chain, " < %s", G_OBJECT_TYPE_NAME (w));
              g_error ("Tab reached %s (tab %u; before:%s)", chain->str, tab, visited->str);
            }
        }
      g_assert_true (GTK_IS_BUTTON (focus));
      g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)), ==, "diagnosis.copy-address");

      destroy_window (window);
    }
}

static void
read_text_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **text = user_data;
  g_autoptr (GError) error = NULL;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*text);
}

static char *
read_clipboard (GtkWidget *widget)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, read_text_cb, &text);
  while (text == NULL)
    g_main_context_iteration (NULL, TRUE);

  return text;
}

/* The window's own shortcut for @keyval with @modifiers, from its class
 * shortcuts (what a key press reaches once no focused widget took it) */
static GtkShortcut *
find_window_shortcut (BbWindow       *window,
                      guint           keyval,
                      GdkModifierType modifiers)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  g_autoptr (GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (keyval, modifiers);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return g_steal_pointer (&shortcut);
        }
    }

  return NULL;
}

/* Ctrl+Shift+C copies the resend draft from anywhere in the window, here
 * with the focus in the list of results */
static void
test_copy_draft_shortcut (void)
{
  BbWindow        *window = new_window (1000, 720);
  g_autofree char *path = corpus_path ("bounces", "lhost-postfix-31.eml", NULL);
  g_autoptr (GtkShortcut) shortcut = find_window_shortcut (window, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_autoptr (BbDraft) draft = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;
  GtkWidget       *view = _bb_window_get_diagnosis_view (window);
  GtkWidget       *panel = _bb_diagnosis_view_get_part (BB_DIAGNOSIS_VIEW (view), BB_DIAGNOSIS_PART_DRAFT_PANEL);
  GtkWidget       *focus;

  g_assert_nonnull (shortcut);
  g_assert_true (GTK_IS_NAMED_ACTION (gtk_shortcut_get_action (shortcut)));
  g_assert_cmpstr (gtk_named_action_get_action_name (GTK_NAMED_ACTION (gtk_shortcut_get_action (shortcut))), ==,
                   "win.copy-draft");

  /* Nothing to copy yet: the key does nothing */
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (window)), "before");
  g_assert_false (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                GTK_WIDGET (window), gtk_shortcut_get_arguments (shortcut)));
  text = read_clipboard (GTK_WIDGET (window));
  g_assert_cmpstr (text, ==, "before");
  g_clear_pointer (&text, g_free);

  drop_files (window, path);
  iterate_until (window_idle, window);
  iterate_for (50);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_false (gtk_widget_is_ancestor (focus, view));
  g_assert_true (bb_diagnosis_view_get_has_draft (BB_DIAGNOSIS_VIEW (view)));

  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                               GTK_WIDGET (window), gtk_shortcut_get_arguments (shortcut)));
  text = read_clipboard (GTK_WIDGET (window));
  draft = bb_draft_panel_dup_draft (BB_DRAFT_PANEL (panel));
  expected = bb_draft_to_text (draft);
  g_assert_cmpstr (text, ==, expected);
  g_assert_true (g_str_has_prefix (text, "Subject: "));
  g_assert_nonnull (strstr (text, "kijitora@gmail.com"));

  destroy_window (window);
}

/* Every window shortcut is in the shortcuts window (help-overlay.ui) */
static void
test_help_overlay (void)
{
  g_autoptr (GtkBuilder) builder =
      gtk_builder_new_from_resource ("/io/github/bounceback/Bounceback/help-overlay.ui");
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  g_autoptr (GString) accels = g_string_new (NULL);
  g_autoptr (GPtrArray) stack = g_ptr_array_new ();

  g_assert_nonnull (overlay);
  g_ptr_array_add (stack, overlay);
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
        {
          g_autofree char *accelerator = NULL;
          g_autofree char *title = NULL;

          g_object_get (widget, "accelerator", &accelerator, "title", &title, NULL);
          g_string_append_printf (accels, "%s=%s\n", accelerator, title);
        }
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }

  g_test_message ("%s", accels->str);
  g_assert_nonnull (strstr (accels->str, "<ctrl><shift>c=Copy the resend draft\n"));
  gtk_window_destroy (GTK_WINDOW (overlay));
}

/* ---- the loader ---- */

typedef struct
{
  guint      n_calls;
  GPtrArray *seen;
  gboolean   done;
  GPtrArray *result;
} LoadState;

static void
on_progress (guint      n_done,
             guint      n_total,
             GPtrArray *results,
             gpointer   user_data)
{
  LoadState *state = user_data;

  g_assert_false (state->done);
  state->n_calls++;
  if (n_total > 0)
    g_assert_cmpuint (n_done, <=, n_total);
  for (guint i = 0; i < results->len; i++)
    g_ptr_array_add (state->seen, g_object_ref (results->pdata[i]));
}

static void
on_loaded (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  LoadState *state = user_data;
  g_autoptr (GError) error = NULL;

  state->result = bb_loader_load_finish (BB_LOADER (object), result, &error);
  g_assert_no_error (error);
  state->done = TRUE;
}

static gboolean
load_done (gpointer data)
{
  return ((LoadState *) data)->done;
}

static void
test_loader_batches (void)
{
  g_autoptr (BbLoader) loader = bb_loader_new ();
  g_autofree char *corpus = corpus_path (NULL, NULL);
  const char      *paths[] = { corpus, NULL };
  g_autoptr (GPtrArray) sync = NULL;
  g_autoptr (GError) error = NULL;
  LoadState state = { 0 };

  state.seen = g_ptr_array_new_with_free_func (g_object_unref);
  bb_loader_load_async (loader, paths, NULL, on_progress, &state, NULL, on_loaded, &state);
  iterate_until (load_done, &state);

  sync = bb_loader_load (loader, paths, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (state.result);
  g_assert_cmpuint (state.result->len, ==, sync->len);
  g_assert_cmpuint (state.result->len, >, 300);
  /* Batches, not one main-loop call per message */
  g_assert_cmpuint (state.n_calls, <, state.result->len / 4);
  /* What arrived through progress is a prefix of the result, in order */
  g_assert_cmpuint (state.seen->len, <=, state.result->len);
  for (guint i = 0; i < state.seen->len; i++)
    g_assert_true (state.seen->pdata[i] == state.result->pdata[i]);
  for (guint i = 0; i < sync->len; i++)
    g_assert_cmpstr (bb_bounce_get_source (sync->pdata[i]), ==,
                     bb_bounce_get_source (state.result->pdata[i]));

  g_ptr_array_unref (state.seen);
  g_ptr_array_unref (state.result);
}

static void
test_loader_cancel (void)
{
  g_autoptr (BbLoader) loader = bb_loader_new ();
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *corpus = corpus_path (NULL, NULL);
  const char      *paths[] = { corpus, NULL };
  g_autoptr (GError) error = NULL;
  GPtrArray *result;

  g_cancellable_cancel (cancellable);
  result = bb_loader_load (loader, paths, cancellable, &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* ---- the settings ---- */

static guint n_notify;

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  n_notify++;
}

static void
test_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;
  g_autoptr (GSettings) gsettings = NULL;
  g_autoptr (BbSettings) settings = NULL;
  g_autofree char *name = NULL;
  BbSenderIdentity me;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_test_skip ("the settings schema is not compiled (GSETTINGS_SCHEMA_DIR)");
      return;
    }
  gsettings = g_settings_new_full (schema, NULL, NULL);
  settings = bb_settings_new_for_settings (gsettings);
  g_signal_connect (settings, "notify::sender-name", G_CALLBACK (count_notify), NULL);

  /* property → key, one notify; the same value again: none */
  n_notify = 0;
  bb_settings_set_sender_name (settings, "Li Wei");
  g_assert_cmpuint (n_notify, ==, 1);
  name = g_settings_get_string (gsettings, "sender-name");
  g_assert_cmpstr (name, ==, "Li Wei");
  g_object_set (settings, "sender-name", "Li Wei", NULL);
  g_assert_cmpuint (n_notify, ==, 1);

  /* key → property */
  g_settings_set_string (gsettings, "sender-name", "Wang Fang");
  g_assert_cmpstr (bb_settings_get_sender_name (settings), ==, "Wang Fang");
  g_assert_cmpuint (n_notify, ==, 2);

  /* draft language: only en and zh_CN */
  bb_settings_set_draft_language (settings, "zh_CN");
  g_assert_cmpstr (bb_settings_get_draft_language (settings), ==, "zh_CN");
  bb_settings_set_draft_language (settings, "fr");
  g_assert_cmpstr (bb_settings_get_draft_language (settings), ==, "en");

  /* window state, clamped to the smallest window */
  bb_settings_set_window_state (settings, 100, 100, TRUE);
  g_assert_cmpint (g_settings_get_int (gsettings, "window-width"), ==, 360);
  g_assert_cmpint (g_settings_get_int (gsettings, "window-height"), ==, 294);
  g_assert_true (g_settings_get_boolean (gsettings, "window-maximized"));

  bb_settings_get_identity (settings, &me);
  g_assert_cmpstr (me.name, ==, "Wang Fang");
  g_assert_null (me.company);
}

static void
test_window_saves_size (void)
{
  g_autoptr (BbSettings) settings = bb_settings_new_for_settings (NULL);
  BbWindow *window;

  bb_settings_set_window_state (settings, 800, 600, FALSE);
  window = g_object_ref (bb_window_new (NULL, settings));
  gtk_window_present (GTK_WINDOW (window));
  iterate_until (window_mapped, window);
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 500);
  gtk_window_close (GTK_WINDOW (window));
  iterate_for (50);
  g_assert_cmpint (bb_settings_get_window_width (settings), ==, 700);
  g_assert_cmpint (bb_settings_get_window_height (settings), ==, 500);
  g_assert_false (bb_settings_get_window_maximized (settings));
  g_assert_finalize_object (window);
}

/* ---- the application ---- */

static GtkWindow *
find_window (GtkApplication *application,
             GType           type)
{
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (g_type_is_a (G_OBJECT_TYPE (l->data), type))
      return l->data;
  return NULL;
}

static gboolean
no_windows (gpointer data)
{
  return gtk_application_get_windows (data) == NULL;
}

static gboolean
has_help_overlay (gpointer data)
{
  return gtk_application_window_get_help_overlay (data) != NULL;
}

static void
test_application (void)
{
  g_autoptr (BbApplication) application = bb_application_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path = corpus_path ("bounces", "lhost-postfix-31.eml", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  GtkWindow         *window;
  GtkWindow         *other;
  const char *const *accels;

  /* No session bus here: GApplication runs as a local instance */
  g_application_set_flags (G_APPLICATION (application),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (bb_application_get_settings (application));

  g_application_activate (G_APPLICATION (application));
  window = find_window (GTK_APPLICATION (application), BB_TYPE_WINDOW);
  g_assert_nonnull (window);
  iterate_until (window_mapped, window);

  /* `bounceback FILE` opens in the same window */
  g_application_open (G_APPLICATION (application), &file, 1, "");
  g_assert_true (find_window (GTK_APPLICATION (application), BB_TYPE_WINDOW) == window);
  iterate_until (window_idle, window);
  g_assert_cmpstr (_bb_window_get_page (BB_WINDOW (window)), ==, "results");
  /* ... and logs it, in the log that BOUNCEBACK_DB names */
  {
    BbStore *store = bb_window_get_store (BB_WINDOW (window));

    g_assert_nonnull (store);
    g_assert_cmpstr (bb_store_get_path (store), ==, g_getenv ("BOUNCEBACK_DB"));
    g_assert_cmpint (bb_store_count_entries (store, NULL, NULL), ==, 1);
  }

  /* Shortcuts: app accels, and the help overlay from the resources */
  accels = (const char *const *) gtk_application_get_accels_for_action (GTK_APPLICATION (application), "app.quit");
  g_assert_true (g_strv_contains (accels, "<Control>q"));
  g_strfreev ((char **) accels);
  accels = (const char *const *) gtk_application_get_accels_for_action (GTK_APPLICATION (application), "app.preferences");
  g_assert_true (g_strv_contains (accels, "<Control>comma"));
  g_strfreev ((char **) accels);
  /* (loaded when idle after the window's first frame) */
  iterate_until (has_help_overlay, window);
  accels = (const char *const *) gtk_application_get_accels_for_action (GTK_APPLICATION (application), "win.show-help-overlay");
  g_assert_true (g_strv_contains (accels, "<Control>question"));
  g_strfreev ((char **) accels);

  /* The app icons come with the resources: the empty page and About
   * show them also when the app is not installed */
  {
    GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (window)));
    g_autoptr (GtkIconPaintable) icon = NULL;
    g_autoptr (GFile) icon_file = NULL;
    g_autofree char *uri = NULL;

    g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID));
    g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID "-symbolic"));
    icon = gtk_icon_theme_lookup_icon (theme, APP_ID "-symbolic", NULL, 128, 1, GTK_TEXT_DIR_NONE, 0);
    icon_file = gtk_icon_paintable_get_file (icon);
    g_assert_nonnull (icon_file);
    uri = g_file_get_uri (icon_file);
    g_assert_true (g_str_has_prefix (uri, "resource:///io/github/bounceback/Bounceback/icons/"));
    g_assert_true (gtk_icon_paintable_is_symbolic (icon));
  }

  /* About and Preferences open as windows of their own */
  g_action_group_activate_action (G_ACTION_GROUP (application), "about", NULL);
  other = find_window (GTK_APPLICATION (application), ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (other);
  gtk_window_destroy (other);
  g_action_group_activate_action (G_ACTION_GROUP (application), "preferences", NULL);
  other = find_window (GTK_APPLICATION (application), ADW_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (other);
  gtk_window_destroy (other);
  iterate_for (50);

  /* Quit closes every window (each saves its size) */
  g_action_group_activate_action (G_ACTION_GROUP (application), "quit", NULL);
  iterate_until (no_windows, application);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  int              status;

  /* Hermetic: GTK, Mesa and the draft templates write under XDG dirs */
  home = g_dir_make_tmp ("bb-test-gui-XXXXXX", NULL);
  g_assert_nonnull (home);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  g_setenv ("XDG_CACHE_HOME", home, TRUE);
  /* and a bounce log of its own (BbApplication opens it) */
  {
    g_autofree char *db = g_build_filename (home, "log.db", NULL);

    g_setenv ("BOUNCEBACK_DB", db, TRUE);
  }

  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");
  if (!gtk_init_check ())
    {
      printf ("1..0 # SKIP no display\n");
      return 0;
    }
  g_test_init (&argc, &argv, NULL);
  adw_init ();
  bb_core_init ();

  g_test_add_func ("/bb/gui/window/empty", test_empty);
  g_test_add_func ("/bb/gui/window/drop-file", test_drop_file);
  g_test_add_func ("/bb/gui/window/paste-fragment", test_paste_fragment);
  g_test_add_func ("/bb/gui/window/drop-text", test_drop_text);
  g_test_add_func ("/bb/gui/window/not-bounce", test_not_bounce);
  g_test_add_func ("/bb/gui/window/unreadable", test_unreadable);
  g_test_add_func ("/bb/gui/window/cancel", test_cancel);
  g_test_add_func ("/bb/gui/window/samples", test_samples);
  g_test_add_func ("/bb/gui/window/narrow", test_narrow);
  g_test_add_func ("/bb/gui/window/saves-size", test_window_saves_size);
  g_test_add_func ("/bb/gui/window/initial-focus", test_initial_focus);
  g_test_add_func ("/bb/gui/window/copy-draft-shortcut", test_copy_draft_shortcut);
  g_test_add_func ("/bb/gui/window/help-overlay", test_help_overlay);
  g_test_add_func ("/bb/gui/application/actions", test_application);
  g_test_add_func ("/bb/gui/loader/batches", test_loader_batches);
  g_test_add_func ("/bb/gui/loader/cancel", test_loader_cancel);
  g_test_add_func ("/bb/gui/settings/bind", test_settings);

  status = g_test_run ();

  {
    g_autofree char *quoted = g_shell_quote (home);
    g_autofree char *rm = g_strdup_printf ("rm -rf %s", quoted);

    if (system (rm) != 0)
      g_printerr ("could not remove %s\n", home);
  }
  return status;
}
