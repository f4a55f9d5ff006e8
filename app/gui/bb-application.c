/* bb-application.c - the application
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens files given on the command line or through "Open With", owns the
 * settings and the bounce log, and carries the app-wide actions: quit,
 * preferences, about.  The log is opened asynchronously at startup, at
 * bb_store_default_path(), or at $BOUNCEBACK_DB, or at the file given with
 * --db FILE (which wins); its windows get it once it is open.  A file that
 * is not a usable log is left alone: the windows say so and work without
 * logging.
 * The keyboard shortcuts window is ui/gtk/help-overlay.ui, but in the
 * resources it is not at gtk/help-overlay.ui, where GtkApplication would
 * build one with every window before its first frame: each window loads
 * it when idle after that frame (GtkApplicationWindow then adds
 * win.show-help-overlay), and the Ctrl+? key is set here.
 *
 * Developer option for tools/screenshots.sh: BOUNCEBACK_SCREENSHOT=PNG
 * (with BOUNCEBACK_SCREENSHOT_STATE=empty|diagnosis|draft, and optionally
 * BOUNCEBACK_SCREENSHOT_SIZE=WxH) opens a 1000×720 window, renders it to PNG once it shows that state, and quits.
 *
 * Developer option BOUNCEBACK_PAGE=NAME: the window starts on that
 * top-level page ("history", "followup" …), e.g. to read it with
 * /work/shared/tools/screen-text.
 *
 * Developer option for tests/bench/bench-gui.sh: BOUNCEBACK_TIMING=1 prints
 * milestones to stderr, one line each, "timing <milestone> <µs>" with
 * g_get_monotonic_time() (CLOCK_MONOTONIC): "main" (top of main()),
 * "first-frame" (after-paint of the window's first frame) and, with files
 * on the command line, "load-start" (the analysis is requested) and
 * "diagnosis-shown" (after-paint of the first frame that draws the
 * diagnosis of the first result in full, no crossfade still fading it
 * in).  The files are opened 500 ms after the first frame,
 * as a drop on a window that is already up would be, so that the load
 * measures the analysis and not the startup.  BOUNCEBACK_TIMING_QUIT=1
 * then quits after the last milestone.
 */

#include "config.h"

#include "bb-application.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "bb-preferences-window.h"
#include "bb-window-private.h"
#include "bb-window.h"

#define RESOURCE_PATH "/io/github/bounceback/Bounceback"

struct _BbApplication
{
  AdwApplication parent_instance;

