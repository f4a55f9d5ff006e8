/* bb-window.h - the main window
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-settings.h"

G_BEGIN_DECLS

#define BB_TYPE_WINDOW (bb_window_get_type ())

G_DECLARE_FINAL_TYPE (BbWindow, bb_window, BB, WINDOW, AdwApplicationWindow)

BbWindow   *bb_window_new          (GtkApplication *application,
                                    BbSettings     *settings);
BbSettings *bb_window_get_settings (BbWindow       *self);
void        bb_window_open_files   (BbWindow       *self,
                                    GFile         **files,
                                    guint           n_files);

G_END_DECLS
