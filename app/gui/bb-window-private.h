/* bb-window-private.h - BbWindow internals for the application and tests
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-window.h"

G_BEGIN_DECLS

GtkDropTarget *_bb_window_get_drop_target (BbWindow          *self);
void           _bb_window_show_log_error  (BbWindow          *self,
                                           const char        *message);
const char    *_bb_window_get_log_error   (BbWindow          *self);
void           _bb_window_set_store_pending (BbWindow        *self,
                                           gboolean           pending);
const char    *_bb_window_get_top_page    (BbWindow          *self);
GtkStack      *_bb_window_get_stack       (BbWindow          *self);
GtkWidget     *_bb_window_get_history_page (BbWindow         *self);
GtkWidget     *_bb_window_get_followup_page (BbWindow        *self);
gboolean       _bb_window_get_switcher_bar_revealed (BbWindow *self);
GListModel    *_bb_window_get_results     (BbWindow          *self);
GtkWidget     *_bb_window_get_list_view   (BbWindow          *self);
GtkWidget     *_bb_window_get_diagnosis_view (BbWindow        *self);
AdwLeaflet    *_bb_window_get_leaflet     (BbWindow          *self);
gboolean       _bb_window_get_content_shown (BbWindow        *self);
const char    *_bb_window_get_page        (BbWindow          *self);
void           _bb_window_set_loading_page_delay (BbWindow  *self,
                                                  guint      ms);
gboolean       _bb_window_get_loading     (BbWindow          *self);
guint          _bb_window_get_n_running   (BbWindow          *self);
void           _bb_window_open_paths      (BbWindow          *self,
                                           const char *const *paths);
void           _bb_window_analyse_text    (BbWindow          *self,
                                           const char        *text);
void           _bb_window_take_screenshot (BbWindow          *self,
                                           const char        *path,
                                           const char        *state);
void           _bb_window_time            (BbWindow          *self,
                                           GFile            **files,
                                           int                n_files,
                                           gboolean           quit);

G_END_DECLS