  /* owned */
  BbSettings   *settings;
  BbStore      *store;       /* NULL until open, or when it cannot be */
  char         *db_path;     /* --db */
  char         *store_error; /* why the log could not be opened */
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (BbApplication, bb_application, ADW_TYPE_APPLICATION)

static BbWindow *
get_window (BbApplication *self)
{
  GtkWindow  *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *screenshot = g_getenv ("BOUNCEBACK_SCREENSHOT");
  BbWindow   *new_window;

  if (BB_IS_WINDOW (window))
    return BB_WINDOW (window);

  new_window = bb_window_new (GTK_APPLICATION (self), self->settings);
  if (g_getenv ("BOUNCEBACK_PAGE") != NULL)
    bb_window_show_page (new_window, g_getenv ("BOUNCEBACK_PAGE"));
  if (self->store != NULL)
    bb_window_set_store (new_window, self->store);
  else if (self->store_error != NULL)
    _bb_window_show_log_error (new_window, self->store_error);
  else
    _bb_window_set_store_pending (new_window, TRUE);
  if (screenshot != NULL && screenshot[0] != '\0')
    {
      const char *size = g_getenv ("BOUNCEBACK_SCREENSHOT_SIZE");
      int         width = 1000, height = 720;

      /* "WxH", e.g. 360x720 to check the narrow layout */
      if (size != NULL && sscanf (size, "%dx%d", &width, &height) != 2)
        width = 1000, height = 720;
      gtk_window_set_default_size (GTK_WINDOW (new_window), width, height);
      gtk_window_unmaximize (GTK_WINDOW (new_window));
      _bb_window_take_screenshot (new_window, screenshot, g_getenv ("BOUNCEBACK_SCREENSHOT_STATE"));
    }
  return new_window;
}

static gboolean
timing_enabled (void)
{
  return g_strcmp0 (g_getenv ("BOUNCEBACK_TIMING"), "1") == 0;
}

static gboolean
timing_quit (void)
{
  return g_strcmp0 (g_getenv ("BOUNCEBACK_TIMING_QUIT"), "1") == 0;
}

static void
bb_application_activate (GApplication *application)
{
  BbWindow *window = get_window (BB_APPLICATION (application));

  if (timing_enabled ())
    _bb_window_time (window, NULL, 0, timing_quit ());
  gtk_window_present (GTK_WINDOW (window));
}

static void
bb_application_open (GApplication *application,
                     GFile       **files,
                     int           n_files,
                     const char   *hint)
{
  BbWindow *window = get_window (BB_APPLICATION (application));

  if (timing_enabled ())
    _bb_window_time (window, files, n_files, timing_quit ());
  else
    bb_window_open_files (window, files, n_files);
  gtk_window_present (GTK_WINDOW (window));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  BbApplication *self = user_data;
  g_autoptr (GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing (rather than quitting outright) lets each window save its
   * size and stop its work. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  BbApplication *self = user_data;
  GtkWindow     *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWindow     *preferences = GTK_WINDOW (bb_preferences_window_new (self->settings));

  gtk_window_set_application (preferences, GTK_APPLICATION (self));
  gtk_window_set_transient_for (preferences, parent);
  gtk_window_set_modal (preferences, TRUE);
  gtk_window_present (preferences);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  BbApplication *self = user_data;
  GtkWindow     *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget     *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "application", self,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-icon", APP_ID,
                        /* Translators: the name of the app */
                        "application-name", _ ("Bounceback"),
                        "developer-name", _ ("The Bounceback authors"),
                        "version", PACKAGE_VERSION,
                        /* Translators: one line under the app's name in About */
                        "comments", _ ("Understand bounced emails and write to your customers again"),
                        "website", "https://github.com/bounceback/bounceback",
                        "issue-url", "https://github.com/bounceback/bounceback/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Bounceback authors",
                        /* Translators: put your names here, one per line */
                        "translator-credits", _ ("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
store_open_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (BbApplication) self = user_data;
  g_autoptr (BbStore) store = NULL;
  g_autoptr (GError) error = NULL;
  GList *windows;

  store = bb_store_open_finish (result, &error);
  if (store == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (store == NULL)
    {
      g_message ("The bounce log cannot be used: %s", error->message);
      self->store_error = g_strdup (error->message);
    }
  else
    self->store = g_steal_pointer (&store);

  windows = gtk_application_get_windows (GTK_APPLICATION (self));
  for (GList *l = windows; l != NULL; l = l->next)
    {
      if (!BB_IS_WINDOW (l->data))
        continue;
      if (self->store != NULL)
        bb_window_set_store (l->data, self->store);
      else
        _bb_window_show_log_error (l->data, self->store_error);
    }
}

static void
open_store (BbApplication *self)
{
  const char      *env = g_getenv ("BOUNCEBACK_DB");
  g_autofree char *path = NULL;

  if (self->db_path != NULL)
    path = g_strdup (self->db_path);
  else if (env != NULL && env[0] != '\0')
    path = g_strdup (env);
  else
    {
      g_autofree char *folder = NULL;

      path = bb_store_default_path ();
      folder = g_path_get_dirname (path);
      g_mkdir_with_parents (folder, 0700);
    }
  self->cancellable = g_cancellable_new ();
  bb_store_open_async (path, self->cancellable, store_open_cb, g_object_ref (self));
}

static int
bb_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  BbApplication   *self = BB_APPLICATION (application);
  g_autofree char *db = NULL;

  if (g_variant_dict_lookup (options, "db", "^ay", &db))
    self->db_path = g_canonicalize_filename (db, NULL);
  /* go on as usual */
  return -1;
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "preferences", preferences_action },
  { "about", about_action },
};

static void
bb_application_startup (GApplication *application)
{
  BbApplication           *self = BB_APPLICATION (application);
  static const char *const quit_accels[] = { "<Control>q", NULL };
  static const char *const preferences_accels[] = { "<Control>comma", NULL };
  static const char *const help_overlay_accels[] = { "<Control>question", NULL };
  g_autoptr (GtkCssProvider) diagnosis_css = gtk_css_provider_new ();
  const char *screenshot = g_getenv ("BOUNCEBACK_SCREENSHOT");

  /* AdwApplication loads style.css from the resource base path. */
  G_APPLICATION_CLASS (bb_application_parent_class)->startup (application);

  self->settings = bb_settings_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", help_overlay_accels);

  /* The diagnosis view's own style sheet. */
  gtk_css_provider_load_from_resource (diagnosis_css, RESOURCE_PATH "/diagnosis.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (diagnosis_css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  open_store (self);

  /* Screenshots show the final state, not a transition. */
  if (screenshot != NULL && screenshot[0] != '\0')
    g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

static void
bb_application_dispose (GObject *object)
{
  BbApplication *self = BB_APPLICATION (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bb_application_parent_class)->dispose (object);
}

static void
bb_application_finalize (GObject *object)
{
  BbApplication *self = BB_APPLICATION (object);

  g_free (self->db_path);
  g_free (self->store_error);

  G_OBJECT_CLASS (bb_application_parent_class)->finalize (object);
}

static void
bb_application_class_init (BbApplicationClass *klass)
{
  GObjectClass      *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = bb_application_dispose;
  object_class->finalize = bb_application_finalize;
  app_class->handle_local_options = bb_application_handle_local_options;
  app_class->startup = bb_application_startup;
  app_class->activate = bb_application_activate;
  app_class->open = bb_application_open;
}

static void
bb_application_init (BbApplication *self)
{
  static const GOptionEntry options[] = {
    /* Translators: --help for --db; keep "FILE" in capitals as the
     * placeholder below */
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_ ("Use FILE as the bounce log instead of the usual one"),
      /* Translators: the placeholder of --db in --help */
      N_ ("FILE") },
    { NULL },
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

BbApplication *
bb_application_new (void)
{
  return g_object_new (BB_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

/**
 * bb_application_get_settings:
 *
 * Returns: (transfer none): the settings, once the application started
 */
BbSettings *
bb_application_get_settings (BbApplication *self)
{
  g_return_val_if_fail (BB_IS_APPLICATION (self), NULL);

  return self->settings;
}
