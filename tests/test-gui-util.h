/* test-gui-util.h - running the main loop in the GUI tests
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Static functions for the test-gui-*.c programs: include once, after
 * defining TIMEOUT_S (seconds before a wait fails).
 */

#pragma once

#include <glib.h>

#ifndef TIMEOUT_S
#error "define TIMEOUT_S before including test-gui-util.h"
#endif

static gboolean
test_gui_wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @done (polled) or the timeout, which fails. */
G_GNUC_UNUSED static void
iterate_until (gboolean (*done) (gpointer),
               gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_S * G_USEC_PER_SEC;
  guint  wake = g_timeout_add (20, test_gui_wake_cb, NULL);

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out after %d s", TIMEOUT_S);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);
}

/* Runs the main loop for @ms milliseconds. */
G_GNUC_UNUSED static void
iterate_for (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;
  guint  wake = g_timeout_add (10, test_gui_wake_cb, NULL);

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
}
