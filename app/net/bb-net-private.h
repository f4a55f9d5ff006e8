/* bb-net-private.h - helpers shared by the network checks
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A time limit on one asynchronous operation: give it @cancellable,
 * which is cancelled when the time is up (timed_out is then set) or when
 * the caller's cancellable is. */
typedef struct
{
  GCancellable *cancellable;
  GCancellable *caller;
  gulong        caller_handler;
  guint         timeout_id;
  gboolean      timed_out;
} BbNetLimit;

void _bb_net_limit_start (BbNetLimit   *limit,
                          GCancellable *caller,
                          guint         timeout_ms);
void _bb_net_limit_stop  (BbNetLimit   *limit);

G_END_DECLS
