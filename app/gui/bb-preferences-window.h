/* bb-preferences-window.h - the rep's details and the resend templates
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-draft.h"
#include "bb-settings.h"

G_BEGIN_DECLS

#define BB_TYPE_PREFERENCES_WINDOW (bb_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (BbPreferencesWindow, bb_preferences_window, BB, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget    *bb_preferences_window_new             (BbSettings          *settings);
BbDraftStore *bb_preferences_window_get_draft_store (BbPreferencesWindow *self);
void          bb_preferences_window_edit_template   (BbPreferencesWindow *self,
                                                     const char          *id);

G_END_DECLS
