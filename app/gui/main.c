/* main.c - Bounceback, the desktop application
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "bb-application.h"
#include "bb-core.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr (BbApplication) application = NULL;

  /* Developer option BOUNCEBACK_TIMING=1 (bb-application.c): the first
   * milestone of startup, before anything else runs. */
  if (g_strcmp0 (g_getenv ("BOUNCEBACK_TIMING"), "1") == 0)
    g_printerr ("timing main %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());

  setlocale (LC_ALL, "");
  /* GMime, and the message catalogue (BOUNCEBACK_LOCALEDIR lets an
   * uninstalled build find its own) */
  bb_core_init ();
  textdomain (GETTEXT_PACKAGE);

  /* Translators: the name of the app */
  g_set_application_name (_ ("Bounceback"));

  application = bb_application_new ();
  return g_application_run (G_APPLICATION (application), argc, argv);
}
