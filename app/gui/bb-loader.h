/* bb-loader.h - analyse files, folders, pasted text or sample bytes on a
 * worker thread, with progress and partial results on the main thread
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bb-bounce.h"
#include "bb-store.h"

G_BEGIN_DECLS

#define BB_TYPE_LOADER (bb_loader_get_type ())

G_DECLARE_FINAL_TYPE (BbLoader, bb_loader, BB, LOADER, GObject)

/**
 * BbLoaderProgressFunc:
 * @n_done: messages analysed so far
 * @n_total: messages found in the input, or 0 while still counting
 * @results: (element-type BbBounce) (transfer none): the results that
 *   arrived since the previous call (may be empty), in input order
 *
 * Called on the thread that started the load, a few times a second at
 * most, never after the load's callback and never once the load's
 * cancellable is cancelled.
 */
typedef void (*BbLoaderProgressFunc) (guint      n_done,
                                      guint      n_total,
                                      GPtrArray *results,
                                      gpointer   user_data);

BbLoader  *bb_loader_new              (void);
void       bb_loader_set_store        (BbLoader             *self,
                                       BbStore              *store);

void       bb_loader_load_async       (BbLoader             *self,
                                       const char * const   *paths,
                                       GCancellable         *cancellable,
                                       BbLoaderProgressFunc  progress,
                                       gpointer              progress_data,
                                       GDestroyNotify        progress_data_free,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
void       bb_loader_load_data_async  (BbLoader             *self,
                                       GBytes * const       *data,
                                       const char * const   *labels,
                                       gboolean              is_text,
                                       GCancellable         *cancellable,
                                       BbLoaderProgressFunc  progress,
                                       gpointer              progress_data,
                                       GDestroyNotify        progress_data_free,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
GPtrArray *bb_loader_load_finish      (BbLoader             *self,
                                       GAsyncResult         *result,
                                       GError              **error);

GPtrArray *bb_loader_load             (BbLoader             *self,
                                       const char * const   *paths,
                                       GCancellable         *cancellable,
                                       GError              **error);

G_END_DECLS
