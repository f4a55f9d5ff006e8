/* bb-window.c - the main window
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Top-level pages in an AdwViewStack: "diagnose", "history", "followup",
 * "insights" and "reference", switched by an AdwViewSwitcherTitle in each
 * header bar and, when that is too narrow, by the AdwViewSwitcherBar at
 * the bottom.  "diagnose" holds a GtkStack of three pages: "empty" (what
 * to do), "loading" (progress, cancellable) and "results" (a leaflet: the
 * list of results and the diagnosis of the selected one).  Bounces come in by drag and drop (files, folders or
 * text), through the file chooser, from the clipboard and from the
 * bundled samples; all of it is read by BbLoader on a worker thread.
 *
 * The first frame shows the empty page only; what the other pages need
 * first (the diagnosis view, a first layout of a diagnosis, the keyboard
 * shortcuts window) is done when idle after it (see prepare_cb).
 */

#include "config.h"

#include "bb-window-private.h"
#include "bb-window.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bb-core.h"
#include "bb-diagnosis-view.h"
#include "bb-followup-page.h"
#include "bb-history-page.h"
#include "bb-insights-page.h"
#include "bb-loader.h"
#include "bb-reference-page.h"
#include "bb-result-item.h"
#include "bb-result-row.h"

#define RESOURCE_PATH "/io/github/bounceback/Bounceback"
#define SAMPLES_PATH RESOURCE_PATH "/samples"
/* The bundled sample laid out once after the first frame (prepare_cb) */
#define WARM_UP_SAMPLE "lhost-gmail-01.eml"

struct _BbWindow
{
  AdwApplicationWindow parent_instance;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  AdwViewSwitcherBar   *switcher_bar;
  AdwViewSwitcherTitle *empty_switcher_title;
  AdwViewSwitcherTitle *loading_switcher_title;
  AdwViewSwitcherTitle *history_switcher_title;
  AdwViewSwitcherTitle *followup_switcher_title;
  AdwViewSwitcherTitle *insights_switcher_title;
  AdwViewSwitcherTitle *reference_switcher_title;
  AdwViewStackPage     *followup_stack_page;
  AdwBin               *history_bin;
  BbHistoryPage        *history_page; /* NULL until first shown */
  BbFollowupPage       *followup_page;
  AdwBin               *insights_bin;
  AdwBin               *reference_bin;
  GtkStack             *stack;
  AdwStatusPage        *empty_page;
  GtkSpinner           *spinner;
  GtkProgressBar       *progress_bar;
  GtkLabel             *progress_label;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar_box;
  GtkWidget            *content_box;
  AdwWindowTitle       *sidebar_title;
  AdwViewSwitcherTitle *content_title;
  GtkListView          *list_view;
  GtkBox               *diagnosis_box;
  GtkWidget            *drop_highlight;

  /* owned */
  BbSettings           *settings;
  BbStore              *store; /* the bounce log; NULL until open, or when it cannot be */
  BbLoader             *loader;
  GListStore           *results; /* BbResultItem */
  GtkSingleSelection   *selection;
  GCancellable         *cancellable; /* of the current load */
  GtkDropTarget        *drop_target;
  GtkFileChooserNative *chooser;
  char                 *log_error;     /* why the log could not be opened */
  GStrv                 pending_paths; /* opened while the log was being opened */
  char                 *open_address;  /* the result to select: a logged entry's */
  char                 *screenshot_path;
  char                 *screenshot_state;
  GPtrArray            *timing_files; /* GFile, opened after the first frame */

  /* borrowed */
  GtkWidget *diagnosis_view; /* in diagnosis_box; NULL until built */

  /* state */
  gboolean store_pending; /* the application is opening the log */
  guint    n_messages;    /* results (messages) of the current load shown */
  guint    n_running;     /* loads whose callback has not run yet */
  gboolean loading;
  guint    screenshot_source;
  guint    screenshot_tick;
  guint    screenshot_frames;
  guint    prepare_source;
  gboolean warmed_up;
  int      timing_stage; /* TimingStage */
  gboolean timing_quit;
  guint    timing_source;
  guint    loading_page_source; /* shows the progress page of a load that lasts */
  guint    loading_page_delay;  /* ms */
  guint    progress_done;       /* messages of the load analysed so far */
  guint    progress_total;      /* and in all (0: not known yet) */
  gboolean results_shown;       /* the load's results are on screen */
};

/* Developer option BOUNCEBACK_TIMING (bb-application.c): the next
 * milestone to print. */
typedef enum
{
  TIMING_OFF,
  TIMING_FIRST_FRAME,
  TIMING_WAIT, /* for the files to be opened */
  TIMING_DIAGNOSIS_SHOWN,
  TIMING_DONE,
} TimingStage;

G_DEFINE_FINAL_TYPE (BbWindow, bb_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_SETTINGS,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_LOG_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
toast (BbWindow   *self,
       const char *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
update_actions (BbWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel", self->loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-draft",
                                 self->diagnosis_view != NULL &&
                                     bb_diagnosis_view_get_has_draft (BB_DIAGNOSIS_VIEW (self->diagnosis_view)));
}

static void
update_sidebar_title (BbWindow *self)
{
  g_autofree char *subtitle = NULL;

  if (self->n_messages > 0)
    /* Translators: under "Results": how many emails were analysed */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u message", "%u messages",
                                             self->n_messages),
                                self->n_messages);
  adw_window_title_set_subtitle (self->sidebar_title, subtitle != NULL ? subtitle : "");
}

static void update_narrow (BbWindow *self);

/* The diagnosis view is the largest part of the window, and nothing shows
 * it before the first result: it is built when idle after the first frame
 * (prepare_cb) or when first needed, whichever comes first, so that the
 * first frame does not wait for it. */
static GtkWidget *
ensure_diagnosis_view (BbWindow *self)
{
  if (self->diagnosis_view != NULL)
    return self->diagnosis_view;

  self->diagnosis_view = GTK_WIDGET (bb_diagnosis_view_new (self->settings));
  gtk_widget_set_vexpand (self->diagnosis_view, TRUE);
  gtk_box_append (self->diagnosis_box, self->diagnosis_view);
  g_signal_connect_object (self->diagnosis_view, "notify::has-draft", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);
  update_actions (self);
  update_narrow (self);
  return self->diagnosis_view;
}

/* ---- the selected result ---- */

static void
show_selected (BbWindow *self)
{
  BbResultItem    *item = gtk_single_selection_get_selected_item (self->selection);
  g_autofree char *file = NULL;
  const char      *source;

  if (item == NULL)
    {
      if (self->diagnosis_view != NULL)
        bb_diagnosis_view_set_bounce (BB_DIAGNOSIS_VIEW (self->diagnosis_view), NULL, 0);
      adw_view_switcher_title_set_title (self->content_title, "");
      return;
    }
  bb_diagnosis_view_set_bounce (BB_DIAGNOSIS_VIEW (ensure_diagnosis_view (self)),
                                bb_result_item_get_bounce (item),
                                bb_result_item_get_recipient_index (item));
  /* The diagnosis names the address; the header says where it came from. */
  source = bb_bounce_get_source (bb_result_item_get_bounce (item));
  file = source != NULL ? g_path_get_basename (source) : g_strdup ("");
  adw_view_switcher_title_set_title (self->content_title, file);
}

