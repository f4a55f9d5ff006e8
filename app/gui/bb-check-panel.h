/* bb-check-panel.h - checks on request in the diagnosis: the domain's
 * mail servers, the blocklists the bounce names, other contacts
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-bounce.h"
#include "bb-recipient.h"

G_BEGIN_DECLS

#define BB_TYPE_CHECK_PANEL (bb_check_panel_get_type ())

G_DECLARE_FINAL_TYPE (BbCheckPanel, bb_check_panel, BB, CHECK_PANEL, AdwBin)

GtkWidget *bb_check_panel_new        (void);
void       bb_check_panel_set_target (BbCheckPanel *self,
                                      BbBounce     *bounce,
                                      BbRecipient  *recipient);

G_END_DECLS
