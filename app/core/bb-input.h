/* bb-input.h - read files, folders, mbox files and standard input, and
 * analyse every message in them on all cores, results in input order
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bb-analyze.h"
#include "bb-bounce.h"

G_BEGIN_DECLS

/**
 * BbInputFunc:
 * @bounce: (transfer none): one result, in input order
 * @user_data: closure
 *
 * Called on the thread that called bb_input_analyze().
 */
typedef void (*BbInputFunc) (BbBounce *bounce,
                             gpointer  user_data);

/**
 * BbMessageFunc:
 * @label: the source label ("path" or "path#N")
 * @data: (nullable): the message's bytes, or %NULL when it could not be read
 * @error: (nullable): why it could not be read
 *
 * Returns: %FALSE to stop reading
 */
typedef gboolean (*BbMessageFunc) (const char *label,
                                   GBytes     *data,
                                   const char *error,
                                   gpointer    user_data);

void     bb_input_foreach_message (const char    *path,
                                   GCancellable  *cancellable,
                                   BbMessageFunc  func,
                                   gpointer       user_data);

guint    bb_input_analyze_with_flags (const char * const *paths,
                                      guint               n_threads,
                                      BbAnalyzeFlags      flags,
                                      GCancellable       *cancellable,
                                      BbInputFunc         func,
                                      gpointer            user_data);
guint    bb_input_analyze         (const char * const *paths,
                                   guint               n_threads,
                                   GCancellable       *cancellable,
                                   BbInputFunc         func,
                                   gpointer            user_data);

/**
 * BbFormatFunc:
 * @bounce: one result
 * @out: where to append its text
 *
 * Called on a worker thread, so output formatting runs in parallel too.
 */
typedef void (*BbFormatFunc) (BbBounce *bounce,
                              GString  *out,
                              gpointer  user_data);

/**
 * BbWriteFunc:
 * @text: formatted results, in input order
 *
 * Called on the thread that called bb_input_analyze_formatted().
 */
typedef void (*BbWriteFunc) (const char *text,
                             gsize       len,
                             gpointer    user_data);

guint    bb_input_analyze_formatted (const char * const *paths,
                                     guint               n_threads,
                                     GCancellable       *cancellable,
                                     BbFormatFunc        format,
                                     BbWriteFunc         write,
                                     gpointer            user_data);

guint    bb_input_analyze_in_processes (const char * const *paths,
                                        guint               n_workers,
                                        GCancellable       *cancellable,
                                        BbFormatFunc        format,
                                        BbWriteFunc         write,
                                        gpointer            user_data);

gboolean bb_input_is_from_line    (const char *line,
                                   gsize       len);

G_END_DECLS