static void
on_selected_item_changed_cb (BbWindow *self)
{
  show_selected (self);
}

static void
show_content (BbWindow *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
on_list_view_activate (GtkListView *list_view,
                       guint        position,
                       BbWindow    *self)
{
  gtk_single_selection_set_selected (self->selection, position);
  show_content (self);
}

static void
on_back_button_clicked (GtkButton *button,
                        BbWindow  *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* A click on a row opens its diagnosis when the leaflet is folded (the
 * list selects it; GtkListView only "activates" on a double click). */
static void
on_row_released_cb (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    gpointer         user_data)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  gtk_widget_activate_action (row, "win.show-content", NULL);
}

static void
show_content_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  show_content (BB_WINDOW (widget));
}

/* A folded window is a narrow one: the diagnosis sets the address in a
 * smaller size there (diagnosis.css), so that a usual address fits on
 * one line instead of breaking inside a word. */
static void
update_narrow (BbWindow *self)
{
  if (self->diagnosis_view == NULL)
    return;
  if (adw_leaflet_get_folded (self->leaflet))
    gtk_widget_add_css_class (self->diagnosis_view, "narrow");
  else
    gtk_widget_remove_css_class (self->diagnosis_view, "narrow");
}

/* ---- top-level pages ---- */

/* The header bar's switcher title on show, or NULL when the header bar
 * shown has none (the list of results in a folded window). */
static AdwViewSwitcherTitle *
get_shown_switcher_title (BbWindow *self)
{
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);
  const char *diagnose_page;

  if (g_strcmp0 (page, "history") == 0)
    return self->history_switcher_title;
  if (g_strcmp0 (page, "followup") == 0)
    return self->followup_switcher_title;
  if (g_strcmp0 (page, "insights") == 0)
    return self->insights_switcher_title;
  if (g_strcmp0 (page, "reference") == 0)
    return self->reference_switcher_title;
  diagnose_page = gtk_stack_get_visible_child_name (self->stack);
  if (g_strcmp0 (diagnose_page, "loading") == 0)
    return self->loading_switcher_title;
  if (g_strcmp0 (diagnose_page, "results") == 0)
    return _bb_window_get_content_shown (self) ? self->content_title : NULL;
  return self->empty_switcher_title;
}

/* libadwaita 1.2's adaptive pattern: the bar at the bottom is revealed
 * when the switcher title is too narrow and shows the page's title. */
static void
update_switcher_bar (BbWindow *self)
{
  AdwViewSwitcherTitle *title = get_shown_switcher_title (self);

  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    title == NULL || adw_view_switcher_title_get_title_visible (title));
}

/* Ctrl+Shift+C from anywhere in the window, not only from inside the
 * diagnosis: the draft of the selected result (also when a narrow window
 * shows the list). */
static void
copy_draft_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BbWindow *self = BB_WINDOW (widget);

  if (self->diagnosis_view != NULL)
    gtk_widget_activate_action (self->diagnosis_view, "diagnosis.copy-draft", NULL);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget  *row = bb_result_row_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_row_released_cb), NULL);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));
  gtk_list_item_set_child (list_item, row);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  bb_result_row_set_item (BB_RESULT_ROW (gtk_list_item_get_child (list_item)),
                          gtk_list_item_get_item (list_item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  bb_result_row_set_item (BB_RESULT_ROW (gtk_list_item_get_child (list_item)), NULL);
}

/* ---- loading ---- */

static void
set_progress (BbWindow *self,
              guint     n_done,
              guint     n_total)
{
  g_autofree char *text = NULL;

  self->progress_done = n_done;
  self->progress_total = n_total;
  /* (shown when the progress page is: see begin_loading()) */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "loading") != 0)
    return;
  if (n_total == 0)
    {
      gtk_label_set_label (self->progress_label, _ ("Looking for messages…"));
      gtk_progress_bar_pulse (self->progress_bar);
      return;
    }
  /* Translators: progress while analysing, e.g. "Reading 120 of 450
   * messages…"; the plural follows the second number */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Reading %u of %u message…",
                                       "Reading %u of %u messages…", n_total),
                          n_done, n_total);
  gtk_label_set_label (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, (double) n_done / n_total);
}

static void
append_results (BbWindow  *self,
                GPtrArray *bounces,
                guint      from)
{
  if (from >= bounces->len)
    return;
  bb_result_items_append (self->results, bounces, from);
  self->n_messages += bounces->len - from;
  update_sidebar_title (self);
}

/* Shows the results of the load (there are some). */
static void
show_results_page (BbWindow *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->results));

  self->results_shown = TRUE;
  g_clear_handle_id (&self->loading_page_source, g_source_remove);
  gtk_spinner_stop (self->spinner);
  /* From the empty page the results come at once, not faded in: the
   * diagnosis is what the user waits for, and a fade-in would hide it for
   * its first 200 ms. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0)
    gtk_stack_set_visible_child_full (self->stack, "results", GTK_STACK_TRANSITION_TYPE_NONE);
  else
    gtk_stack_set_visible_child_name (self->stack, "results");
  /* Folded (narrow window): one result goes straight to its diagnosis,
   * several show the list first. */
  adw_leaflet_set_visible_child (self->leaflet, n_items == 1 ? self->content_box : self->sidebar_box);

  /* The stack hands the focus to the first widget that takes it, which
   * depends on what happens to be shown (before the first allocation the
   * leaflet does not know it is folded).  The list of results is the
   * place to start from; a folded window showing the one diagnosis
   * starts with no focus, and Tab goes to its first control.  (When the
   * leaflet folds only later, it moves the focus from the list to the
   * back button.) */
  if (n_items > 1 || !adw_leaflet_get_folded (self->leaflet))
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
  else
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
}

static void
on_load_progress (guint      n_done,
                  guint      n_total,
                  GPtrArray *results,
                  gpointer   user_data)
{
  BbWindow *self = user_data;

  append_results (self, results, 0);
  set_progress (self, n_done, n_total);
  /* Every message analysed: the results show now, while the load ends
   * by writing them to the log. */
  if (n_total > 0 && n_done >= n_total && self->n_messages > 0 && !self->results_shown)
    show_results_page (self);
}

/* The load is over (finished or stopped): show what there is. */
static void
end_loading (BbWindow *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->results));

  self->loading = FALSE;
  g_clear_handle_id (&self->loading_page_source, g_source_remove);
  gtk_spinner_stop (self->spinner);
  update_actions (self);

  if (n_items == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  if (!self->results_shown)
    show_results_page (self);
}

