/* bb-window.h - the main window
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-settings.h"
#include "bb-store.h"

G_BEGIN_DECLS

#define BB_TYPE_WINDOW (bb_window_get_type ())

G_DECLARE_FINAL_TYPE (BbWindow, bb_window, BB, WINDOW, AdwApplicationWindow)

BbWindow   *bb_window_new          (GtkApplication *application,
                                    BbSettings     *settings);
BbSettings *bb_window_get_settings (BbWindow       *self);
void        bb_window_open_files   (BbWindow       *self,
                                    GFile         **files,
                                    guint           n_files);
BbStore    *bb_window_get_store    (BbWindow       *self);
void        bb_window_set_store    (BbWindow       *self,
                                    BbStore        *store);
void        bb_window_log_changed  (BbWindow       *self);
void        bb_window_show_page    (BbWindow       *self,
                                    const char     *name);
void        bb_window_add_toast    (BbWindow       *self,
                                    AdwToast       *toast);

G_END_DECLS
