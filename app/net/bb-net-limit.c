/* bb-net-limit.c - a time limit on one asynchronous network operation
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-net-private.h"

static gboolean
limit_expired_cb (gpointer data)
{
  BbNetLimit *limit = data;

  limit->timeout_id = 0;
  limit->timed_out = TRUE;
  g_cancellable_cancel (limit->cancellable);
  return G_SOURCE_REMOVE;
}

static void
caller_cancelled_cb (GCancellable *caller,
                     gpointer      data)
{
  g_cancellable_cancel (data);
}

/* Starts the clock; @limit must stay where it is until
 * _bb_net_limit_stop(). */
void
_bb_net_limit_start (BbNetLimit   *limit,
                     GCancellable *caller,
                     guint         timeout_ms)
{
  limit->cancellable = g_cancellable_new ();
  limit->timed_out = FALSE;
  limit->caller = caller != NULL ? g_object_ref (caller) : NULL;
  limit->caller_handler = 0;
  if (caller != NULL)
    limit->caller_handler = g_cancellable_connect (caller, G_CALLBACK (caller_cancelled_cb),
                                                   g_object_ref (limit->cancellable), g_object_unref);
  limit->timeout_id = g_timeout_add (timeout_ms, limit_expired_cb, limit);
}

/* Stops the clock (timed_out keeps its value). */
void
_bb_net_limit_stop (BbNetLimit *limit)
{
  g_clear_handle_id (&limit->timeout_id, g_source_remove);
  if (limit->caller != NULL && limit->caller_handler != 0)
    g_cancellable_disconnect (limit->caller, limit->caller_handler);
  limit->caller_handler = 0;
  g_clear_object (&limit->caller);
  g_clear_object (&limit->cancellable);
}