/* A logged entry was opened: select its recipient among the results. */
static void
select_open_address (BbWindow *self)
{
  g_autofree char *address = g_steal_pointer (&self->open_address);
  guint            n_items = g_list_model_get_n_items (G_LIST_MODEL (self->results));

  if (address == NULL)
    return;
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (BbResultItem) item = g_list_model_get_item (G_LIST_MODEL (self->results), i);
      BbRecipient *recipient = bb_result_item_get_recipient (item);

      if (recipient != NULL && g_ascii_strcasecmp (bb_recipient_get_address (recipient), address) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          show_content (self);
          return;
        }
    }
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (BbWindow) self = user_data;
  g_autoptr (GPtrArray) bounces = NULL;
  g_autoptr (GError) error = NULL;
  gboolean current;

  g_assert (self->n_running > 0);
  self->n_running--;

  /* A load that was replaced or stopped changes nothing any more. */
  current = g_task_get_cancellable (G_TASK (result)) == self->cancellable && self->loading;
  bounces = bb_loader_load_finish (BB_LOADER (object), result, &error);
  if (!current)
    return;
  if (bounces == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      end_loading (self);
      return;
    }

  append_results (self, bounces, self->n_messages);
  end_loading (self);
  if (bounces->len == 0)
    toast (self, _ ("No messages were found there"));
  select_open_address (self);
  /* What was analysed is in the log now */
  if (self->store != NULL)
    bb_window_log_changed (self);
}

static void
show_loading_page (BbWindow *self)
{
  update_actions (self); /* "win.cancel" (Escape, the page's Stop button) */
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  set_progress (self, self->progress_done, self->progress_total);
}

static gboolean
show_loading_page_cb (gpointer user_data)
{
  BbWindow *self = user_data;

  self->loading_page_source = 0;
  if (self->loading)
    show_loading_page (self);
  return G_SOURCE_REMOVE;
}

static void
begin_loading (BbWindow *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_list_store_remove_all (self->results);
  self->n_messages = 0;
  update_sidebar_title (self);

  self->loading = TRUE;
  self->results_shown = FALSE;
  self->n_running++;
  self->progress_done = self->progress_total = 0;
  /* From the empty page, a load that ends at once (one bounce: tens of
   * milliseconds) goes straight to its results, without a flash of the
   * progress page and the two crossfades that cost; a longer one shows
   * its progress after a moment.  Results being replaced go at once.
   * Until the progress page shows, nothing changes on screen, not even
   * whether the load can be stopped: each change would start a frame, and
   * the results' frame would then wait for the next one (up to 17 ms). */
  g_clear_handle_id (&self->loading_page_source, g_source_remove);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0 && self->loading_page_delay > 0)
    self->loading_page_source = g_timeout_add (self->loading_page_delay, show_loading_page_cb, self);
  else
    show_loading_page (self);
}

void
_bb_window_open_paths (BbWindow          *self,
                       const char *const *paths)
{
  g_return_if_fail (BB_IS_WINDOW (self));
  g_return_if_fail (paths != NULL && paths[0] != NULL);

  /* Files given on the command line arrive before the log is open: they
   * wait for it (a few milliseconds), so that they are logged too. */
  if (self->store_pending)
    {
      g_strfreev (self->pending_paths);
      self->pending_paths = g_strdupv ((char **) paths);
      self->progress_done = self->progress_total = 0;
      show_loading_page (self);
      return;
    }

  begin_loading (self);
  bb_loader_load_async (self->loader, paths, self->cancellable,
                        on_load_progress, self, NULL,
                        load_cb, g_object_ref (self));
}

static void
load_data (BbWindow          *self,
           GBytes *const     *data,
           const char *const *labels,
           gboolean           is_text)
{
  begin_loading (self);
  bb_loader_load_data_async (self->loader, data, labels, is_text, self->cancellable,
                             on_load_progress, self, NULL,
                             load_cb, g_object_ref (self));
}

/**
 * _bb_window_analyse_text:
 * @text: text the user pasted or dropped: a whole message or a fragment
 *
 * The clipboard's path into the analysis (tests call it directly).
 */
void
_bb_window_analyse_text (BbWindow   *self,
                         const char *text)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *stripped = NULL;
  GBytes          *data[2] = { NULL, NULL };
  const char      *labels[2] = { NULL, NULL };

  g_return_if_fail (BB_IS_WINDOW (self));

  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (stripped[0] == '\0')
    {
      toast (self, _ ("The clipboard holds no text"));
      return;
    }
  bytes = g_bytes_new (text, strlen (text));
  data[0] = bytes;
  /* Translators: the name of a result that came from the clipboard */
  labels[0] = _ ("Pasted text");
  load_data (self, data, labels, TRUE);
}

static void
open_file_list (BbWindow *self,
                GSList   *files)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) paths = NULL;
  guint n_remote = 0;

  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *path = g_file_get_path (l->data);

      if (path != NULL)
        g_strv_builder_add (builder, path);
      else
        n_remote++;
    }
  paths = g_strv_builder_end (builder);
  if (paths[0] == NULL)
    {
      if (n_remote > 0)
        toast (self, _ ("Only files on this computer can be read"));
      return;
    }
  _bb_window_open_paths (self, (const char *const *) paths);
}

/**
 * bb_window_open_files:
 * @files: (array length=n_files): files and folders to analyse
 *
 * What "Open With Bounceback" and `bounceback FILE…` do.
 */
void
bb_window_open_files (BbWindow *self,
                      GFile   **files,
                      guint     n_files)
{
  GSList *list = NULL;

  g_return_if_fail (BB_IS_WINDOW (self));
  g_return_if_fail (files != NULL || n_files == 0);

  for (guint i = n_files; i > 0; i--)
    list = g_slist_prepend (list, files[i - 1]);
  open_file_list (self, list);
  g_slist_free (list);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BbWindow *self = BB_WINDOW (widget);
  guint     n_shown = self->n_messages;

  if (!self->loading)
    return;
  g_cancellable_cancel (self->cancellable);
  end_loading (self);
  if (n_shown > 0)
    {
      g_autofree char *text =
          /* Translators: a notice after the user stopped the analysis */
          g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Stopped: %u message was analysed",
                                        "Stopped: %u messages were analysed", n_shown),
                           n_shown);
      toast (self, text);
    }
}

/* ---- samples ---- */

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

static void
try_sample_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BbWindow *self = BB_WINDOW (widget);
  g_auto (GStrv) names = NULL;
  g_autoptr (GPtrArray) data = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr (GStrvBuilder) labels = g_strv_builder_new ();
  g_auto (GStrv) label_strv = NULL;
  g_autoptr (GError) error = NULL;

  names = g_resources_enumerate_children (SAMPLES_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (names == NULL)
    {
      g_warning ("No sample bounces: %s", error->message);
      return;
    }
  g_qsort_with_data (names, g_strv_length (names), sizeof (char *), compare_names, NULL);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_path ("/", SAMPLES_PATH, names[i], NULL);
      GBytes          *bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

      if (bytes == NULL || !g_str_has_suffix (names[i], ".eml"))
        {
          g_clear_pointer (&bytes, g_bytes_unref);
          continue;
        }
      g_ptr_array_add (data, bytes);
      g_strv_builder_add (labels, names[i]);
    }
  g_ptr_array_add (data, NULL);
  label_strv = g_strv_builder_end (labels);
  load_data (self, (GBytes *const *) data->pdata, (const char *const *) label_strv, FALSE);
}

/* ---- opening files ---- */

static void
on_chooser_response_cb (GtkNativeDialog *dialog,
                        int              response,
                        BbWindow        *self)
{
  g_autoptr (GListModel) files = NULL;
  g_autoptr (GFile) first = NULL;
  g_autoptr (GFile) parent = NULL;
  GSList *list = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->chooser);
  if (files == NULL || g_list_model_get_n_items (files) == 0)
    return;

  /* Next time, start where these were. */
  first = g_list_model_get_item (files, 0);
  parent = g_file_get_parent (first);
  if (parent != NULL)
    {
      g_autofree char *folder = g_file_get_path (parent);

      if (folder != NULL)
        bb_settings_set_last_folder (self->settings, folder);
    }

  for (guint i = g_list_model_get_n_items (files); i > 0; i--)
    list = g_slist_prepend (list, g_list_model_get_item (files, i - 1));
  open_file_list (self, list);
  g_slist_free_full (list, g_object_unref);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BbWindow       *self = BB_WINDOW (widget);
  gboolean        folder = g_strcmp0 (action_name, "win.open-folder") == 0;
  GtkFileChooser *chooser;
  const char     *last = bb_settings_get_last_folder (self->settings);

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  self->chooser = gtk_file_chooser_native_new (folder ? _ ("Open Folders of Bounce Emails")
                                                      : _ ("Open Bounce Emails"),
                                               GTK_WINDOW (self),
                                               folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                                      : GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _ ("_Open"), _ ("_Cancel"));
  chooser = GTK_FILE_CHOOSER (self->chooser);
  gtk_file_chooser_set_select_multiple (chooser, TRUE);
  if (!folder)
    {
      g_autoptr (GtkFileFilter) mail = gtk_file_filter_new ();
      g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

      /* Translators: a file type in the Open dialog */
      gtk_file_filter_set_name (mail, _ ("Emails (.eml, .mbox, .txt)"));
      gtk_file_filter_add_suffix (mail, "eml");
      gtk_file_filter_add_suffix (mail, "mbox");
      gtk_file_filter_add_suffix (mail, "txt");
      gtk_file_filter_add_mime_type (mail, "message/rfc822");
      gtk_file_filter_add_mime_type (mail, "application/mbox");
      /* Translators: a file type in the Open dialog */
      gtk_file_filter_set_name (all, _ ("All Files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (chooser, mail);
      gtk_file_chooser_add_filter (chooser, all);
      gtk_file_chooser_set_filter (chooser, mail);
    }
  if (last != NULL && last[0] != '\0' && g_file_test (last, G_FILE_TEST_IS_DIR))
    {
      g_autoptr (GFile) dir = g_file_new_for_path (last);

      gtk_file_chooser_set_current_folder (chooser, dir, NULL);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ---- the clipboard ---- */

static void
on_clipboard_text_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr (BbWindow) self = user_data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);

  if (text == NULL)
    {
      toast (self, _ ("The clipboard holds no text"));
      return;
    }
  _bb_window_analyse_text (self, text);
}

static void
on_clipboard_files_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr (BbWindow) self = user_data;
  const GValue *value = gdk_clipboard_read_value_finish (GDK_CLIPBOARD (object), result, NULL);
  g_autoptr (GSList) files = NULL;

  if (value == NULL || !G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      toast (self, _ ("The clipboard holds no text"));
      return;
    }
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  open_file_list (self, files);
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BbWindow          *self = BB_WINDOW (widget);
  GdkClipboard      *clipboard = gtk_widget_get_clipboard (widget);
  GdkContentFormats *formats = gdk_clipboard_get_formats (clipboard);

  /* Files copied in the file manager: read them. */
  if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_FILE_LIST))
    gdk_clipboard_read_value_async (clipboard, GDK_TYPE_FILE_LIST, G_PRIORITY_DEFAULT, NULL,
                                    on_clipboard_files_cb, g_object_ref (self));
  else
    gdk_clipboard_read_text_async (clipboard, NULL, on_clipboard_text_cb, g_object_ref (self));
}

/* ---- drag and drop ---- */

static void
set_drop_highlight (BbWindow *self,
                    gboolean  shown)
{
  gtk_widget_set_visible (self->drop_highlight, shown);
  if (shown)
    gtk_widget_add_css_class (GTK_WIDGET (self), "drop-active");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-active");
}

static GdkDragAction
on_drop_enter_cb (GtkDropTarget *target,
                  double         x,
                  double         y,
                  BbWindow      *self)
{
  set_drop_highlight (self, TRUE);
  return GDK_ACTION_COPY;
}

static void
on_drop_leave_cb (GtkDropTarget *target,
                  BbWindow      *self)
{
  set_drop_highlight (self, FALSE);
}

/* Text made only of file:// URIs (some programs drag files that way) is
 * a list of files. */
static gboolean
open_uri_list (BbWindow   *self,
               const char *text)
{
  g_auto (GStrv) uris = g_uri_list_extract_uris (text);
  GSList *files = NULL;

  if (uris == NULL || uris[0] == NULL)
    return FALSE;
  for (guint i = 0; uris[i] != NULL; i++)
    if (!g_str_has_prefix (uris[i], "file://"))
      return FALSE;
  for (guint i = g_strv_length (uris); i > 0; i--)
    files = g_slist_prepend (files, g_file_new_for_uri (uris[i - 1]));
  open_file_list (self, files);
  g_slist_free_full (files, g_object_unref);
  return TRUE;
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            BbWindow      *self)
{
  set_drop_highlight (self, FALSE);

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      g_autoptr (GSList) files = gdk_file_list_get_files (g_value_get_boxed (value));

      if (files == NULL)
        return FALSE;
      open_file_list (self, files);
      return TRUE;
    }
  if (G_VALUE_HOLDS_STRING (value))
    {
      const char *text = g_value_get_string (value);

      if (text == NULL || text[0] == '\0')
        return FALSE;
      if (!open_uri_list (self, text))
        _bb_window_analyse_text (self, text);
      return TRUE;
    }
  return FALSE;
}

/* ---- after the first frame ---- */

/* Idle, once the first frame is on screen, one step per call so that none
 * holds the main loop long: build the diagnosis view; lay out a bundled
 * sample in it once, so that the first real diagnosis finds the fonts,
 * glyph shapes, CSS and the core's indices ready (it then shows about
 * twice as fast: tests/bench/bench-gui.sh); load the keyboard shortcuts
 * window, which GtkApplication would otherwise build with every window
 * (see bb-application.c). */
static gboolean
prepare_cb (gpointer user_data)
{
  BbWindow *self = user_data;

  if (self->diagnosis_view == NULL)
    {
      ensure_diagnosis_view (self);
      return G_SOURCE_CONTINUE;
    }
  if (!self->warmed_up)
    {
      g_autoptr (GBytes) sample = NULL;
      g_autoptr (BbBounce) bounce = NULL;
      int sidebar_width = 0;

      self->warmed_up = TRUE;
      /* Not while results are shown or on their way. */
      if (self->loading || g_list_model_get_n_items (G_LIST_MODEL (self->results)) > 0)
        return G_SOURCE_CONTINUE;
      sample = g_resources_lookup_data (SAMPLES_PATH "/" WARM_UP_SAMPLE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      if (sample == NULL)
        return G_SOURCE_CONTINUE;
      /* One small message: about a millisecond, on this thread. */
      bounce = bb_analyze_bytes (sample, WARM_UP_SAMPLE);
      gtk_widget_get_size_request (self->sidebar_box, &sidebar_width, NULL);
      bb_diagnosis_view_warm_up (BB_DIAGNOSIS_VIEW (self->diagnosis_view), bounce,
                                 MAX (gtk_widget_get_width (GTK_WIDGET (self)) - sidebar_width, sidebar_width));
      return G_SOURCE_CONTINUE;
    }
  self->prepare_source = 0;
  if (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self)) == NULL)
    {
      g_autoptr (GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PATH "/help-overlay.ui");
      GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

      if (GTK_IS_SHORTCUTS_WINDOW (overlay))
        gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self), GTK_SHORTCUTS_WINDOW (overlay));
    }
  return G_SOURCE_REMOVE;
}

static void
on_first_after_paint_cb (GdkFrameClock *clock,
                         BbWindow      *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_after_paint_cb, self);
  if (self->prepare_source == 0)
    self->prepare_source = g_idle_add_full (G_PRIORITY_LOW, prepare_cb, self, NULL);
}

/* ---- the pages over the log ---- */

static void
on_open_entry_cb (GtkWidget *page,
                  BbEntry   *entry,
                  BbWindow  *self)
{
  g_autoptr (GBytes) raw = NULL;
  g_autoptr (GError) error = NULL;
  GBytes     *data[2] = { NULL, NULL };
  const char *labels[2] = { NULL, NULL };

  if (self->store == NULL)
    return;
  if (!bb_entry_get_has_message (entry))
    {
      /* Translators: a logged bounce that came from a CSV file has no
       * message to analyse again */
      toast (self, _ ("This bounce was imported from a file without its message: there is nothing to show"));
      return;
    }
  raw = bb_store_dup_message (self->store, bb_entry_get_id (entry), &error);
  if (raw == NULL)
    {
      toast (self, error->message);
      return;
    }
  data[0] = raw;
  labels[0] = bb_entry_get_source (entry) != NULL ? bb_entry_get_source (entry) : bb_entry_get_address (entry);
  adw_view_stack_set_visible_child_name (self->view_stack, "diagnose");
  load_data (self, data, labels, FALSE);
  /* (after load_data, which forgets the previous one) */
  g_free (self->open_address);
  self->open_address = g_strdup (bb_entry_get_address (entry));
}

static void
on_page_log_changed_cb (BbWindow *self)
{
  bb_window_log_changed (self);
}

static void
on_log_changed_cb (BbWindow *self)
{
  if (self->history_page != NULL)
    bb_history_page_reload (self->history_page);
  bb_followup_page_reload (self->followup_page);
}

/* ---- the window ---- */

static void
bb_window_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (bb_window_parent_class)->realize (widget);

  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (on_first_after_paint_cb), widget, 0);
}

static gboolean
bb_window_close_request (GtkWindow *window)
{
  BbWindow *self = BB_WINDOW (window);
  int       width = 0, height = 0;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  /* The default size follows the window while it is not maximised. */
  gtk_window_get_default_size (window, &width, &height);
  if (self->screenshot_path == NULL)
    bb_settings_set_window_state (self->settings, width, height,
                                  gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (bb_window_parent_class)->close_request (window);
}

/* History, Insights and Reference are made the first time they are shown
 * (or asked for): building them cost the first frame of the window about
 * 33 ms (tests/bench/bench-gui.sh), and many sessions never open them. */
static BbHistoryPage *
ensure_history_page (BbWindow *self)
{
  if (self->history_page != NULL)
    return self->history_page;
  self->history_page = bb_history_page_new ();
  adw_bin_set_child (self->history_bin, GTK_WIDGET (self->history_page));
  g_object_bind_property (self, "store", self->history_page, "store", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->history_page, "open-entry", G_CALLBACK (on_open_entry_cb), self, 0);
  g_signal_connect_object (self->history_page, "log-changed", G_CALLBACK (on_page_log_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return self->history_page;
}

static void
ensure_insights_page (BbWindow *self)
{
  BbInsightsPage *page;

  if (adw_bin_get_child (self->insights_bin) != NULL)
    return;
  page = BB_INSIGHTS_PAGE (bb_insights_page_new (NULL));
  bb_insights_page_set_settings (page, self->settings);
  adw_bin_set_child (self->insights_bin, GTK_WIDGET (page));
  /* (the page reads the log again each time it is shown, and when it
   * changes while shown) */
  g_object_bind_property (self, "store", page, "store", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self, "log-changed", G_CALLBACK (bb_insights_page_refresh), page, G_CONNECT_SWAPPED);
}

static void
ensure_reference_page (BbWindow *self)
{
  if (adw_bin_get_child (self->reference_bin) == NULL)
    adw_bin_set_child (self->reference_bin, GTK_WIDGET (bb_reference_page_new ()));
}

/* The first time a top-level page is shown, its content is made or joins
 * the layout (see bb_window_constructed()). */
static void
reveal_page_content (BbWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (name, "history") == 0)
    ensure_history_page (self);
  else if (g_strcmp0 (name, "followup") == 0)
    gtk_widget_set_visible (GTK_WIDGET (self->followup_page), TRUE);
  else if (g_strcmp0 (name, "insights") == 0)
    ensure_insights_page (self);
  else if (g_strcmp0 (name, "reference") == 0)
    ensure_reference_page (self);
}

static void
bb_window_constructed (GObject *object)
{
  BbWindow *self = BB_WINDOW (object);

  G_OBJECT_CLASS (bb_window_parent_class)->constructed (object);

  if (self->settings == NULL)
    self->settings = bb_settings_new ();

  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (update_narrow), self, G_CONNECT_SWAPPED);

  /* The Follow-up page is made with the window: its badge counts what is
   * due.  (History, Insights and Reference come when first shown.) */
  g_object_bind_property (self, "store", self->followup_page, "store", G_BINDING_SYNC_CREATE);
  bb_followup_page_set_settings (self->followup_page, self->settings);
  g_object_bind_property (self->followup_page, "n-due", self->followup_stack_page, "badge-number",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->followup_page, "open-entry", G_CALLBACK (on_open_entry_cb), self, 0);
  g_signal_connect_object (self->followup_page, "log-changed", G_CALLBACK (on_page_log_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "log-changed", G_CALLBACK (on_log_changed_cb), NULL);
  {
    AdwViewSwitcherTitle *titles[] = {
      self->empty_switcher_title,
      self->loading_switcher_title,
      self->content_title,
      self->history_switcher_title,
      self->followup_switcher_title,
      self->insights_switcher_title,
      self->reference_switcher_title,
    };

    for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
      g_signal_connect_object (titles[i], "notify::title-visible", G_CALLBACK (update_switcher_bar), self,
                               G_CONNECT_SWAPPED);
  }
  g_signal_connect_object (self->view_stack, "notify::visible-child", G_CALLBACK (update_switcher_bar), self,
                           G_CONNECT_SWAPPED);
  /* The pages the user has not opened yet stay out of the layout: the
   * stack measures every visible page, and at start-up that cost the first
   * frame about 200 ms (tests/bench/bench-gui.sh).  Each page shows its
   * content when it is first opened. */
  gtk_widget_set_visible (GTK_WIDGET (self->followup_page), FALSE);
  g_signal_connect_object (self->view_stack, "notify::visible-child", G_CALLBACK (reveal_page_content), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (update_switcher_bar), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (update_switcher_bar), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::visible-child", G_CALLBACK (update_switcher_bar), self,
                           G_CONNECT_SWAPPED);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               bb_settings_get_window_width (self->settings),
                               bb_settings_get_window_height (self->settings));
  if (bb_settings_get_window_maximized (self->settings))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
bb_window_dispose (GObject *object)
{
  BbWindow *self = BB_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->screenshot_source, g_source_remove);
  g_clear_handle_id (&self->prepare_source, g_source_remove);
  g_clear_handle_id (&self->timing_source, g_source_remove);
  g_clear_handle_id (&self->loading_page_source, g_source_remove);
  g_clear_pointer (&self->timing_files, g_ptr_array_unref);
  if (self->screenshot_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->screenshot_tick);
      self->screenshot_tick = 0;
    }
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_WINDOW);

  g_clear_object (&self->selection);
  g_clear_object (&self->results);
  g_clear_object (&self->loader);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->drop_target);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bb_window_parent_class)->dispose (object);
}

static void
bb_window_finalize (GObject *object)
{
  BbWindow *self = BB_WINDOW (object);

  g_free (self->log_error);
  g_strfreev (self->pending_paths);
  g_free (self->open_address);
  g_free (self->screenshot_path);
  g_free (self->screenshot_state);

  G_OBJECT_CLASS (bb_window_parent_class)->finalize (object);
}

static void
bb_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  BbWindow *self = BB_WINDOW (object);

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
bb_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  BbWindow *self = BB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_STORE:
      bb_window_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void show_log_error_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter);

static void
bb_window_class_init (BbWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = bb_window_constructed;
  object_class->dispose = bb_window_dispose;
  object_class->finalize = bb_window_finalize;
  object_class->get_property = bb_window_get_property;
  object_class->set_property = bb_window_set_property;
  widget_class->realize = bb_window_realize;
  window_class->close_request = bb_window_close_request;

  properties[PROP_SETTINGS] =
      g_param_spec_object ("settings", NULL, NULL, BB_TYPE_SETTINGS,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The bounce log, once the application has opened it (NULL before, and
   * when it could not be opened): the pages read it, and every bounce
   * analysed in the window is logged to it. */
  properties[PROP_STORE] =
      g_param_spec_object ("store", NULL, NULL, BB_TYPE_STORE,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BbWindow::log-changed:
   *
   * Emitted after the window changed the bounce log (bounces analysed and
   * logged, states changed, entries deleted …): pages showing the log
   * read it again.
   */
  signals[SIGNAL_LOG_CHANGED] =
      g_signal_new ("log-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                    G_TYPE_NONE, 0);

  g_type_ensure (BB_TYPE_RESULT_ROW);
  g_type_ensure (BB_TYPE_DIAGNOSIS_VIEW);
  g_type_ensure (BB_TYPE_FOLLOWUP_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/bb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BbWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, empty_switcher_title);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, loading_switcher_title);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, history_switcher_title);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, followup_switcher_title);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, insights_switcher_title);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, reference_switcher_title);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, followup_stack_page);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, history_bin);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, followup_page);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, insights_bin);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, reference_bin);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, diagnosis_box);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, drop_highlight);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_back_button_clicked);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-folder", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "win.try-sample", NULL, try_sample_action);
  gtk_widget_class_install_action (widget_class, "win.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "win.show-content", NULL, show_content_action);
  gtk_widget_class_install_action (widget_class, "win.copy-draft", NULL, copy_draft_action);
  gtk_widget_class_install_action (widget_class, "win.show-log-error", NULL, show_log_error_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.open-folder", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.copy-draft", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
bb_window_init (BbWindow *self)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkEventController *shortcuts;
  GType               types[] = { GDK_TYPE_FILE_LIST, G_TYPE_STRING };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->loading_page_delay = 250;

  self->loader = bb_loader_new ();
  self->results = g_list_store_new (BB_TYPE_RESULT_ITEM);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->results)));
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (on_selected_item_changed_cb), self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  /* Ctrl+V in the bubble phase: a text field with the focus pastes into
   * itself first; anywhere else the window analyses the clipboard. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_BUBBLE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_v, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("win.paste")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  /* Files first: the order decides what a file drag is turned into. */
  self->drop_target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (self->drop_target, types, G_N_ELEMENTS (types));
  g_signal_connect (self->drop_target, "enter", G_CALLBACK (on_drop_enter_cb), self);
  g_signal_connect (self->drop_target, "leave", G_CALLBACK (on_drop_leave_cb), self);
  g_signal_connect (self->drop_target, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (g_object_ref (self->drop_target)));

  update_actions (self);
}

/**
 * bb_window_new:
 * @application: (nullable): the application
 * @settings: (nullable): the settings; %NULL for those of the schema
 *
 * Returns: (transfer none): a new window
 */
BbWindow *
bb_window_new (GtkApplication *application,
               BbSettings     *settings)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (settings == NULL || BB_IS_SETTINGS (settings), NULL);

  return g_object_new (BB_TYPE_WINDOW,
                       "application", application,
                       "settings", settings,
                       NULL);
}

/**
 * bb_window_get_settings:
 *
 * Returns: (transfer none): the settings
 */
BbSettings *
bb_window_get_settings (BbWindow *self)
{
  g_return_val_if_fail (BB_IS_WINDOW (self), NULL);

  return self->settings;
}

/**
 * bb_window_get_store:
 *
 * Returns: (transfer none) (nullable): the bounce log, or %NULL while it
 *   is not open (or could not be opened)
 */
BbStore *
bb_window_get_store (BbWindow *self)
{
  g_return_val_if_fail (BB_IS_WINDOW (self), NULL);

  return self->store;
}

/**
 * bb_window_set_store:
 * @store: (nullable): the bounce log
 *
 * Gives the window the log (the application does, once it is open).
 * Pages follow the "store" property.
 */
void
bb_window_set_store (BbWindow *self,
                     BbStore  *store)
{
  g_return_if_fail (BB_IS_WINDOW (self));
  g_return_if_fail (store == NULL || BB_IS_STORE (store));

  if (g_set_object (&self->store, store))
    {
      bb_loader_set_store (self->loader, store);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
    }
  _bb_window_set_store_pending (self, FALSE);
}

/**
 * _bb_window_set_store_pending:
 *
 * While the application opens the log, files to open wait for it; they
 * are opened when bb_window_set_store() or _bb_window_show_log_error() is
 * called, or this with %FALSE.
 */
void
_bb_window_set_store_pending (BbWindow *self,
                              gboolean  pending)
{
  g_auto (GStrv) paths = NULL;

  g_return_if_fail (BB_IS_WINDOW (self));

  self->store_pending = pending;
  if (pending || self->pending_paths == NULL)
    return;
  paths = g_steal_pointer (&self->pending_paths);
  _bb_window_open_paths (self, (const char *const *) paths);
}

/**
 * bb_window_log_changed:
 *
 * Says that the log changed: emits BbWindow::log-changed.
 */
void
bb_window_log_changed (BbWindow *self)
{
  g_return_if_fail (BB_IS_WINDOW (self));

  g_signal_emit (self, signals[SIGNAL_LOG_CHANGED], 0);
}

/**
 * bb_window_show_page:
 * @name: "diagnose", "history", "followup", "insights" or "reference"
 *
 * Shows one of the top-level pages.
 */
void
bb_window_show_page (BbWindow   *self,
                     const char *name)
{
  g_return_if_fail (BB_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/**
 * bb_window_add_toast:
 * @toast: (transfer full): a toast
 *
 * Shows @toast over the window (pages use it for their messages).
 */
void
bb_window_add_toast (BbWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (BB_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* ---- for the application and the tests ---- */

static void
show_log_error_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BbWindow  *self = BB_WINDOW (widget);
  GtkWidget *dialog;

  if (self->log_error == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   /* Translators: heading of the dialog that says why the bounce log
                                    * could not be opened */
                                   _ ("The Bounce Log Cannot Be Used"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: %s is the reason, a whole sentence or two */
                                  _ ("%s\n\nBounces are analysed as usual, but they are not logged, and the "
                                     "History and Follow-up pages stay empty."),
                                  self->log_error);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * _bb_window_show_log_error:
 * @message: why the bounce log could not be opened
 *
 * Says so in a toast that stays, with the whole message one click away.
 */
void
_bb_window_show_log_error (BbWindow   *self,
                           const char *message)
{
  AdwToast *toast;

  g_return_if_fail (BB_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  g_free (self->log_error);
  self->log_error = g_strdup (message);
  /* Translators: a message that stays at the bottom of the window */
  toast = adw_toast_new (_ ("The bounce log cannot be used: bounces are not logged"));
  adw_toast_set_timeout (toast, 0);
  /* Translators: button of that message: show why */
  adw_toast_set_button_label (toast, _ ("_Details"));
  adw_toast_set_action_name (toast, "win.show-log-error");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  _bb_window_set_store_pending (self, FALSE);
}

const char *
_bb_window_get_log_error (BbWindow *self)
{
  g_return_val_if_fail (BB_IS_WINDOW (self), NULL);

  return self->log_error;
}

GtkWidget *
_bb_window_get_history_page (BbWindow *self)
{
  g_return_val_if_fail (BB_IS_WINDOW (self), NULL);

  return GTK_WIDGET (ensure_history_page (self));
}

GtkWidget *
_bb_window_get_followup_page (BbWindow *self)
{
  g_return_val_if_fail (BB_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->followup_page);
}

/* How long a load started from the empty page runs before its progress
 * page shows (0: at once). */
void
_bb_window_set_loading_page_delay (BbWindow *self,
                                   guint     ms)
{
  g_return_if_fail (BB_IS_WINDOW (self));
  self->loading_page_delay = ms;
}

/* The Diagnose page's stack: "empty", "loading", "results" */
GtkStack *
_bb_window_get_stack (BbWindow *self)
{
  g_return_val_if_fail (BB_IS_WINDOW (self), NULL);

  return self->stack;
}

const char *
_bb_window_get_top_page (BbWindow *self)
{
  g_return_val_if_fail (BB_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

gboolean
_bb_window_get_switcher_bar_revealed (BbWindow *self)
{
  g_return_val_if_fail (BB_IS_WINDOW (self), FALSE);

  return adw_view_switcher_bar_get_reveal (self->switcher_bar);
}

GtkDropTarget *
_bb_window_get_drop_target (BbWindow *self)
{
  g_return_val_if_fail (BB_IS_WINDOW (self), NULL);

  return self->drop_target;
}

GListModel *
_bb_window_get_results (BbWindow *self)
{
  g_return_val_if_fail (BB_IS_WINDOW (self), NULL);

  return G_LIST_MODEL (self->results);
}

GtkWidget *
_bb_window_get_list_view (BbWindow *self)
{
  g_return_val_if_fail (BB_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->list_view);
}

GtkWidget *
_bb_window_get_diagnosis_view (BbWindow *self)
{
  g_return_val_if_fail (BB_IS_WINDOW (self), NULL);

  return ensure_diagnosis_view (self);
}

AdwLeaflet *
_bb_window_get_leaflet (BbWindow *self)
{
  g_return_val_if_fail (BB_IS_WINDOW (self), NULL);

  return self->leaflet;
}

/* Whether the diagnosis is what the results page shows (always so when
 * the leaflet is unfolded). */
gboolean
_bb_window_get_content_shown (BbWindow *self)
{
  g_return_val_if_fail (BB_IS_WINDOW (self), FALSE);

  return !adw_leaflet_get_folded (self->leaflet) ||
         adw_leaflet_get_visible_child (self->leaflet) == self->content_box;
}

const char *
_bb_window_get_page (BbWindow *self)
{
  g_return_val_if_fail (BB_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
_bb_window_get_loading (BbWindow *self)
{
  g_return_val_if_fail (BB_IS_WINDOW (self), FALSE);

  return self->loading;
}

/* Loads whose callback has not run yet, stopped ones included: the
 * window stays alive (each holds a reference) until this is 0. */
guint
_bb_window_get_n_running (BbWindow *self)
{
  g_return_val_if_fail (BB_IS_WINDOW (self), 0);

  /* (files waiting for the log count as a load) */
  return self->n_running + (self->pending_paths != NULL ? 1 : 0);
}

/* ---- screenshots (developer option, see tools/screenshots.sh) ---- */

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* "draft": scroll the draft panel of the diagnosis into view. */
static void
scroll_to_draft (BbWindow *self)
{
  GType            panel_type = g_type_from_name ("BbDraftPanel");
  GtkWidget       *panel;
  GtkWidget       *scrolled;
  GtkWidget       *content;
  graphene_point_t point;

  if (panel_type == 0 || (panel = find_descendant (ensure_diagnosis_view (self), panel_type)) == NULL)
    {
      g_printerr ("screenshot: no draft panel in the diagnosis view\n");
      return;
    }
  scrolled = gtk_widget_get_ancestor (panel, GTK_TYPE_SCROLLED_WINDOW);
  if (scrolled == NULL)
    return;
  content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  if (GTK_IS_VIEWPORT (content) && gtk_viewport_get_child (GTK_VIEWPORT (content)) != NULL)
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  /* The panel's top, or, when it is taller than the page, as far down
   * as shows its buttons: what the rep does with the draft */
  if (gtk_widget_compute_point (panel, content, &GRAPHENE_POINT_INIT (0, 0), &point))
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      double         top = point.y - 12;
      double         bottom = point.y + gtk_widget_get_height (panel) - gtk_adjustment_get_page_size (adjustment);

      gtk_adjustment_set_value (adjustment, MAX (0, MAX (top, bottom)));
    }
}

static void
save_screenshot (BbWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int        width = gtk_widget_get_width (widget);
  int        height = gtk_widget_get_height (widget);
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (self));

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node != NULL)
    texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (texture == NULL || !gdk_texture_save_to_png (texture, self->screenshot_path))
    g_printerr ("screenshot: could not save %s (%d×%d, node %p, texture %p)\n", self->screenshot_path, width, height, (void *) node, (void *) texture);
  else
    g_print ("screenshot: %s (%d×%d)\n", self->screenshot_path, width, height);
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   BbWindow      *self)
{
  GtkApplication *application;

  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, self);
  save_screenshot (self);
  application = gtk_window_get_application (GTK_WINDOW (self));
  if (application != NULL)
    g_application_quit (G_APPLICATION (application));
}

static gboolean
screenshot_tick_cb (GtkWidget     *widget,
                    GdkFrameClock *clock,
                    gpointer       user_data)
{
  BbWindow *self = BB_WINDOW (widget);

  /* A few frames, so that lists and scrolling have settled; then render
   * right after a frame was painted.  The draft panel's place is known
   * only once the page has been laid out: scroll to it again each frame. */
  if (g_strcmp0 (self->screenshot_state, "draft") == 0)
    scroll_to_draft (self);
  gtk_widget_queue_draw (widget);
  if (++self->screenshot_frames < 8)
    return G_SOURCE_CONTINUE;
  self->screenshot_tick = 0;
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), self);
  return G_SOURCE_REMOVE;
}

static gboolean
screenshot_wait_cb (gpointer user_data)
{
  BbWindow *self = user_data;
  gboolean  want_results = g_strcmp0 (self->screenshot_state, "diagnosis") == 0 ||
                          g_strcmp0 (self->screenshot_state, "draft") == 0;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return G_SOURCE_CONTINUE;
  if (g_strcmp0 (self->screenshot_state, "loading") == 0)
    {
      /* (the progress page shows once the load has lasted a moment) */
      if (!self->loading || g_strcmp0 (_bb_window_get_page (self), "loading") != 0)
        return G_SOURCE_CONTINUE;
    }
  else if (self->n_running > 0)
    return G_SOURCE_CONTINUE;
  if (want_results && g_strcmp0 (_bb_window_get_page (self), "results") != 0)
    return G_SOURCE_CONTINUE;
  /* A top-level page over the log ("history", "followup" …): once the
   * application has opened the log (or failed to) */
  if (adw_view_stack_get_child_by_name (self->view_stack, self->screenshot_state) != NULL)
    {
      if (self->store_pending || (self->store == NULL && self->log_error == NULL))
        return G_SOURCE_CONTINUE;
      adw_view_stack_set_visible_child_name (self->view_stack, self->screenshot_state);
    }
  self->screenshot_source = 0;
  if (g_strcmp0 (self->screenshot_state, "draft") == 0)
    scroll_to_draft (self);
  else if (g_strcmp0 (self->screenshot_state, "drop") == 0)
    set_drop_highlight (self, TRUE);
  self->screenshot_frames = 0;
  self->screenshot_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), screenshot_tick_cb, NULL, NULL);
  return G_SOURCE_REMOVE;
}

/**
 * _bb_window_take_screenshot:
 * @path: the PNG to write
 * @state: "empty", "diagnosis", "draft", "drop" (the drop highlight),
 *   "loading" (while reading the files), or the name of a top-level page
 *   ("history", "followup", "insights", "reference"), shown once the log
 *   is open
 *
 * Once the window shows @state (results loaded for "diagnosis" and
 * "draft"), renders it to @path in-process and quits the application.
 */
void
_bb_window_take_screenshot (BbWindow   *self,
                            const char *path,
                            const char *state)
{
  g_return_if_fail (BB_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  g_free (self->screenshot_path);
  self->screenshot_path = g_strdup (path);
  g_free (self->screenshot_state);
  self->screenshot_state = g_strdup (state != NULL ? state : "diagnosis");
  g_clear_handle_id (&self->screenshot_source, g_source_remove);
  self->screenshot_source = g_timeout_add (100, screenshot_wait_cb, self);
}

/* ---- timing (developer option BOUNCEBACK_TIMING, see bb-application.c) ---- */

static void
timing_mark (const char *milestone)
{
  g_printerr ("timing %s %" G_GINT64_FORMAT "\n", milestone, g_get_monotonic_time ());
}

static void
timing_done (BbWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  self->timing_stage = TIMING_DONE;
  if (self->timing_quit && application != NULL)
    g_application_quit (G_APPLICATION (application));
}

/* What a drop would do, once the window has been up for a while. */
static gboolean
timing_open_cb (gpointer user_data)
{
  BbWindow *self = user_data;

  self->timing_source = 0;
  self->timing_stage = TIMING_DIAGNOSIS_SHOWN;
  timing_mark ("load-start");
  bb_window_open_files (self, (GFile **) self->timing_files->pdata, self->timing_files->len);
  return G_SOURCE_REMOVE;
}

static void
timing_after_paint_cb (GdkFrameClock *clock,
                       BbWindow      *self)
{
  switch ((TimingStage) self->timing_stage)
    {
    case TIMING_FIRST_FRAME:
      timing_mark ("first-frame");
      if (self->timing_files == NULL || self->timing_files->len == 0)
        {
          timing_done (self);
          break;
        }
      self->timing_stage = TIMING_WAIT;
      self->timing_source = g_timeout_add (500, timing_open_cb, self);
      break;
    case TIMING_DIAGNOSIS_SHOWN:
      /* The frame just painted shows the results page with the first
       * result's diagnosis, fully drawn: no crossfade still fading it in. */
      if (!self->loading && g_strcmp0 (_bb_window_get_page (self), "empty") == 0)
        {
          /* Nothing was found: no diagnosis to wait for. */
          timing_mark ("no-results");
          timing_done (self);
          break;
        }
      if (g_strcmp0 (_bb_window_get_page (self), "results") != 0 ||
          gtk_single_selection_get_selected_item (self->selection) == NULL ||
          !_bb_window_get_content_shown (self) || gtk_stack_get_transition_running (self->stack))
        break;
      timing_mark ("diagnosis-shown");
      timing_done (self);
      break;
    case TIMING_OFF:
    case TIMING_WAIT:
    case TIMING_DONE:
    default:
      break;
    }
}

static void
timing_realize_cb (GtkWidget *widget,
                   gpointer   user_data)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (timing_after_paint_cb), widget, 0);
}

/**
 * _bb_window_time:
 * @files: (array length=n_files) (nullable): files to open once the window
 *   is up, or %NULL
 * @quit: whether to quit after the last milestone
 *
 * Prints the startup milestones (see bb-application.c).  Call it before
 * the window is shown.
 */
void
_bb_window_time (BbWindow *self,
                 GFile   **files,
                 int       n_files,
                 gboolean  quit)
{
  g_return_if_fail (BB_IS_WINDOW (self));
  g_return_if_fail (files != NULL || n_files == 0);

  if (self->timing_stage != TIMING_OFF || gtk_widget_get_realized (GTK_WIDGET (self)))
    return;
  self->timing_stage = TIMING_FIRST_FRAME;
  self->timing_quit = quit;
  self->timing_files = g_ptr_array_new_with_free_func (g_object_unref);
  for (int i = 0; i < n_files; i++)
    g_ptr_array_add (self->timing_files, g_object_ref (files[i]));
  g_signal_connect (self, "realize", G_CALLBACK (timing_realize_cb), NULL);
}
